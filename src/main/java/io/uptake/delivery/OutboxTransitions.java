package io.uptake.delivery;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Moves an outbox row to its next state after a send attempt, each move in its own transaction. */
@Singleton
class OutboxTransitions {

    private final OutboxRepository rows;
    private final ApplicationEventPublisher<MessageSent> sentEvents;
    private final ApplicationEventPublisher<RecipientGone> goneEvents;

    OutboxTransitions(OutboxRepository rows, ApplicationEventPublisher<MessageSent> sentEvents,
                      ApplicationEventPublisher<RecipientGone> goneEvents) {
        this.rows = rows;
        this.sentEvents = sentEvents;
        this.goneEvents = goneEvents;
    }

    /** Records the platform's reference and tells the use case that wrote the message. */
    @Transactional
    void sent(OutboxRow row, String messageRef, Instant at, boolean forget) {
        if (forget) {
            rows.delete(row);
        } else {
            rows.update(with(row, OutboxRow.SENT, row.attempts(), row.notBefore(), messageRef, null, at));
        }
        sentEvents.publishEvent(new MessageSent(row.id(), row.kind(), row.subjectId(), row.personId(), messageRef,
                at));
    }

    /** Puts the row back in the queue for later without counting an attempt. */
    @Transactional
    void release(OutboxRow row, Instant notBefore) {
        rows.update(with(row, OutboxRow.PENDING, row.attempts(), notBefore, null, row.lastError(), null));
    }

    @Transactional
    void retryLater(OutboxRow row, Instant notBefore, String error) {
        rows.update(with(row, OutboxRow.PENDING, row.attempts() + 1, notBefore, null, error, null));
    }

    /** Ends the row in a final state: dead, cancelled or expired. */
    @Transactional
    void finish(OutboxRow row, String status, String error, boolean forget) {
        if (forget) {
            rows.delete(row);
        } else {
            rows.update(with(row, status, row.attempts() + (OutboxRow.DEAD.equals(status) ? 1 : 0), row.notBefore(),
                    null, error, null));
        }
    }

    /** Dead-letters the row and stops all further messages to a person the platform says is gone. */
    @Transactional
    void recipientGone(OutboxRow row, String reason, boolean forget) {
        finish(row, OutboxRow.DEAD, reason, forget);
        if (row.personId() != null) {
            rows.cancelPendingFor(row.personId(), "recipient unreachable: " + reason);
            goneEvents.publishEvent(new RecipientGone(row.personId(), row.platform(), reason));
        }
    }

    private static OutboxRow with(OutboxRow r, String status, int attempts, Instant notBefore, String messageRef,
                                  String error, Instant sentAt) {
        String lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        boolean done = !OutboxRow.PENDING.equals(status);
        return new OutboxRow(r.id(), r.dedupeKey(), r.platform(), r.tenantId(), r.recipient(), r.personId(), r.kind(),
                r.payload(), r.updatesId(), r.subjectId(), r.editSeq(), status, attempts, notBefore, r.expiresAt(),
                done ? r.claimedBy() : null, done ? r.claimedAt() : null, messageRef, lastError, r.createdAt(),
                sentAt);
    }
}
