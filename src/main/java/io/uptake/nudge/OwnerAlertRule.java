package io.uptake.nudge;

import io.uptake.metrics.Figure;
import io.uptake.metrics.WorkflowScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule "owner alert", as a pure function of a workflow's week: its trust index fell 15 points or more against the
 * previous four weeks, or fewer than 60% of the people asked answered. Only figures the anonymity rules let
 * through (shown) count: a suppressed figure alerts nobody.
 */
final class OwnerAlertRule {

    static final double TRUST_DROP = -15.0;
    static final double LOW_RESPONSE = 60.0;

    private OwnerAlertRule() {
    }

    /** The reasons to alert the owner, in plain words with their numbers; empty when there is none. */
    static List<String> reasons(WorkflowScore score) {
        List<String> reasons = new ArrayList<>();
        Figure change = score.trustChange();
        if (change != null && change.isShown() && change.value() <= TRUST_DROP) {
            Figure index = score.trustIndex();
            reasons.add("trust fell " + whole(-change.value()) + " points"
                    + (index != null && index.isShown() ? " to " + whole(index.value()) : "")
                    + " (n = " + change.n() + ")");
        }
        Figure response = score.responsePercent();
        if (response != null && response.isShown() && response.value() < LOW_RESPONSE) {
            reasons.add("only " + whole(response.value()) + "% of the people asked answered the pulse (n = "
                    + response.n() + " asked); below 60% the figures are shaky");
        }
        return reasons;
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
