package io.uptake.delivery;

import io.uptake.platform.Platform;
import io.uptake.message.ChatMessage;
import java.util.Optional;

/**
 * A message on its way to one platform.
 *
 * @param outboxId  the outbox row, for logs
 * @param tenantId  the Slack team or Teams tenant
 * @param recipient a user or channel id, or for Teams a stored conversation reference
 * @param updateRef when set, the platform's reference of an earlier message to edit instead of posting anew
 */
public record Envelope(long outboxId, Platform platform, String tenantId, String recipient, ChatMessage message,
                       Optional<String> updateRef) {

    public boolean isUpdate() {
        return updateRef.isPresent();
    }
}
