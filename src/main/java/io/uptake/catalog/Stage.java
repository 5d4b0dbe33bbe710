package io.uptake.catalog;

import java.util.Locale;
import java.util.Optional;

/** Where a workflow is in its life. */
public enum Stage {
    PILOT, PRODUCTION, RETIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> fromCode(String code) {
        for (Stage stage : values()) {
            if (stage.code().equals(code)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
