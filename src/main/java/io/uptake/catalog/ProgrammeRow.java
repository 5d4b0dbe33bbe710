package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A programme as stored; kept after it leaves the file, marked retired.
 *
 * @param ownerEmail the programme's accountable owner, when the file names one
 * @param ownerPersonId the person {@code ownerEmail} names, once stored
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
        @Nullable String ownerEmail,
        @Nullable Long ownerPersonId) {

    /** A programme row whose owner is not yet matched to a person. */
    public ProgrammeRow(String id, String name, String sponsorEmail, @Nullable Long sponsorPersonId,
                        @Nullable Instant retiredAt, Instant createdAt, Instant updatedAt,
                        @Nullable String ownerEmail) {
        this(id, name, sponsorEmail, sponsorPersonId, retiredAt, createdAt, updatedAt, ownerEmail, null);
    }

    boolean declares(String name, String sponsorEmail, @Nullable String ownerEmail, @Nullable Long ownerPersonId) {
        return retiredAt == null && this.name.equals(name) && this.sponsorEmail.equals(sponsorEmail)
                && java.util.Objects.equals(this.ownerEmail, ownerEmail)
                && java.util.Objects.equals(this.ownerPersonId, ownerPersonId);
    }
}
