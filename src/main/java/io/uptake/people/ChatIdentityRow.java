package io.uptake.people;

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
 * One way to reach a person on one platform.
 *
 * @param tenantId        the Slack team id or Teams tenant id
 * @param userId          the Slack user id or Teams bot-scoped user id
 * @param conversationRef for Teams, the stored conversation reference used for proactive messages
 */
@MappedEntity(value = "chat_identity", escape = false)
public record ChatIdentityRow(
        @Id @GeneratedValue @Nullable Long id,
        Long personId,
        @TypeDef(type = DataType.STRING, converter = PlatformConverter.class) Platform platform,
        String tenantId,
        String userId,
        @Nullable String aadObjectId,
        @Nullable String conversationRef,
        @Nullable String displayName,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the outbox sends a direct message: the user id on Slack, the conversation reference on Teams. */
    public String directAddress() {
        return platform == Platform.TEAMS && conversationRef != null ? conversationRef : userId;
    }
}
