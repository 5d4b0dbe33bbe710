package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** One check-in an owner logged; a second one in the same cycle corrects the first (the latest counts). */
@MappedEntity(value = "checkin", escape = false)
public record CheckinRow(
        @Id @GeneratedValue @Nullable Long id,
        Long cycleId,
        BigDecimal value,
        String status,
        int confidence,
        @Nullable String evidenceUrl,
        @Nullable String note,
        @Nullable Long submittedBy,
        Instant submittedAt) {
}
