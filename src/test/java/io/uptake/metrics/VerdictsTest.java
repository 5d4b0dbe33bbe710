package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.CheckinPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    final Verdicts verdicts = new Verdicts(MetricsSettings.defaults());

    static WorkflowScore workflow(Figure wau, OutcomeProgress outcome, String stage, int days) {
        return workflow(wau, outcome, stage, days, 40);
    }

    static WorkflowScore workflow(Figure wau, OutcomeProgress outcome, String stage, int days, int team) {
        Figure none = Figure.noData(Figure.Source.PULSE);
        return new WorkflowScore("w", "p", "Workflow", stage, days, "owner@example.com", team, wau, none, none, none,
                none, List.of(), none, none, none, none, outcome, Verdict.ACTIVITY, List.of(), List.of(), List.of());
    }

    static OutcomeProgress outcome(OutcomeProgress.CheckinState state, double progress) {
        return new OutcomeProgress("m", "u", "up", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.valueOf(5),
                Figure.shown(progress, 1, Figure.Source.CHECKIN), "at_risk", 5, 10, state);
    }

    static Figure wau(double percent) {
        return Figure.shown(percent, 40, Figure.Source.TELEMETRY);
    }

    @Test
    void aMinorityActiveWeeklyIsNoLeverageEvenWithEverythingElse() {
        var judged = verdicts.workflow(workflow(wau(22.5), outcome(OutcomeProgress.CheckinState.CURRENT, 30),
                "production", 10), null, "quarter");

        assertThat(judged.verdict()).isEqualTo(Verdict.EMERGING);
        assertThat(judged.reasons().get(0)).isEqualTo("WAU 22.5% of a 40-person team");
    }

    @Test
    void aTeamSizeReadWithAVowelSoundTakesAn() {
        var judged = verdicts.workflow(workflow(Figure.shown(25, 8, Figure.Source.TELEMETRY),
                outcome(OutcomeProgress.CheckinState.CURRENT, 30), "production", 10, 8), null, "quarter");

        assertThat(judged.reasons().get(0)).isEqualTo("WAU 25% of an 8-person team");
    }

    @Test
    void wideUseWithoutACurrentCheckinIsEmerging() {
        var judged = verdicts.workflow(workflow(wau(70), outcome(OutcomeProgress.CheckinState.MISSED, 30),
                "production", 10), null, "quarter");

        assertThat(judged.verdict()).isEqualTo(Verdict.EMERGING);
        assertThat(judged.reasons().get(0)).isEqualTo("check-in missed this quarter");
    }

    @Test
    void littleUseAndAnOutcomeGoingTheWrongWayIsActivity() {
        var judged = verdicts.workflow(workflow(wau(10), outcome(OutcomeProgress.CheckinState.CURRENT, -5),
                "pilot", 140), null, "quarter");

        assertThat(judged.verdict()).isEqualTo(Verdict.ACTIVITY);
        assertThat(judged.reasons()).containsSubsequence("outcome not moving towards its target (-5%)",
                "WAU 10% of a 40-person team", "pilot for 140 days");
    }

    @Test
    void aWorkflowWithoutOutcomeIsNeverLeverage() {
        var judged = verdicts.workflow(workflow(wau(90), null, "production", 10), null, "quarter");

        assertThat(judged.verdict()).isEqualTo(Verdict.EMERGING);
        assertThat(judged.reasons()).startsWith("no outcome declared");
    }

    @Test
    void anOpenCycleOverTheEscalationDelayIsMissed() {
        var cycle = new CheckinReads.Cycle(1, "2026-Q4", Instant.parse("2026-10-01T00:00:00Z"), null, null);
        var facts = new CheckinReads.CheckinFacts(List.of(cycle), List.of());
        var outcome = new CatalogueReads.OutcomeFacts("m", "u", "down", BigDecimal.TEN, BigDecimal.ONE);

        assertThat(Outcomes.progress(outcome, facts, LocalDate.parse("2026-10-04"), CheckinPolicy.DEFAULT)
                .checkinState()).isEqualTo(OutcomeProgress.CheckinState.DUE);
        assertThat(Outcomes.progress(outcome, facts, LocalDate.parse("2026-10-11"), CheckinPolicy.DEFAULT)
                .checkinState()).isEqualTo(OutcomeProgress.CheckinState.MISSED);
    }

    @Test
    void progressTowardsADownwardTargetIsPositive() {
        var cycle = new CheckinReads.Cycle(1, "2026-Q4", Instant.parse("2026-10-01T00:00:00Z"), null, null);
        var checkin = new CheckinReads.Checkin(1, BigDecimal.valueOf(25), "on_track", 8,
                Instant.parse("2026-10-02T00:00:00Z"));
        var outcome = new CatalogueReads.OutcomeFacts("m", "u", "down", BigDecimal.valueOf(30), BigDecimal.valueOf(20));

        OutcomeProgress p = Outcomes.progress(outcome, new CheckinReads.CheckinFacts(List.of(cycle), List.of(checkin)),
                LocalDate.parse("2026-10-11"), CheckinPolicy.DEFAULT);

        assertThat(p.progress().value()).isEqualTo(50.0);
        assertThat(p.checkinState()).isEqualTo(OutcomeProgress.CheckinState.CURRENT);
    }
}
