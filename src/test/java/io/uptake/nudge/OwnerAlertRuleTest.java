package io.uptake.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.Blockers;
import io.uptake.metrics.Drift;
import io.uptake.metrics.Figure;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.TrustCalibration;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WeekPoint;
import io.uptake.metrics.WorkflowScore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerAlertRuleTest {

    static final Figure NONE = Figure.noData(Figure.Source.PULSE);
    static final MetricsSettings DEFAULTS = MetricsSettings.defaults();

    static WorkflowScore score(String workflow, String owner, Figure trustChange, Figure response) {
        return new WorkflowScore(workflow, "claims-ai", "Claims triage", "pilot", 30, owner, 20, NONE, NONE, NONE,
                Figure.shown(52, 12, Figure.Source.PULSE), trustChange, List.of(), NONE, response, NONE, NONE, null,
                Verdict.ACTIVITY, List.of("no check-in this quarter"), List.of(), List.of());
    }

    static Figure shown(double value, int n) {
        return Figure.shown(value, n, Figure.Source.PULSE);
    }

    @Test
    void aTrustDropOfFifteenPointsAlerts() {
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(-15, 12), shown(80, 20)), DEFAULTS))
                .containsExactly("trust fell 15 points to 52 (n = 12)");
    }

    @Test
    void aSmallerTrustDropDoesNot() {
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(-14.9, 12), shown(80, 20)), DEFAULTS)).isEmpty();
    }

    @Test
    void aResponseRateUnderSixtyPercentAlerts() {
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(0, 12), shown(59, 20)), DEFAULTS))
                .singleElement().asString().startsWith("only 59% of the people asked answered");
    }

    @Test
    void sixtyPercentIsEnough() {
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(0, 12), shown(60, 20)), DEFAULTS)).isEmpty();
    }

    @Test
    void suppressedOrMissingFiguresNeverAlert() {
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", Figure.suppressed(Figure.Source.PULSE),
                Figure.suppressed(Figure.Source.PULSE)), DEFAULTS)).isEmpty();
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", NONE, NONE), DEFAULTS)).isEmpty();
    }

    @Test
    void bothReasonsAreGivenTogether() {
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(-20, 12), shown(40, 20)), DEFAULTS)).hasSize(2);
    }

    @Test
    void theThresholdsAreTheSettingsNotFixedNumbers() {
        MetricsSettings strict = new MetricsSettings(5, 10, 90, 80, 10, 50, 25, 12, 9, 50);

        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(-12, 12), shown(70, 20)), strict))
                .containsExactly("trust fell 12 points to 52 (n = 12)", "only 70% of the people asked answered the"
                        + " pulse (n = 20 asked); below 80% the figures are shaky");
        assertThat(OwnerAlertRule.reasons(score("w", "o@x", shown(-12, 12), shown(70, 20)), DEFAULTS)).isEmpty();
    }

    static WorkflowScore drifting(String week, Drift.FirstQuarter quarter, List<String> flags) {
        WorkflowScore plain = new WorkflowScore("w", "claims-ai", "Claims triage", "pilot", 30, "o@x", 20, NONE, NONE,
                NONE, NONE, NONE, List.of(), NONE, NONE, NONE, NONE, null, Verdict.ACTIVITY, List.of("x"), List.of(),
                List.of(new WeekPoint(week, NONE, NONE)));
        return plain.withSignals(Blockers.noData(), new Drift(3, NONE, NONE, NONE, NONE, quarter, flags, 4),
                TrustCalibration.noData());
    }

    static final Drift.FirstQuarter MISSED = new Drift.FirstQuarter(LocalDate.parse("2026-07-08"),
            LocalDate.parse("2026-10-07"), "MISSED", null);
    static final String FALLING = "WAU falling 3 weeks running (61% to 38%)";
    static final String QUARTER = Drift.FIRST_QUARTER_MISSED + " (over 50% by 7 Oct 2026)";

    @Test
    void driftAlertsEveryWeekItFallsButAMissedFirstQuarterOnlyInTheWeekItIsMissed() {
        // The quarter's last week begins Monday 5 Oct 2026 (2026-W41).
        assertThat(OwnerAlertRule.reasons(drifting("2026-W41", MISSED, List.of(FALLING, QUARTER)), DEFAULTS))
                .containsExactly(FALLING, QUARTER);
        assertThat(OwnerAlertRule.reasons(drifting("2026-W42", MISSED, List.of(FALLING, QUARTER)), DEFAULTS))
                .containsExactly(FALLING);
        assertThat(OwnerAlertRule.reasons(drifting("2026-W42", MISSED, List.of()), DEFAULTS)).isEmpty();
    }
}
