package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a workflow's target team comes from, as stored: one row a rollout wave (wave 1 for a single audience).
 *
 * @param goLive         the wave's go-live day; empty: live with the workflow
 * @param targetTeamSize the wave's target team size, 0 when the file gives none
 * @param retiredAt      set while the wave is out of the programmes file
 */
@MappedEntity(value = "audience", escape = false)
public record AudienceRow(
        @Id @GeneratedValue @Nullable Long id,
        String workflowId,
        String kind,
        @Nullable String sourceRef,
        @Nullable Instant lastSyncedAt,
        Instant updatedAt,
        int wave,
        @Nullable LocalDate goLive,
        int targetTeamSize,
        @Nullable Instant retiredAt) {
}
