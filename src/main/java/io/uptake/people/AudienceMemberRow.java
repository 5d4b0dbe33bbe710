package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Membership of a person in a workflow's audience, as the platform's channel, group or team says. */
@MappedEntity(value = "audience_member", escape = false)
public record AudienceMemberRow(
        @Id @GeneratedValue @Nullable Long id,
        Long audienceId,
        Long personId,
        Instant joinedAt,
        @Nullable Instant leftAt) {
}
