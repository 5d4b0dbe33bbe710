package io.uptake.nudge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** The early warning a pilot's owner was sent, one per pilot spell (named by the day the spell began). */
@MappedEntity(value = "early_warning", escape = false)
record EarlyWarningRow(@Id @GeneratedValue @Nullable Long id, String workflowId, LocalDate pilotSince, Long personId,
                       String reasons, LocalDate sentOn, Instant sentAt) {
}
