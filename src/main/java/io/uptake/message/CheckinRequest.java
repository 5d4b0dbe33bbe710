package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Asks a workflow's owner for this period's outcome check-in; {@code reminder} is 0 for the first request and
 * counts the reminders after it.
 */
@Serdeable
public record CheckinRequest(CheckinForm form, int reminder) implements ChatMessage {

    public static final String KIND = "checkin_request";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return (reminder > 0 ? "Reminder: the " : "The ") + form.period() + " outcome check-in for "
                + form.workflowName() + " is due.";
    }
}
