package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Where a workflow's target team comes from, as stored. */
@MappedEntity(value = "audience", escape = false)
public record AudienceRow(
        @Id @GeneratedValue @Nullable Long id,
        String workflowId,
        String kind,
        @Nullable String sourceRef,
        @Nullable Instant lastSyncedAt,
        Instant updatedAt) {
}
