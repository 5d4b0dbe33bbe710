package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/** Tells a programme's sponsor that a workflow's owner has missed a check-in. */
@Serdeable
public record CheckinEscalation(String workflowId, String workflowName, String programmeName, String owner,
                                String period, long daysOverdue) implements ChatMessage {

    public static final String KIND = "checkin_escalation";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Missed check-in: " + owner + " has not logged the " + period + " outcome of " + workflowName
                + " (" + programmeName + "), " + daysOverdue + (daysOverdue == 1 ? " day" : " days")
                + " after it opened.";
    }

    /**
     * It names the owner to the sponsor: once the platform has the message, the stored copy goes, so erasing the
     * owner leaves their name in no stored message to other people.
     */
    @Override
    public boolean forgetAfterSending() {
        return true;
    }
}
