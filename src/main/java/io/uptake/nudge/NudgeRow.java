package io.uptake.nudge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One nudge queued for a person, whatever its kind: the weekly cap counts these rows, and the dedupe key makes
 * each nudge happen once.
 */
@MappedEntity(value = "nudge", escape = false)
record NudgeRow(@Id @GeneratedValue @Nullable Long id, Long personId, String kind, @Nullable String workflowId,
                String dedupeKey, Instant createdAt) {
}
