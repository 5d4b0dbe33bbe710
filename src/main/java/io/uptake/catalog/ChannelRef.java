package io.uptake.catalog;

import java.util.Locale;
import java.util.Optional;

/** A channel on one platform, written {@code slack:C0123ABCD} or {@code teams:19:abc@thread.tacv2}. */
public record ChannelRef(Platform platform, String id) {

    /** The chat platforms Uptake speaks to. */
    public enum Platform {
        SLACK, TEAMS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Optional<ChannelRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String id = text.substring(colon + 1).trim();
        return switch (prefix) {
            case "slack" -> id.matches("[CGD][A-Z0-9]{2,}") ? Optional.of(new ChannelRef(Platform.SLACK, id))
                    : Optional.empty();
            case "teams" -> id.isEmpty() || id.chars().anyMatch(Character::isWhitespace) ? Optional.empty()
                    : Optional.of(new ChannelRef(Platform.TEAMS, id));
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return platform.code() + ":" + id;
    }
}
