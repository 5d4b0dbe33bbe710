package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The two sequencing rules, each case worked out by hand. */
class ScoreSequencingTest {

    /** The week scored is 30 Nov to 6 Dec 2026: it ends the day before 7 Dec. */
    static final LocalDate END = LocalDate.of(2026, 12, 7);
    static final LocalDate PILOT = LocalDate.of(2026, 10, 9);

    static ScoreSequencing.Facts pilot(boolean outcome, LocalDate declaredOn) {
        return new ScoreSequencing.Facts("pilot", PILOT, null, outcome, declaredOn, true, true, true, 8, 0);
    }

    @Test
    void anOutcomeDeclaredAfterThePilotBeganIsBuiltBeforeTheSignal() {
        assertThat(ScoreSequencing.reasons(pilot(true, LocalDate.of(2026, 10, 20)), END)).containsExactly(
                "Built before the commercial signal: pilot started 9 Oct 2026, outcome declared 20 Oct 2026");
    }

    @Test
    void anOutcomeDeclaredOnOrBeforeTheFirstPilotDayIsInOrder() {
        assertThat(ScoreSequencing.reasons(pilot(true, PILOT), END)).isEmpty();
        assertThat(ScoreSequencing.reasons(pilot(true, LocalDate.of(2026, 9, 1)), END)).isEmpty();
    }

    @Test
    void aPilotWithNoOutcomeIsBuiltBeforeTheSignal() {
        assertThat(ScoreSequencing.reasons(pilot(false, null), END)).containsExactly(
                "Built before the commercial signal: pilot started 9 Oct 2026 with no outcome declared");
    }

    @Test
    void anOutcomeWhoseDayIsNotKnownIsNotJudged() {
        assertThat(ScoreSequencing.reasons(pilot(true, null), END)).isEmpty();
    }

    @Test
    void aWorkflowThatWentStraightToProductionIsJudgedFromItsFirstProductionDay() {
        ScoreSequencing.Facts f = new ScoreSequencing.Facts("production", null, LocalDate.of(2026, 11, 2), true,
                LocalDate.of(2026, 11, 3), true, true, false, 8, 0);
        assertThat(ScoreSequencing.reasons(f, END)).containsExactly(
                "Built before the commercial signal: production started 2 Nov 2026, outcome declared 3 Nov 2026");
    }

    @Test
    void aPilotThatBeginsAfterTheScoredWeekIsNotJudgedYet() {
        ScoreSequencing.Facts f = new ScoreSequencing.Facts("pilot", END, null, false, null, true, true, true, 8, 0);
        assertThat(ScoreSequencing.reasons(f, END)).isEmpty();
    }

    @Test
    void adoptionNotMeasuredNamesEachThingMissing() {
        ScoreSequencing.Facts none = new ScoreSequencing.Facts("pilot", PILOT, null, true, PILOT, false, false, false,
                0, 0);
        assertThat(ScoreSequencing.reasons(none, END))
                .containsExactly("Adoption not measured: no pulse, no usage source, no team size");
        ScoreSequencing.Facts noPulse = new ScoreSequencing.Facts("pilot", PILOT, null, true, PILOT, false, false,
                true, 0, 3);
        assertThat(ScoreSequencing.reasons(noPulse, END)).containsExactly("Adoption not measured: no pulse");
    }

    @Test
    void usageReceivedOrASourceInTheFileEachCountAsAUsageSource() {
        assertThat(ScoreSequencing.reasons(new ScoreSequencing.Facts("pilot", PILOT, null, true, PILOT, true, true,
                false, 4, 0), END)).isEmpty();
        assertThat(ScoreSequencing.reasons(new ScoreSequencing.Facts("pilot", PILOT, null, true, PILOT, true, false,
                true, 4, 0), END)).isEmpty();
    }

    @Test
    void aTargetTeamSizeOrSomeoneInTheAudienceEachGiveATeamSize() {
        assertThat(ScoreSequencing.reasons(new ScoreSequencing.Facts("pilot", PILOT, null, true, PILOT, true, true,
                true, 0, 1), END)).isEmpty();
        assertThat(ScoreSequencing.reasons(new ScoreSequencing.Facts("pilot", PILOT, null, true, PILOT, true, true,
                true, 5, 0), END)).isEmpty();
    }

    @Test
    void workflowsNotInPilotOrProductionAreNotJudged() {
        assertThat(ScoreSequencing.reasons(new ScoreSequencing.Facts("retired", PILOT, null, false, null, false,
                false, false, 0, 0), END)).isEmpty();
    }

    @Test
    void theDecisionIsSaidWithItsShortDay() {
        assertThat(SequencingWording.decided(new OwnerDecision("fix", LocalDate.of(2026, 12, 3), null)))
                .isEqualTo("Owner decided: fix (3 Dec)");
    }

    @Test
    void theEarlyWarningsDayIsReadBackFromItsFlag() {
        String flag = SequencingWording.earlyWarningFlag(LocalDate.of(2026, 12, 9), "habit falling");
        assertThat(flag).isEqualTo("early warning sent on 2026-12-09: habit falling");
        assertThat(SequencingWording.earlyWarningOn(java.util.List.of("pilot for 100 days", flag)))
                .contains(LocalDate.of(2026, 12, 9));
        assertThat(SequencingWording.earlyWarningOn(java.util.List.of("pilot for 100 days"))).isEmpty();
    }
}
