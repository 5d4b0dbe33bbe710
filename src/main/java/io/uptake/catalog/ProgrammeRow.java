package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A programme as stored; kept after it leaves the file, marked retired.
 *
 * @param ownerEmail the programme's accountable owner, when the file names one
 */
@MappedEntity(value = "programme", escape = false)
public record ProgrammeRow(
        @Id String id,
        String name,
        String sponsorEmail,
        @Nullable Long sponsorPersonId,
        @Nullable Instant retiredAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String ownerEmail) {

    boolean declares(String name, String sponsorEmail, @Nullable String ownerEmail) {
        return retiredAt == null && this.name.equals(name) && this.sponsorEmail.equals(sponsorEmail)
                && java.util.Objects.equals(this.ownerEmail, ownerEmail);
    }
}
