package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** One check-in a programme's owner logged on its outcome, as {@link CheckinRow} is for a workflow's. */
@MappedEntity(value = "programme_checkin", escape = false)
record ProgrammeCheckinRow(
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
