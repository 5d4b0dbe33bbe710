package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.OutboxRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a person who asked for it, once they confirmed: their email, name, zone and chat identities go, every
 * feature removes or unlinks what it holds (comments deleted, answers unlinked but still counted), messages
 * waiting for them are cancelled and stored copies emptied. What remains is a numbered, nameless record marked
 * erased, so that totals (who answered, weekly use) keep their counts. A one-way fingerprint of their email and
 * chat accounts is kept so that no sync brings them back until they opt in again themselves.
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
    private final ErasedIdentities erased;
    private final Clock clock;

    ForgetMe(PersonRepository people, ChatIdentityRepository identities, AudienceMemberRepository members,
             List<PersonalDataPart> parts, OutboxRepository outbox, ErasedIdentities erased, Clock clock) {
        this.people = people;
        this.identities = identities;
        this.members = members;
        this.parts = parts;
        this.outbox = outbox;
        this.erased = erased;
        this.clock = clock;
    }

    /** Erases the person with an email address, for an admin answering a request that came by mail. */
    @Transactional
    public Result eraseByEmail(String email) {
        return people.findByEmail(email.trim().toLowerCase(Locale.ROOT)).filter(p -> p.erasedAt() == null)
                .map(p -> erase(p.id())).orElseGet(Result.NotFound::new);
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
        List<ChatIdentityRow> accounts = identities.findByPersonIdOrderById(personId);
        erased.remember(person.email(), accounts, now);
        identities.deleteAll(accounts);
        members.findByPersonIdAndLeftAtIsNull(personId).forEach(m -> members.update(new AudienceMemberRow(m.id(),
                m.audienceId(), m.personId(), m.joinedAt(), now)));
        people.update(person.erased(now));
        LOG.info("Person {} erased at their request; {} stored messages emptied", personId, messages);
        return new Result.Erased();
    }
}
