package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One period's check-in for one workflow: opened, reminded, escalated to the sponsor, completed.
 *
 * @param period        {@code 2026-Q4}, or {@code 2026-11} for a monthly cadence
 * @param remindersSent how many reminders the owner was sent
 * @param escalatedAt   when the sponsor was told it was missed (set even when the sponsor could not be told)
 * @param completedAt   when the owner first logged it
 */
@MappedEntity(value = "checkin_cycle", escape = false)
public record CheckinCycleRow(
        @Id @GeneratedValue @Nullable Long id,
        String workflowId,
        String period,
        Instant openedAt,
        int remindersSent,
        @Nullable Instant escalatedAt,
        @Nullable Instant completedAt) {

    CheckinCycleRow withReminders(int sent) {
        return new CheckinCycleRow(id, workflowId, period, openedAt, sent, escalatedAt, completedAt);
    }

    CheckinCycleRow escalated(Instant at) {
        return new CheckinCycleRow(id, workflowId, period, openedAt, remindersSent, at, completedAt);
    }

    CheckinCycleRow completed(Instant at) {
        return new CheckinCycleRow(id, workflowId, period, openedAt, remindersSent, escalatedAt,
                completedAt == null ? at : completedAt);
    }
}
