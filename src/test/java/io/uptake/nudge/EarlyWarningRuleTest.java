package io.uptake.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.Blockers;
import io.uptake.metrics.Drift;
import io.uptake.metrics.DriftSettings;
import io.uptake.metrics.Figure;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.TeamSize;
import io.uptake.metrics.TrustCalibration;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WorkflowScore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pilots past day 60 call for a decision, against the flags' own thresholds. */
class EarlyWarningRuleTest {

    static final Figure NONE = Figure.noData(Figure.Source.PULSE);
    static final MetricsSettings METRICS = MetricsSettings.defaults();
    static final DriftSettings DRIFT = DriftSettings.defaults();

    static WorkflowScore score(Figure trustChange, Figure response, int fallingWeeks, Figure wau,
                               OutcomeProgress.CheckinState checkin) {
        OutcomeProgress outcome = checkin == null ? null : new OutcomeProgress("Claims per FTE", "claims", "up",
                BigDecimal.TEN, BigDecimal.valueOf(20), null, NONE, null, null, null, checkin);
        WorkflowScore plain = new WorkflowScore("w", "claims-ai", "Claims triage", "pilot", 61, "o@x", 20,
                new TeamSize(20, TeamSize.Basis.TARGET), wau, NONE, NONE, Figure.shown(52, 12, Figure.Source.PULSE),
                trustChange, List.of(), NONE, response, NONE, NONE, outcome, Verdict.ACTIVITY, List.of("x"), List.of(),
                List.of());
        return plain.withSignals(Blockers.noData(), new Drift(fallingWeeks, NONE, NONE, NONE, NONE,
                Drift.FirstQuarter.notLaunched(), List.of(), 4), TrustCalibration.noData());
    }

    static Figure shown(double value, int n) {
        return Figure.shown(value, n, Figure.Source.PULSE);
    }

    @Test
    void aQuietPilotNeedsNoWarning() {
        assertThat(EarlyWarningRule.reasons(score(shown(-14, 12), shown(60, 20), 2, NONE,
                OutcomeProgress.CheckinState.CURRENT), METRICS, DRIFT)).isEmpty();
    }

    @Test
    void trustFallingFifteenPointsWarns() {
        assertThat(EarlyWarningRule.reasons(score(shown(-15, 12), shown(80, 20), 0, NONE, null), METRICS, DRIFT))
                .containsExactly("trust falling: down 15 points on the previous 4 weeks, to 52 (n = 12)");
    }

    @Test
    void useFallingThreeWeeksRunningWarns() {
        Figure wau = Figure.shown(25, 4, Figure.Source.TELEMETRY);
        assertThat(EarlyWarningRule.reasons(score(NONE, NONE, 3, wau, null), METRICS, DRIFT))
                .containsExactly("habit falling: weekly active use fell 3 weeks running, to 25% (n = 4)");
    }

    @Test
    void aLowResponseRateWarns() {
        assertThat(EarlyWarningRule.reasons(score(NONE, shown(59, 20), 0, NONE, null), METRICS, DRIFT))
                .containsExactly("low response: 59% of the people asked answered the pulse (n = 20 asked; below "
                        + "60%)");
    }

    @Test
    void aMissedCheckinWarns() {
        assertThat(EarlyWarningRule.reasons(score(NONE, NONE, 0, NONE, OutcomeProgress.CheckinState.MISSED),
                METRICS, DRIFT)).containsExactly("check-in missed: the outcome check-in for this period was not made");
    }

    @Test
    void suppressedFiguresNeverWarn() {
        Figure hidden = Figure.suppressed(Figure.Source.PULSE);
        assertThat(EarlyWarningRule.reasons(score(hidden, hidden, 0, NONE, null), METRICS, DRIFT)).isEmpty();
    }

    @Test
    void theThresholdsAreTheSettings() {
        DriftSettings patient = new DriftSettings(5, 4, 25, 13);
        assertThat(EarlyWarningRule.reasons(score(NONE, NONE, 4, NONE, null), METRICS, patient)).isEmpty();
        assertThat(EarlyWarningRule.reasons(score(NONE, NONE, 5, NONE, null), METRICS, patient))
                .containsExactly("habit falling: weekly active use fell 5 weeks running");
    }
}
