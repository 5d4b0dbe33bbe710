package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.uptake.platform.Platform;
import io.uptake.platform.PlatformConverter;
import java.time.Instant;

/**
 * A round's question to one person. In anonymous rounds it keeps only whether they answered, never when or what.
 *
 * @param dueAt when it goes out: the pulse's time in the person's own zone, out of quiet hours and weekends
 */
@MappedEntity(value = "delivery", escape = false)
public record DeliveryRow(
        @Id @GeneratedValue @Nullable Long id,
        Long roundId,
        Long personId,
        @TypeDef(type = DataType.STRING, converter = PlatformConverter.class) Platform platform,
        Instant dueAt,
        @Nullable Instant sentAt,
        boolean answered,
        int remindersSent,
        @Nullable String skippedReason) {

    DeliveryRow withSentAt(Instant at) {
        return new DeliveryRow(id, roundId, personId, platform, dueAt, at, answered, remindersSent, skippedReason);
    }

    DeliveryRow markAnswered() {
        return new DeliveryRow(id, roundId, personId, platform, dueAt, sentAt, true, remindersSent, skippedReason);
    }

    /** The delivery of a person who took back their only answer: they count as not having answered. */
    DeliveryRow unanswered() {
        return new DeliveryRow(id, roundId, personId, platform, dueAt, sentAt, false, remindersSent, skippedReason);
    }

    DeliveryRow withReminder() {
        return new DeliveryRow(id, roundId, personId, platform, dueAt, sentAt, answered, remindersSent + 1,
                skippedReason);
    }
}
