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

/** A stakeholder round's question to one person: the sponsor or a named stakeholder. */
@MappedEntity(value = "stakeholder_delivery", escape = false)
record StakeholderDeliveryRow(
        @Id @GeneratedValue @Nullable Long id,
        Long roundId,
        Long personId,
        @TypeDef(type = DataType.STRING, converter = PlatformConverter.class) Platform platform,
        Instant dueAt,
        boolean answered,
        int remindersSent) {

    StakeholderDeliveryRow markAnswered() {
        return new StakeholderDeliveryRow(id, roundId, personId, platform, dueAt, true, remindersSent);
    }

    StakeholderDeliveryRow withReminder() {
        return new StakeholderDeliveryRow(id, roundId, personId, platform, dueAt, answered, remindersSent + 1);
    }
}
