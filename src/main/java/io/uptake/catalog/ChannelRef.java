package io.uptake.catalog;

import io.uptake.platform.Platform;
import java.util.Optional;

/** A channel on one platform, written {@code slack:C0123ABCD} or {@code teams:19:abc@thread.tacv2}. */
public record ChannelRef(Platform platform, String id) {

    public static Optional<ChannelRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = text.substring(colon + 1).trim();
        return Platform.find(text.substring(0, colon).trim()).filter(platform -> valid(platform, id))
                .map(platform -> new ChannelRef(platform, id));
    }

    private static boolean valid(Platform platform, String id) {
        return switch (platform) {
            case SLACK -> id.matches("[CGD][A-Z0-9]{2,}");
            case TEAMS -> !id.isEmpty() && id.chars().noneMatch(Character::isWhitespace);
        };
    }

    @Override
    public String toString() {
        return platform.code() + ":" + id;
    }
}
