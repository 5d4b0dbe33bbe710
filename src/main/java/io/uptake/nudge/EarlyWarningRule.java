package io.uptake.nudge;

import io.uptake.metrics.Drift;
import io.uptake.metrics.DriftSettings;
import io.uptake.metrics.Figure;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.WorkflowScore;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule "day-60 early warning", as a pure function of a pilot's last complete week and the settings: its trust index
 * fell {@code uptake.metrics.trust-drop-flag} points or more against the previous four weeks; its weekly active use
 * (the habit forming, or not) fell {@code uptake.metrics.drift.falling-weeks} weeks running; fewer than
 * {@code uptake.metrics.response-rate-flag} percent of the people asked answered the pulse; or its outcome check-in
 * was missed. Only figures the anonymity rules let through (shown) count.
 */
final class EarlyWarningRule {

    private EarlyWarningRule() {
    }

    /** Why the owner should decide now, in plain words with numbers; empty when nothing calls for it. */
    static List<String> reasons(WorkflowScore score, MetricsSettings settings, DriftSettings drift) {
        List<String> reasons = new ArrayList<>();
        Figure change = score.trustChange();
        if (change != null && change.isShown() && change.value() <= -settings.trustDropFlag()) {
            Figure index = score.trustIndex();
            reasons.add("trust falling: down " + whole(-change.value()) + " points on the previous 4 weeks"
                    + (index != null && index.isShown() ? ", to " + whole(index.value()) : "")
                    + " (n = " + change.n() + ")");
        }
        Drift d = score.drift();
        if (d != null && d.fallingWeeks() >= drift.fallingWeeks()) {
            Figure wau = score.wauPercent();
            reasons.add("habit falling: weekly active use fell " + d.fallingWeeks() + " weeks running"
                    + (wau != null && wau.isShown() ? ", to " + whole(wau.value()) + "% (n = " + wau.n() + ")" : ""));
        }
        Figure response = score.responsePercent();
        if (response != null && response.isShown() && response.value() < settings.responseRateFlag()) {
            reasons.add("low response: " + whole(response.value()) + "% of the people asked answered the pulse (n = "
                    + response.n() + " asked; below " + settings.responseRateFlag() + "%)");
        }
        OutcomeProgress outcome = score.outcome();
        if (outcome != null && outcome.checkinState() == OutcomeProgress.CheckinState.MISSED) {
            reasons.add("check-in missed: the outcome check-in for this period was not made");
        }
        return reasons;
    }

    private static String whole(double value) {
        return Long.toString(Rounding.whole(value));
    }
}
