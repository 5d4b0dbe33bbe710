package io.uptake.nudge;

import io.uptake.metrics.Drift;
import io.uptake.metrics.Figure;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.WorkflowScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule "owner alert", as a pure function of a workflow's week and the settings: its trust index fell
 * {@code UPTAKE_METRICS_TRUST_DROP_FLAG} points or more against the previous four weeks, or fewer than
 * {@code UPTAKE_METRICS_RESPONSE_RATE_FLAG} percent of the people asked answered. Only figures the anonymity rules
 * let through (shown) count: a suppressed figure alerts nobody. Drift alerts too, in the scorecard's own words:
 * weekly active use falling weeks running or well below its recent peak, every week it does; a first quarter without
 * a weekly active majority once, in the week it is missed.
 */
final class OwnerAlertRule {

    private OwnerAlertRule() {
    }

    /** The reasons to alert the owner, in plain words with their numbers; empty when there is none. */
    static List<String> reasons(WorkflowScore score, MetricsSettings settings) {
        List<String> reasons = new ArrayList<>();
        Figure change = score.trustChange();
        if (change != null && change.isShown() && change.value() <= -settings.trustDropFlag()) {
            Figure index = score.trustIndex();
            reasons.add("trust fell " + whole(-change.value()) + " points"
                    + (index != null && index.isShown() ? " to " + whole(index.value()) : "")
                    + " (n = " + change.n() + ")");
        }
        Figure response = score.responsePercent();
        if (response != null && response.isShown() && response.value() < settings.responseRateFlag()) {
            reasons.add("only " + whole(response.value()) + "% of the people asked answered the pulse (n = "
                    + response.n() + " asked); below " + settings.responseRateFlag() + "% the figures are shaky");
        }
        reasons.addAll(drift(score));
        return reasons;
    }

    /** The drift flags an owner should hear of this week. */
    static List<String> drift(WorkflowScore score) {
        Drift drift = score.drift();
        if (drift == null) {
            return List.of();
        }
        LocalDate week = score.history().isEmpty() ? null
                : IsoWeek.parse(score.history().get(score.history().size() - 1).week()).orElse(null);
        Drift.FirstQuarter quarter = drift.firstQuarter();
        boolean missedThisWeek = quarter.deadline() != null && week != null
                && week.equals(IsoWeek.monday(quarter.deadline().minusDays(1)));
        return drift.flags().stream().filter(f -> !f.startsWith(Drift.FIRST_QUARTER_MISSED) || missedThisWeek)
                .toList();
    }

    private static String whole(double value) {
        return Long.toString(Rounding.whole(value));
    }
}
