package io.uptake.checkin;

import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import io.uptake.pulse.PulseSettings;
import io.uptake.pulse.SendTimes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How an owner or sponsor is reached by direct message, by the rules every message to a person follows
 * ({@link Reachability}): only if they have not opted out, paused, been erased or become unreachable, on their
 * Slack account before a Teams one, and never in their quiet hours or weekend.
 */
@Singleton
class Reach {

    /** A person who may be messaged, where, and in which zone their quiet hours are. */
    record Target(PersonRow person, ChatIdentityRow identity, ZoneId zone) {

        Platform platform() {
            return identity.platform();
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
        return people.findById(personId).filter(p -> Reachability.askable(p, now)).flatMap(p ->
                Reachability.identity(identities.findByPersonIdOrderById(p.id()), Platform.SLACK)
                        .map(identity -> new Target(p, identity, Reachability.zone(p, settings.defaultZone()))));
    }

    /** The first moment at or after {@code at} that is outside the target's quiet hours and weekend. */
    Instant allowedFrom(Target target, Instant at) {
        return sendTimes.allowedFrom(at, target.zone());
    }

    boolean allowedAt(Target target, Instant at) {
        return sendTimes.allowedAt(at, target.zone());
    }
}
