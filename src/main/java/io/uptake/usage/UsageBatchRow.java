package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A telemetry batch already taken in, by its key: a batch sent again is answered from here, not stored twice.
 *
 * @param result the first answer, as JSON, so a re-sent batch gets the same row errors back
 */
@MappedEntity(value = "usage_batch", escape = false)
record UsageBatchRow(@Id String batchKey, Instant receivedAt, int rowsAccepted, int rowsRejected,
                     @Nullable String result) {
}
