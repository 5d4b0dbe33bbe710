package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drift-back rules on hand-made weeks, every expected figure worked out here. */
class DriftRulesTest {

    static final Figure.Source T = Figure.Source.TELEMETRY;
    static final Figure SUPPRESSED = Figure.suppressed(Figure.Source.SELF_REPORT);
    static final Figure NONE = Figure.noData(T);
    final DriftRules rules = new DriftRules(DriftSettings.defaults(), MetricsSettings.defaults(),
            new Anonymity(MetricsSettings.defaults()));

    static Figure wau(double value) {
        return Figure.shown(value, 40, T);
    }

    static List<Figure> weeks(Object... values) {
        return Arrays.stream(values).map(v -> v instanceof Figure f ? f : wau(((Number) v).doubleValue())).toList();
    }

    @Test
    void aSuppressedWeekEndsTheFallingRunInsteadOfCountingAsZero() {
        // 60 → 55 falls, then a hidden week, then 50 → 45 → 40: only the two falls after it are a run.
        assertThat(DriftRules.fallingWeeks(weeks(60, 55, SUPPRESSED, 50, 45, 40))).isEqualTo(2);
        assertThat(DriftRules.fallingWeeks(weeks(60, 55, NONE, 50))).isZero();
    }

    @Test
    void aWeekAsHighAsTheOneBeforeEndsTheRun() {
        assertThat(DriftRules.fallingWeeks(weeks(70, 60, 60, 50))).isEqualTo(1);
        assertThat(DriftRules.fallingWeeks(weeks(40, 50))).isZero();
    }

    @Test
    void theDropIsTakenFromTheHighestOfTheLastFourWeeks() {
        List<Figure> history = weeks(90, 58, 61, 55, 50, 38);
        Figure peak = DriftRules.peak(history, 4);
        Figure drop = DriftRules.dropFromPeak(history.get(5), peak);

        // 90 is six weeks back, outside the four; (61 − 38) ÷ 61 = 37.70…%; 61, 55, 50, 38 are three falls.
        assertThat(peak.value()).isEqualTo(61.0);
        assertThat(drop.value()).isEqualTo(37.7);
        assertThat(drop.n()).isEqualTo(40);
        assertThat(rules.flags(history, DriftRules.fallingWeeks(history), peak, drop,
                Drift.FirstQuarter.notLaunched())).containsExactly("WAU falling 3 weeks running (61% to 38%)",
                "WAU 37.7% below its 4-week peak (61% to 38%)");
    }

    @Test
    void aHiddenWeekIsNeverThePeakAndAFallOfAQuarterIsNotFlagged() {
        List<Figure> history = weeks(50, SUPPRESSED, 48, 36);
        Figure peak = DriftRules.peak(history, 4);
        Figure drop = DriftRules.dropFromPeak(history.get(3), peak);

        // (48 − 36) ÷ 48 = 25%: not more than 25%. One fall in a row.
        assertThat(peak.value()).isEqualTo(50.0);
        assertThat(drop.value()).isEqualTo(28.0);
        assertThat(DriftRules.dropFromPeak(wau(36), wau(48)).value()).isEqualTo(25.0);
        assertThat(rules.flags(weeks(48, 36), 1, wau(48), DriftRules.dropFromPeak(wau(36), wau(48)),
                Drift.FirstQuarter.notLaunched())).isEmpty();
    }

    @Test
    void noDropWithoutThisWeeksFigure() {
        assertThat(DriftRules.dropFromPeak(SUPPRESSED, wau(50)).state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(DriftRules.dropFromPeak(NONE, wau(50)).state()).isEqualTo(Figure.State.NO_DATA);
        assertThat(DriftRules.peak(weeks(NONE, NONE), 4).state()).isEqualTo(Figure.State.NO_DATA);
    }

    /** Launched on Wednesday 8 July 2026: deadline 13 weeks on, 7 Oct; its last week begins Monday 5 Oct. */
    static final LocalDate LAUNCH = LocalDate.parse("2026-07-08");

    @Test
    void theFirstQuarterIsMetOnTheMondayOfTheFirstWeekAboveHalf() {
        // 50% is not a majority; 51% in the week of 10 Aug is.
        Map<LocalDate, Figure> weeks = Map.of(LocalDate.parse("2026-08-03"), wau(50),
                LocalDate.parse("2026-08-10"), wau(51), LocalDate.parse("2026-08-17"), wau(70));

        Drift.FirstQuarter q = rules.firstQuarter(LAUNCH, LocalDate.parse("2026-11-16"),
                m -> weeks.getOrDefault(m, NONE));

        assertThat(q).isEqualTo(new Drift.FirstQuarter(LAUNCH, LocalDate.parse("2026-10-07"), "MET",
                LocalDate.parse("2026-08-10")));
    }

    @Test
    void theFirstQuarterIsMissedOnceItsLastWeekIsScoredAndPendingBefore() {
        // 60% in the week of 12 Oct is after the quarter's last week (5 Oct): too late to count.
        Map<LocalDate, Figure> weeks = Map.of(LocalDate.parse("2026-08-10"), wau(50),
                LocalDate.parse("2026-09-07"), SUPPRESSED, LocalDate.parse("2026-10-12"), wau(60));

        Drift.FirstQuarter missed = rules.firstQuarter(LAUNCH, LocalDate.parse("2026-10-05"),
                m -> weeks.getOrDefault(m, NONE));
        Drift.FirstQuarter later = rules.firstQuarter(LAUNCH, LocalDate.parse("2026-10-12"),
                m -> weeks.getOrDefault(m, NONE));
        Drift.FirstQuarter pending = rules.firstQuarter(LAUNCH, LocalDate.parse("2026-09-28"),
                m -> weeks.getOrDefault(m, NONE));

        assertThat(missed).isEqualTo(new Drift.FirstQuarter(LAUNCH, LocalDate.parse("2026-10-07"), "MISSED", null));
        assertThat(later.state()).isEqualTo("MISSED");
        assertThat(pending).isEqualTo(new Drift.FirstQuarter(LAUNCH, LocalDate.parse("2026-10-07"), "PENDING",
                null));
    }

    @Test
    void aMissedFirstQuarterIsFlaggedOnlyWhileUseIsStillNotAMajority() {
        Drift.FirstQuarter missed = new Drift.FirstQuarter(LAUNCH, LocalDate.parse("2026-10-07"), "MISSED", null);

        assertThat(rules.flags(weeks(40), 0, wau(40), wau(0), missed)).containsExactly(
                "majority not weekly active within the first quarter (over 50% by 7 Oct 2026)");
        assertThat(rules.flags(weeks(55), 0, wau(55), wau(0), missed)).isEmpty();
        assertThat(rules.flags(weeks(SUPPRESSED), 0, SUPPRESSED, SUPPRESSED, missed)).isEmpty();
    }

    @Test
    void aWorkflowNotYetInPilotIsNotLaunched() {
        assertThat(rules.firstQuarter(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-16"), m -> wau(90))
                .state()).isEqualTo("NOT_LAUNCHED");
        assertThat(rules.firstQuarter(null, LocalDate.parse("2026-11-16"), m -> wau(90)).launched()).isNull();
    }

    @Test
    void aLongerFirstQuarterIsConfiguration() {
        DriftRules half = new DriftRules(new DriftSettings(3, 4, 25, 26), MetricsSettings.defaults(),
                new Anonymity(MetricsSettings.defaults()));

        assertThat(half.firstQuarter(LAUNCH, LocalDate.parse("2026-10-05"), m -> NONE))
                .isEqualTo(new Drift.FirstQuarter(LAUNCH, LocalDate.parse("2027-01-06"), "PENDING", null));
    }

    /**
     * 40 people at the end of the week, 17 of them with no use in it: 10 never started, 5 tried and stopped, and 2
     * used it recently but not this week. Showing never-started (25%) beside stopped (12.5%) and WAU would give the
     * 2 away by subtraction (17 − 10 − 5), so it is hidden.
     */
    @Test
    void neverStartedIsHiddenWhenTheRestOfTheIdleWouldBeASmallGroup() {
        Figure stopped = Figure.shown(12.5, 40, T);

        assertThat(rules.neverStarted(new DriftRules.Counts(40, 10, 17, 5), stopped, T).state())
                .isEqualTo(Figure.State.SUPPRESSED);
        // With 5 left over (20 idle) nobody is singled out: 10 ÷ 40.
        assertThat(rules.neverStarted(new DriftRules.Counts(40, 10, 20, 5), stopped, T))
                .isEqualTo(Figure.shown(25.0, 40, T));
        // And with nobody left over the rest is empty, which names no one.
        assertThat(rules.neverStarted(new DriftRules.Counts(40, 10, 15, 5), stopped, T).isShown()).isTrue();
    }

    @Test
    void withStoppedHiddenTheStartedButIdleMustNotBeASmallGroup() {
        Figure hidden = Figure.suppressed(T);

        // 12 idle, 10 never started: the 2 others (stopped or not) would follow from WAU.
        assertThat(rules.neverStarted(new DriftRules.Counts(40, 10, 12, 2), hidden, T).state())
                .isEqualTo(Figure.State.SUPPRESSED);
        assertThat(rules.neverStarted(new DriftRules.Counts(40, 10, 15, 2), hidden, T).isShown()).isTrue();
    }

    @Test
    void neverStartedKeepsTheShareRule() {
        Figure stopped = Figure.shown(0, 40, T);

        // 3 never started is a small group; so is the 3 who did start out of 40.
        assertThat(rules.neverStarted(new DriftRules.Counts(40, 3, 10, 0), stopped, T).state())
                .isEqualTo(Figure.State.SUPPRESSED);
        assertThat(rules.neverStarted(new DriftRules.Counts(40, 37, 40, 0), stopped, T).state())
                .isEqualTo(Figure.State.SUPPRESSED);
        assertThat(rules.neverStarted(new DriftRules.Counts(4, 0, 4, 0), stopped, T).state())
                .isEqualTo(Figure.State.SUPPRESSED);
    }

    @Test
    void settingsOutsideTheirRangeStopTheService() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DriftSettings(0, 4, 25, 13))
                .hasMessageContaining("uptake.metrics.drift.falling-weeks is 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DriftSettings(3, 4, 100, 13))
                .hasMessageContaining("drop-from-peak-percent");
    }
}
