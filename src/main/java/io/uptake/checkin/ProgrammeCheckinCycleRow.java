package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One period's check-in on a programme's own outcome, as {@link CheckinCycleRow} is for a workflow's. */
@MappedEntity(value = "programme_checkin_cycle", escape = false)
record ProgrammeCheckinCycleRow(
        @Id @GeneratedValue @Nullable Long id,
        String programmeId,
        String period,
        Instant openedAt,
        int remindersSent,
        @Nullable Instant escalatedAt,
        @Nullable Instant completedAt) {
}
