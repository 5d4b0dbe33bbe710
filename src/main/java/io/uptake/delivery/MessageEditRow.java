package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Where the edits of one sent message stand: how many were queued, the newest one sent, and the one being sent.
 *
 * @param messageId  the outbox row of the message the edits change
 * @param latestSeq  the number of the newest edit queued
 * @param sentSeq    the number of the newest edit the platform accepted, 0 before the first
 * @param sendingSeq the number of the edit being sent right now, if any
 * @param sendingAt  when that send took its turn
 */
@MappedEntity(value = "message_edit", escape = false)
record MessageEditRow(@Id Long messageId, int latestSeq, int sentSeq, @Nullable Integer sendingSeq,
                      @Nullable Instant sendingAt) {
}
