package io.uptake.nudge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** One scale / fix / stop decision an owner took on a workflow; the latest is in force, the rest are its history. */
@MappedEntity(value = "owner_decision", escape = false)
record OwnerDecisionRow(@Id @GeneratedValue @Nullable Long id, String workflowId, Long personId, String choice,
                        LocalDate decidedOn, Instant decidedAt, @Nullable String prompt) {
}
