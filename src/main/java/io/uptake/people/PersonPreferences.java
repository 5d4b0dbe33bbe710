package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What a person chooses about being asked: pausing for a while, resuming, opting out, opting back in. */
@Singleton
public class PersonPreferences {

    /** The longest pause one command sets; longer absences are an opt-out. */
    public static final Duration MAX_PAUSE = Duration.ofDays(90);

    private final PersonRepository people;
    private final Clock clock;

    PersonPreferences(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    /** Pauses pulses and nudges for the given time; returns when the pause ends. */
    @Transactional
    public Optional<Instant> pause(long personId, Duration duration) {
        Instant until = now().plus(duration.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : duration);
        return change(personId, p -> copy(p, p.optedOutAt(), until)).map(PersonRow::pausedUntil);
    }

    @Transactional
    public boolean resume(long personId) {
        return change(personId, p -> copy(p, p.optedOutAt(), null)).isPresent();
    }

    @Transactional
    public boolean optOut(long personId) {
        return change(personId, p -> copy(p, p.optedOutAt() != null ? p.optedOutAt() : now(), p.pausedUntil()))
                .isPresent();
    }

    /** Whether the person has opted out of pulses and nudges. */
    public boolean optedOut(long personId) {
        return people.findById(personId).map(PersonRow::optedOutAt).isPresent();
    }

    /** Opts a person back in; it ends a pause too, since opting in says they want to be asked again now. */
    @Transactional
    public boolean optIn(long personId) {
        return change(personId, p -> copy(p, null, null)).isPresent();
    }

    private Optional<PersonRow> change(long personId, UnaryOperator<PersonRow> change) {
        return people.findById(personId).filter(p -> p.erasedAt() == null).map(p -> people.update(change.apply(p)));
    }

    private PersonRow copy(PersonRow p, Instant optedOutAt, Instant pausedUntil) {
        return p.withChoices(optedOutAt, pausedUntil, now());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
