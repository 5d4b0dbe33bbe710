package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Objects;

/** A pulse declaration as stored; kept after it leaves the file so its rounds keep their meaning. */
@MappedEntity(value = "pulse", escape = false)
public record PulseRow(
        @Id String id,
        String workflowId,
        String questions,
        String mode,
        String scheduleDays,
        String scheduleAt,
        @Nullable String scheduleZone,
        int remindAfterMinutes,
        int reminders,
        int closeAfterMinutes,
        @Nullable Instant retiredAt,
        Instant createdAt,
        Instant updatedAt) {

    boolean sameDeclaration(PulseRow other) {
        return retiredAt == null && other.retiredAt == null && workflowId.equals(other.workflowId)
                && questions.equals(other.questions) && mode.equals(other.mode)
                && scheduleDays.equals(other.scheduleDays) && scheduleAt.equals(other.scheduleAt)
                && Objects.equals(scheduleZone, other.scheduleZone) && remindAfterMinutes == other.remindAfterMinutes
                && reminders == other.reminders && closeAfterMinutes == other.closeAfterMinutes;
    }
}
