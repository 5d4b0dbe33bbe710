package io.uptake.delivery;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** The numbering of each message's edits, and the one turn at a time to send them. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface MessageEditRepository extends CrudRepository<MessageEditRow, Long> {

    /** Counts one more edit of a message; the row stays locked until the caller's transaction ends. */
    @Query("""
            INSERT INTO message_edit (message_id, latest_seq, sent_seq) VALUES (:messageId, 1, 0)
            ON CONFLICT (message_id) DO UPDATE SET latest_seq = message_edit.latest_seq + 1""")
    int countOneMore(Long messageId);

    /** Takes back a number whose edit was not queued after all (its dedupe key was taken). */
    @Query("UPDATE message_edit SET latest_seq = latest_seq - 1 WHERE message_id = :messageId AND latest_seq = :seq")
    int uncount(Long messageId, int seq);

    /**
     * Gives edit {@code seq} the turn to be sent: only the newest edit queued, only if nothing as new was sent,
     * and only while no other edit of the message holds the turn (or its holder's lease has lapsed).
     */
    @Query("""
            UPDATE message_edit SET sending_seq = :seq, sending_at = :now
            WHERE message_id = :messageId AND latest_seq = :seq AND sent_seq < :seq
              AND (sending_seq IS NULL OR sending_at < :lapsedBefore)""")
    int takeTurn(Long messageId, int seq, Instant now, Instant lapsedBefore);

    @Query("""
            UPDATE message_edit SET sent_seq = :seq, sending_seq = NULL, sending_at = NULL
            WHERE message_id = :messageId AND sending_seq = :seq AND sent_seq < :seq""")
    int markSent(Long messageId, int seq);

    @Query("""
            UPDATE message_edit SET sending_seq = NULL, sending_at = NULL
            WHERE message_id = :messageId AND sending_seq = :seq""")
    int giveBackTurn(Long messageId, int seq);

    /**
     * Renews the turn of every edit a node is sending, so that a slow send keeps its turn; {@code claims} is a LIKE
     * pattern naming the node's outbox claims.
     */
    @Query("""
            UPDATE message_edit SET sending_at = :now
            WHERE sending_seq IS NOT NULL AND EXISTS (
                SELECT 1 FROM outbox o WHERE o.updates_id = message_edit.message_id
                  AND o.edit_seq = message_edit.sending_seq AND o.status = 'sending' AND o.claimed_by LIKE :claims)""")
    int renewTurns(String claims, Instant now);
}
