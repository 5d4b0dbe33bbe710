package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A digest subscription as stored, keyed by its channel. */
@MappedEntity(value = "digest_subscription", escape = false)
public record DigestSubscriptionRow(
        @Id @GeneratedValue @Nullable Long id,
        String channel,
        String programmes,
        String scheduleDays,
        String scheduleAt,
        String scheduleZone,
        @Nullable Instant retiredAt,
        Instant createdAt,
        Instant updatedAt) {

    boolean sameDeclaration(DigestSubscriptionRow other) {
        return retiredAt == null && other.retiredAt == null && channel.equals(other.channel)
                && programmes.equals(other.programmes) && scheduleDays.equals(other.scheduleDays)
                && scheduleAt.equals(other.scheduleAt) && scheduleZone.equals(other.scheduleZone);
    }
}
