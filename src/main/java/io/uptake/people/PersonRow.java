package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One human, as stored: contact details and the choices they made about being asked. */
@MappedEntity(value = "person", escape = false)
public record PersonRow(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String email,
        @Nullable String displayName,
        @Nullable String timeZone,
        @Nullable String locale,
        @Nullable Instant optedOutAt,
        @Nullable Instant pausedUntil,
        @Nullable Instant unreachableAt,
        @Nullable String unreachableReason,
        @Nullable Instant erasedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static PersonRow withEmail(String email, Instant now) {
        return new PersonRow(null, email, null, null, null, null, null, null, null, null, now, now);
    }

    /** The same person with their choices about being asked changed. */
    public PersonRow withChoices(Instant optedOut, Instant paused, Instant now) {
        return new PersonRow(id, email, displayName, timeZone, locale, optedOut, paused, unreachableAt,
                unreachableReason, erasedAt, createdAt, now);
    }

    /** The person with everything that says who they are removed, marked erased; only the id remains. */
    public PersonRow erased(Instant now) {
        return new PersonRow(id, null, null, null, null, optedOutAt, null, null, null, now, createdAt, now);
    }

    /** The same person marked unreachable for a reason, or reachable again when {@code at} is null. */
    public PersonRow withReachability(Instant at, String reason, Instant now) {
        return new PersonRow(id, email, displayName, timeZone, locale, optedOutAt, pausedUntil, at, reason, erasedAt,
                createdAt, now);
    }
}
