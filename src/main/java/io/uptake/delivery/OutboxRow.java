package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.uptake.platform.Platform;
import io.uptake.platform.PlatformConverter;
import java.time.Instant;

/** One message in the outbox and where it stands. */
@MappedEntity(value = "outbox", escape = false)
public record OutboxRow(
        @Id @GeneratedValue @Nullable Long id,
        String dedupeKey,
        @TypeDef(type = DataType.STRING, converter = PlatformConverter.class) Platform platform,
        String tenantId,
        String recipient,
        @Nullable Long personId,
        String kind,
        String payload,
        @Nullable Long updatesId,
        @Nullable Long subjectId,
        @Nullable Integer editSeq,
        String status,
        int attempts,
        Instant notBefore,
        @Nullable Instant expiresAt,
        @Nullable String claimedBy,
        @Nullable Instant claimedAt,
        @Nullable String messageRef,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String DEAD = "dead";
    public static final String CANCELLED = "cancelled";
    public static final String EXPIRED = "expired";

    /** Where this message went, for an edit of it. */
    public MessageAddress address() {
        return new MessageAddress(id, dedupeKey, platform, tenantId, recipient);
    }
}
