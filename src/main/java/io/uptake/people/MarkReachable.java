package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a person reachable again when a platform can reach them once more (they installed the app again or wrote
 * to the bot); only an unreachability that platform itself reported is undone.
 */
@Singleton
public class MarkReachable {

    private static final Logger LOG = LoggerFactory.getLogger(MarkReachable.class);

    private final PersonRepository people;
    private final Clock clock;

    MarkReachable(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public void on(long personId, Platform platform) {
        people.findById(personId)
                .filter(p -> p.unreachableAt() != null && p.unreachableReason() != null
                        && p.unreachableReason().startsWith(platform.code() + ":"))
                .ifPresent(p -> {
                    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
                    people.update(p.withReachability(null, null, now));
                    LOG.info("Person {} is reachable on {} again", p.id(), platform.code());
                });
    }
}
