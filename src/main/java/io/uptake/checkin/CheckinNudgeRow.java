package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of the shared {@code nudge} table: one message to one person, counted by the nudge caps. Check-ins write
 * kind {@link #CHECKIN_MISSED} when a sponsor is told of a missed check-in.
 */
@MappedEntity(value = "nudge", escape = false)
record CheckinNudgeRow(
        @Id @GeneratedValue @Nullable Long id,
        Long personId,
        String kind,
        @Nullable String workflowId,
        String dedupeKey,
        Instant createdAt) {

    static final String CHECKIN_MISSED = "checkin_missed";
}
