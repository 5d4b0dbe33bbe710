package io.uptake.people;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.RecipientGone;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks a person unreachable when a platform says they are gone, so nothing more is queued for them. */
@Singleton
class MarkUnreachable {

    private static final Logger LOG = LoggerFactory.getLogger(MarkUnreachable.class);

    private final PersonRepository people;
    private final Clock clock;

    MarkUnreachable(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void onRecipientGone(RecipientGone event) {
        people.findById(event.personId()).filter(p -> p.unreachableAt() == null).ifPresent(p -> {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            String reason = event.platform().code() + ": " + event.reason();
            people.update(p.withReachability(now, reason.length() > 200 ? reason.substring(0, 200) : reason, now));
            LOG.info("Person {} is unreachable ({}); no more messages are queued for them", p.id(), reason);
        });
    }
}
