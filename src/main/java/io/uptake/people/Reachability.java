package io.uptake.people;

import io.uptake.platform.Platform;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who may be messaged, on which chat account and in which zone: one rule for pulses, check-ins and nudges. */
public final class Reachability {

    private Reachability() {
    }

    /** Why the person may not be messaged now, or empty when they may. */
    public static Optional<String> unwelcome(PersonRow p, Instant now) {
        if (p.erasedAt() != null) {
            return Optional.of("erased");
        }
        if (p.optedOutAt() != null) {
            return Optional.of("opted out");
        }
        if (p.pausedUntil() != null && p.pausedUntil().isAfter(now)) {
            return Optional.of("paused");
        }
        if (p.unreachableAt() != null) {
            return Optional.of("unreachable");
        }
        return Optional.empty();
    }

    public static boolean askable(PersonRow p, Instant now) {
        return unwelcome(p, now).isEmpty();
    }

    /** The person's account on the preferred platform, else their first one. */
    public static Optional<ChatIdentityRow> identity(List<ChatIdentityRow> identities, Platform preferredPlatform) {
        return identities.stream()
                .min(Comparator.comparing((ChatIdentityRow i) -> i.platform() != preferredPlatform)
                        .thenComparing(ChatIdentityRow::id));
    }

    /** The person's own zone; a missing one, or one the platform gave that Java does not know, falls back. */
    public static ZoneId zone(PersonRow person, ZoneId fallback) {
        if (person.timeZone() != null) {
            try {
                return ZoneId.of(person.timeZone());
            } catch (DateTimeException e) {
                // An unknown zone from a platform profile falls back like a missing one.
            }
        }
        return fallback;
    }
}
