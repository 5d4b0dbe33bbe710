package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.uptake.platform.Platform;
import io.uptake.message.ChatMessage;
import java.time.Instant;

/**
 * A message a use case wants sent, written to the outbox in the same transaction as the change it reports.
 *
 * @param dedupeKey unique per message, e.g. {@code pulse:12:34}: writing the same key twice sends once
 * @param notBefore when it may go out
 * @param expiresAt when it is no longer worth sending (after downtime, a pulse is not sent days late)
 * @param updatesId the outbox row of an earlier message this one edits
 * @param subjectId what the message is about, e.g. the pulse delivery; reported back when it is sent
 */
public record NewMessage(String dedupeKey, Platform platform, String tenantId, String recipient,
                         @Nullable Long personId, ChatMessage message, Instant notBefore,
                         @Nullable Instant expiresAt, @Nullable Long updatesId, @Nullable Long subjectId) {
}
