package io.uptake.delivery;

import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Keeps a message's edits in order: each edit is numbered when it is queued, and only the newest one queued is
 * ever sent, one at a time.
 *
 * <p>Four quick clicks on a pulse queue four edits of the same message. Sent as they come, in parallel or
 * after retries, they reach the platform in any order, and the person can be left looking at the state of
 * their first click. Numbered, an edit that a newer one has replaced is dropped instead of sent, an older edit
 * is never sent after a newer one, and an edit waits while another edit of its message is on its way.
 */
@Singleton
class EditOrder {

    /** What the dispatcher may do with an edit now. */
    enum Turn {
        /** Send it: it is the newest, and no other edit of its message is being sent. */
        SEND,
        /** Drop it: a newer edit was queued, or one as new was already sent. */
        SUPERSEDED,
        /** Try again shortly: another edit of the message is being sent. */
        WAIT
    }

    private final MessageEditRepository edits;
    private final DeliverySettings settings;

    EditOrder(MessageEditRepository edits, DeliverySettings settings) {
        this.edits = edits;
        this.settings = settings;
    }

    /** The number of a new edit of a message; call it in the transaction that queues the edit. */
    int number(long messageId) {
        edits.countOneMore(messageId);
        return edits.findById(messageId).orElseThrow().latestSeq();
    }

    /** Gives back the number of an edit that was not queued after all. */
    void unnumber(long messageId, int seq) {
        edits.uncount(messageId, seq);
    }

    /** Whether edit {@code seq} of a message is already replaced, so that it need not wait for a sending slot. */
    boolean superseded(long messageId, int seq) {
        return edits.findById(messageId).map(e -> e.latestSeq() > seq || e.sentSeq() >= seq).orElse(false);
    }

    /** Takes the message's turn for edit {@code seq} if it may be sent now; see {@link Turn}. */
    Turn take(long messageId, int seq, Instant now) {
        if (edits.takeTurn(messageId, seq, now, now.minus(settings.claimLease())) == 1) {
            return Turn.SEND;
        }
        return superseded(messageId, seq) ? Turn.SUPERSEDED : Turn.WAIT;
    }

    /** Ends the turn of edit {@code seq}, recording it as the newest sent if the platform accepted it. */
    void finish(long messageId, int seq, boolean sent) {
        if (sent) {
            edits.markSent(messageId, seq);
        } else {
            edits.giveBackTurn(messageId, seq);
        }
    }
}
