package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of a workflow's stage history: which stage, since when, and who said so. */
@MappedEntity(value = "workflow_stage", escape = false)
public record WorkflowStageRow(
        @Id @GeneratedValue @Nullable Long id,
        String workflowId,
        String stage,
        LocalDate since,
        String source,
        Instant recordedAt) {

    public static final String FROM_CATALOG = "catalog";
    public static final String FROM_OWNER = "owner";
}
