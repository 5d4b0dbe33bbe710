package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.PersonIds;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the person with an email address, adding them when nobody has it yet: people are matched by email. A
 * person who had Uptake erase them is not added again (see {@link ErasedIdentities}).
 */
@Singleton
public class FindOrAddPerson implements PersonIds {

    private final PersonRepository people;
    private final ErasedIdentities erased;
    private final Clock clock;

    FindOrAddPerson(PersonRepository people, ErasedIdentities erased, Clock clock) {
        this.people = people;
        this.erased = erased;
        this.clock = clock;
    }

    /** The person, or empty when the address belongs to someone who was erased at their request. */
    @Transactional
    public Optional<PersonRow> byEmail(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        Optional<PersonRow> known = people.findByEmail(normalised);
        if (known.isPresent() || erased.emailErased(normalised)) {
            return known;
        }
        return Optional.of(people.save(PersonRow.withEmail(normalised,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))));
    }

    /** The catalogue's owners and sponsors are people: the sync finds or adds them here. */
    @Override
    @Transactional
    public Optional<Long> findOrAdd(String email) {
        return byEmail(email).map(PersonRow::id);
    }
}
