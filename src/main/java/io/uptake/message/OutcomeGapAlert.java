package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Tells a programme's sponsor that the outcome value a workflow's owner claimed lies further from the value its
 * system of record measured than the set share allows: sent once per workflow and quarter, when the gap is first
 * flagged.
 *
 * @param claimedVsMeasured the two values in words, e.g. "claimed 47, measured 40 on 30 Nov"
 * @param apart             how far apart, e.g. "17.5%", or "the measured value is 0"
 * @param threshold         the share above which a gap is flagged, e.g. "10%"
 * @param quarter           the quarter the gap was flagged in, e.g. {@code 2026-Q4}
 */
@Serdeable
public record OutcomeGapAlert(String workflowId, String workflowName, String programmeName, String owner,
                              String metric, String claimedVsMeasured, String apart, String threshold,
                              String quarter) implements ChatMessage {

    public static final String KIND = "outcome_gap";

    @Override
    public String kind() {
        return KIND;
    }

    /** The headline, in words a sponsor reads at a glance. */
    public String headline() {
        return "Claimed and measured outcome differ: " + workflowName;
    }

    /** What was claimed and what was measured, and by whom. */
    public String body() {
        return owner + " reported " + metric + " for " + workflowName + " (" + programmeName + "): "
                + claimedVsMeasured + " — " + apart + (apart.endsWith("%") ? " apart" : "") + ", more than the "
                + threshold + " Uptake lets pass.";
    }

    /** Why the sponsor gets this. */
    public String why() {
        return "You get this as the programme's sponsor, once per workflow in " + quarter + ". The figure the system of"
                + " record gives is the one to trust; ask the owner which is right.";
    }

    @Override
    public String fallbackText() {
        return headline() + ". " + body();
    }

    /**
     * It names the owner to the sponsor: once the platform has the message, the stored copy goes, as for a missed
     * check-in.
     */
    @Override
    public boolean forgetAfterSending() {
        return true;
    }
}
