package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Published, inside the transaction that records it, when a platform accepted a message.
 *
 * @param subjectId what the message was about, as the use case that wrote it said
 */
public record MessageSent(long outboxId, String kind, @Nullable Long subjectId, @Nullable Long personId,
                          String messageRef, Instant sentAt) {
}
