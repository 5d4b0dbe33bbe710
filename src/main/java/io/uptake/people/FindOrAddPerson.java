package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Finds the person with an email address, adding them when nobody has it yet: people are matched by email. */
@Singleton
public class FindOrAddPerson {

    private final PersonRepository people;
    private final Clock clock;

    FindOrAddPerson(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public PersonRow byEmail(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        return people.findByEmail(normalised).orElseGet(() ->
                people.save(PersonRow.withEmail(normalised, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))));
    }
}
