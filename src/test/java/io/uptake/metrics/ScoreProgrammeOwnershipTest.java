package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The programme verdict rule and the age flag, against hand-computed values. */
class ScoreProgrammeOwnershipTest {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 15);

    static ProgrammeScore leverage() {
        return new ProgrammeScore("claims-ai", "Claims AI", "cfo@example.com", Verdict.LEVERAGE,
                List.of("2 of 2 workflows at leverage"), Figure.noData(Figure.Source.CATALOGUE), List.of());
    }

    /** Baseline 120, target 150; a check-in of {@code value} is (value − 120) ÷ 30 of the way. */
    static OutcomeProgress outcome(String value, OutcomeProgress.CheckinState state) {
        BigDecimal current = value == null ? null : new BigDecimal(value);
        Figure progress = current == null ? Figure.noData(Figure.Source.CHECKIN)
                : Figure.shown((current.doubleValue() - 120) / 30 * 100, 1, Figure.Source.CHECKIN);
        return new OutcomeProgress("Revenue per claim", "EUR", "up", new BigDecimal("120"), new BigDecimal("150"),
                current, progress, current == null ? null : "on_track", current == null ? null : 7, null, state);
    }

    @Test
    void noOwnerMakesALeverageProgrammeActivityAndSaysSoFirst() {
        ProgrammeScore p = ScoreProgrammeOwnership.judge(leverage(), null, null, LocalDate.of(2026, 9, 1),
                LAST_DAY, 12, "quarter");

        assertThat(p.verdict()).isEqualTo(Verdict.ACTIVITY);
        assertThat(p.reasons()).containsExactly("no programme owner named", "2 of 2 workflows at leverage");
        assertThat(p.flags()).containsExactly("no programme owner");
    }

    @Test
    void anOwnerWithoutAnOutcomeIsNotEnough() {
        ProgrammeScore p = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com", null,
                LocalDate.of(2026, 9, 1), LAST_DAY, 12, "quarter");

        assertThat(p.verdict()).isEqualTo(Verdict.ACTIVITY);
        assertThat(p.reasons().get(0)).isEqualTo("programme owner ana@example.com names no programme outcome");
        assertThat(p.flags()).containsExactly("no programme outcome");
    }

    @Test
    void aMissedOrAbsentCheckinMakesItActivity() {
        ProgrammeScore missed = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome("126", OutcomeProgress.CheckinState.MISSED), LocalDate.of(2026, 9, 1), LAST_DAY, 12,
                "quarter");
        ProgrammeScore none = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome(null, OutcomeProgress.CheckinState.NONE), LocalDate.of(2026, 9, 1), LAST_DAY, 12,
                "quarter");

        assertThat(missed.verdict()).isEqualTo(Verdict.ACTIVITY);
        assertThat(missed.reasons().get(0))
                .isEqualTo("programme owner ana@example.com missed the check-in on the programme outcome this quarter");
        assertThat(missed.flags()).containsExactly("programme check-in missed");
        assertThat(none.verdict()).isEqualTo(Verdict.ACTIVITY);
        assertThat(none.reasons().get(0))
                .isEqualTo("programme owner ana@example.com has not checked in on the programme outcome this quarter");
    }

    @Test
    void aCurrentOrStillDueCheckinLeavesTheVerdictToTheWorkflows() {
        ProgrammeScore current = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome("126", OutcomeProgress.CheckinState.CURRENT), LocalDate.of(2026, 9, 1), LAST_DAY, 12,
                "quarter");
        ProgrammeScore due = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome("126", OutcomeProgress.CheckinState.DUE), LocalDate.of(2026, 9, 1), LAST_DAY, 12,
                "quarter");

        assertThat(current.verdict()).isEqualTo(Verdict.LEVERAGE);
        assertThat(current.reasons()).containsExactly("2 of 2 workflows at leverage",
                "programme owner ana@example.com checked in on the programme outcome this quarter");
        assertThat(current.outcome().progress().value()).isEqualTo(20.0); // (126 − 120) ÷ (150 − 120) = 20 %
        assertThat(current.flags()).isEmpty();
        assertThat(due.verdict()).isEqualTo(Verdict.LEVERAGE);
        assertThat(due.ownerEmail()).isEqualTo("ana@example.com");
    }

    @Test
    void olderThanTheSetAgeWithNoOutcomeMovingIsFlaggedWithItsMonths() {
        // 2025-05-10 to 2026-11-15: 18 whole months (2026-11-10 is 18 months on, 2026-12-10 would be 19).
        LocalDate started = LocalDate.of(2025, 5, 10);
        ProgrammeScore flat = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome("120", OutcomeProgress.CheckinState.CURRENT), started, LAST_DAY, 12, "quarter");
        ProgrammeScore moving = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome("121", OutcomeProgress.CheckinState.CURRENT), started, LAST_DAY, 12, "quarter");
        ProgrammeScore noOutcome = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com", null, started,
                LAST_DAY, 12, "quarter");

        assertThat(flat.flags()).containsExactly("18 months in and no outcome");
        assertThat(flat.verdict()).isEqualTo(Verdict.LEVERAGE);
        assertThat(moving.flags()).isEmpty();
        assertThat(noOutcome.flags()).containsExactly("no programme outcome", "18 months in and no outcome");
    }

    @Test
    void theAgeIsStrictlyOlderThanTheSetting() {
        // Started 2025-11-15: exactly 12 months on the last day, not older; a day earlier it is.
        ProgrammeScore exactly = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome(null, OutcomeProgress.CheckinState.DUE), LocalDate.of(2025, 11, 15), LAST_DAY, 12,
                "quarter");
        ProgrammeScore older = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome(null, OutcomeProgress.CheckinState.DUE), LocalDate.of(2025, 11, 14), LAST_DAY, 12,
                "quarter");
        ProgrammeScore shorter = ScoreProgrammeOwnership.judge(leverage(), "ana@example.com",
                outcome(null, OutcomeProgress.CheckinState.DUE), LocalDate.of(2026, 5, 14), LAST_DAY, 6,
                "quarter");

        assertThat(exactly.flags()).isEmpty();
        assertThat(older.flags()).containsExactly("12 months in and no outcome");
        assertThat(shorter.flags()).containsExactly("6 months in and no outcome");
    }
}
