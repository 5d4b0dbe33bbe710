package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One spell of a person in a workflow's audience, as the platform's channel, group or team (or the file's list)
 * says: someone who leaves and comes back has a row for each spell.
 *
 * @param joinedAt when a sync found them, null for the people the audience had at its first sync (when they joined
 *                 is unknown, so they count from before it)
 * @param leftAt   when a sync found them gone or they were erased, null while they are in the audience
 */
@MappedEntity(value = "audience_member", escape = false)
public record AudienceMemberRow(
        @Id @GeneratedValue @Nullable Long id,
        Long audienceId,
        Long personId,
        @Nullable Instant joinedAt,
        @Nullable Instant leftAt) {
}
