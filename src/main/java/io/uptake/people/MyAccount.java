package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's own account as they see it on the dashboard, found by the email they signed in with: whether Uptake
 * holds them at all, and their choices about being asked. Changes go through {@link PersonPreferences}, as from
 * chat.
 */
@Singleton
public class MyAccount {

    /**
     * @param personId    the person's id, for the preference and export use cases
     * @param optedOut    whether they opted out of pulses and nudges
     * @param pausedUntil when their pause ends, null when they are not paused
     */
    public record Account(long personId, boolean optedOut, @Nullable Instant pausedUntil) {
    }

    private final PersonRepository people;
    private final Clock clock;

    MyAccount(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    /** The account of the person with this email; empty when Uptake holds nobody with it (or they were erased). */
    @Transactional
    public Optional<Account> byEmail(String email) {
        Instant now = clock.instant();
        return people.findByEmail(email.strip().toLowerCase(Locale.ROOT)).filter(p -> p.erasedAt() == null)
                .map(p -> new Account(p.id(), p.optedOutAt() != null,
                        p.pausedUntil() != null && p.pausedUntil().isAfter(now) ? p.pausedUntil() : null));
    }
}
