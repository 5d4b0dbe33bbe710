package io.uptake.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The chat platforms Uptake speaks to, each with the code it is written and stored as ({@code slack},
 * {@code teams}): in the programmes file ({@code slack:C0123ABCD}), in the database and in the outbox.
 */
public enum Platform {
    SLACK("slack"),
    TEAMS("teams");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    /** The lower-case code this platform is written and stored as. */
    public String code() {
        return code;
    }

    /**
     * The platform written {@code code}, in any case. A code no platform has is refused, naming it, rather than read
     * as some default: a stored row that names an unknown platform is a mistake to see, not to guess around.
     *
     * @throws IllegalArgumentException for a code that is no platform's
     */
    public static Platform fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown chat platform '" + code + "': expected slack or teams"));
    }

    /** The platform written {@code code}, in any case; empty for text that names none (e.g. in a file read). */
    public static Optional<Platform> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String lower = code.toLowerCase(Locale.ROOT);
        for (Platform platform : values()) {
            if (platform.code.equals(lower)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
