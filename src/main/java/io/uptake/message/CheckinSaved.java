package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Confirms an owner's check-in: what was logged, for which workflow and period. */
@Serdeable
public record CheckinSaved(String workflowName, String period, String value, String unit, String status,
                           int confidence, @Nullable String evidenceUrl) implements ChatMessage {

    public static final String KIND = "checkin_saved";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Check-in saved for " + workflowName + " (" + period + "): " + value + " " + unit + ", "
                + statusLabel(status) + ", confidence " + confidence + "/10.";
    }

    /** The words for a stored status code. */
    public static String statusLabel(String status) {
        return switch (status) {
            case "on_track" -> "on track";
            case "at_risk" -> "at risk";
            case "off_track" -> "off track";
            default -> status;
        };
    }
}
