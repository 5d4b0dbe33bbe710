package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.OutboxRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a person who asked for it, once they confirmed: their email, name, zone and chat identities go, every
 * feature removes or unlinks what it holds (comments deleted, answers unlinked but still counted), messages
 * waiting for them are cancelled and stored copies emptied. What remains is a numbered, nameless record marked
 * erased, so that totals (who answered, weekly use) keep their counts.
 */
@Singleton
public class ForgetMe {

    private static final Logger LOG = LoggerFactory.getLogger(ForgetMe.class);

    /** What became of a request. */
    public sealed interface Result {
        record Erased() implements Result {
        }

        record NotFound() implements Result {
        }
    }

    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final AudienceMemberRepository members;
    private final List<PersonalDataPart> parts;
    private final OutboxRepository outbox;
    private final Clock clock;

    ForgetMe(PersonRepository people, ChatIdentityRepository identities, AudienceMemberRepository members,
             List<PersonalDataPart> parts, OutboxRepository outbox, Clock clock) {
        this.people = people;
        this.identities = identities;
        this.members = members;
        this.parts = parts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Result erase(long personId) {
        PersonRow person = people.findById(personId).filter(p -> p.erasedAt() == null).orElse(null);
        if (person == null) {
            return new Result.NotFound();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        parts.forEach(part -> part.erase(personId, now));
        int messages = outbox.eraseFor(personId);
        identities.deleteAll(identities.findByPersonIdOrderById(personId));
        members.findByPersonIdAndLeftAtIsNull(personId).forEach(m -> members.update(new AudienceMemberRow(m.id(),
                m.audienceId(), m.personId(), m.joinedAt(), now)));
        people.update(person.erased(now));
        LOG.info("Person {} erased at their request; {} stored messages emptied", personId, messages);
        return new Result.Erased();
    }
}
