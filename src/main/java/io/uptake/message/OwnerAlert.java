package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Tells a workflow's owner that its figures for a week call for a look: trust fell, or too few people answered.
 *
 * @param week    the ISO week, e.g. {@code 2026-W47}
 * @param reasons each in plain words with its numbers, e.g. "trust fell 18 points to 52 (n = 12)"
 */
@Serdeable
public record OwnerAlert(String workflow, String week, List<String> reasons) implements ChatMessage {

    public static final String KIND = "owner_alert";

    public OwnerAlert {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return workflow + " in " + week + ": " + String.join("; ", reasons) + ".";
    }
}
