package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How often one person used one workflow on one day, from an AI tool's telemetry or from their own pulse answer.
 *
 * @param batchKey the telemetry batch it came in, or {@code round:{id}} for a self-report from a pulse round
 */
@MappedEntity(value = "usage_event", escape = false)
public record UsageEventRow(
        @Id @GeneratedValue @Nullable Long id,
        String workflowId,
        Long personId,
        LocalDate day,
        int count,
        String source,
        @Nullable String batchKey,
        Instant createdAt) {

    public static final String TELEMETRY = "telemetry";
    public static final String SELF_REPORT = "self_report";
}
