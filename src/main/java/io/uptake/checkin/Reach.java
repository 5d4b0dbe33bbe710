package io.uptake.checkin;

import io.uptake.catalog.ChannelRef.Platform;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.pulse.PulseSettings;
import io.uptake.pulse.SendTimes;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * How an owner or sponsor is reached by direct message: only if they have not opted out, paused, been erased or
 * become unreachable, through their first chat identity, and never in their quiet hours or weekend (the same
 * rules as pulses).
 */
@Singleton
class Reach {

    /** A person who may be messaged, where, and in which zone their quiet hours are. */
    record Target(PersonRow person, ChatIdentityRow identity, ZoneId zone) {

        Platform platform() {
            return Platform.valueOf(identity.platform().toUpperCase(Locale.ROOT));
        }
    }

    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final PulseSettings settings;
    private final SendTimes sendTimes;

    Reach(PersonRepository people, ChatIdentityRepository identities, PulseSettings settings) {
        this.people = people;
        this.identities = identities;
        this.settings = settings;
        this.sendTimes = new SendTimes(settings);
    }

    Optional<Target> of(Long personId, Instant now) {
        if (personId == null) {
            return Optional.empty();
        }
        return people.findById(personId).filter(p -> askable(p, now)).flatMap(p ->
                identities.findByPersonIdOrderById(p.id()).stream().min(Comparator.comparing(ChatIdentityRow::id))
                        .map(identity -> new Target(p, identity, zone(p))));
    }

    /** The first moment at or after {@code at} that is outside the target's quiet hours and weekend. */
    Instant allowedFrom(Target target, Instant at) {
        return sendTimes.allowedFrom(at, target.zone());
    }

    boolean allowedAt(Target target, Instant at) {
        return sendTimes.allowedAt(at, target.zone());
    }

    private static boolean askable(PersonRow p, Instant now) {
        return p.optedOutAt() == null && p.erasedAt() == null && p.unreachableAt() == null
                && (p.pausedUntil() == null || !p.pausedUntil().isAfter(now));
    }

    private ZoneId zone(PersonRow person) {
        if (person.timeZone() != null) {
            try {
                return ZoneId.of(person.timeZone());
            } catch (DateTimeException e) {
                // An unknown zone from a platform profile falls back like a missing one.
            }
        }
        return settings.defaultZone();
    }
}
