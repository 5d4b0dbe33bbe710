package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.uptake.platform.Platform;
import io.uptake.platform.PlatformConverter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored outbox rows, with the claims the dispatcher makes on them. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
public interface OutboxRepository extends CrudRepository<OutboxRow, Long> {

    @Query("""
            INSERT INTO outbox (dedupe_key, platform, tenant_id, recipient, person_id, kind, payload, updates_id,
                                subject_id, edit_seq, status, attempts, not_before, expires_at, created_at)
            VALUES (:dedupeKey, :platform, :tenantId, :recipient, :personId, :kind, :payload, :updatesId,
                    :subjectId, :editSeq, 'pending', 0, :notBefore, :expiresAt, :createdAt)
            ON CONFLICT (dedupe_key) DO NOTHING""")
    int insertIfAbsent(String dedupeKey,
                       @TypeDef(type = DataType.STRING, converter = PlatformConverter.class) Platform platform,
                       String tenantId, String recipient, @Nullable Long personId,
                       String kind, String payload, @Nullable Long updatesId, @Nullable Long subjectId,
                       @Nullable Integer editSeq, Instant notBefore, @Nullable Instant expiresAt, Instant createdAt);

    Optional<OutboxRow> findByDedupeKey(String dedupeKey);

    /** Only the addresses: the messages' content is not needed to edit them, and is the bulk of each row. */
    List<StoredAddress> findByDedupeKeyInList(List<String> dedupeKeys);

    /**
     * Claims up to {@code limit} due rows for one dispatcher pass, on SQLite: it runs one writer at a time, so
     * re-checking the status in the UPDATE keeps claims exclusive. See {@link OutboxClaims}.
     */
    @Query("""
            UPDATE outbox SET status = 'sending', claimed_by = :claim, claimed_at = :now
            WHERE status = 'pending' AND id IN (
                SELECT id FROM outbox WHERE status = 'pending' AND not_before <= :now
                ORDER BY not_before, id LIMIT :limit)""")
    int claimDue(String claim, Instant now, int limit);

    /**
     * Claims up to {@code limit} due rows for one dispatcher pass, on PostgreSQL: rows another node is claiming at
     * the same moment are skipped rather than waited for, so nodes claiming at once take different rows. The lock
     * is {@code FOR NO KEY UPDATE}, the one PostgreSQL's own UPDATE takes on a row whose key it leaves alone: it
     * does not hold up inserts whose foreign keys point at the row (edits of a sent message) as {@code FOR UPDATE}
     * would, and Micronaut Data reads a query with {@code FOR UPDATE} in it as a SELECT. The batch is chosen in a
     * {@code WITH}, which PostgreSQL runs once: with the same SELECT inside {@code id IN (...)}, a node claiming
     * while another claimed came back with nothing while hundreds of rows were due, and stopped its pass (two
     * nodes split a 400-message round 8 to 392; with the {@code WITH}, 192 to 208, see OutboxOnTwoNodesTest).
     */
    @Query("""
            WITH due AS (
                SELECT id FROM outbox WHERE status = 'pending' AND not_before <= :now
                ORDER BY not_before, id LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
            UPDATE outbox SET status = 'sending', claimed_by = :claim, claimed_at = :now
            FROM due WHERE outbox.id = due.id""")
    int claimDueSkipLocked(String claim, Instant now, int limit);

    @Query("SELECT * FROM outbox WHERE claimed_by = :claimedBy AND status = :status ORDER BY not_before, id")
    List<OutboxRow> findClaimed(String claimedBy, String status);

    /** Renews the lease of every row a node is sending; {@code claims} is a LIKE pattern naming its claims. */
    @Query("UPDATE outbox SET claimed_at = :now WHERE status = 'sending' AND claimed_by LIKE :claims")
    int renewClaims(String claims, Instant now);

    /** Takes back rows whose node stopped renewing their lease before learning the send's result. */
    @Query("""
            UPDATE outbox SET status = 'pending', claimed_by = NULL, claimed_at = NULL
            WHERE status = 'sending' AND claimed_at < :before""")
    int releaseStaleClaims(Instant before);

    /** Gives back, unchanged but for the claim, every row a node claimed and has not sent. */
    @Query("""
            UPDATE outbox SET status = 'pending', claimed_by = NULL, claimed_at = NULL
            WHERE status = 'sending' AND claimed_by LIKE :claims""")
    int giveBack(String claims);

    @Query("""
            UPDATE outbox SET status = 'cancelled', last_error = :reason
            WHERE person_id = :personId AND status = 'pending'""")
    int cancelPendingFor(Long personId, String reason);

    /**
     * Empties every message to an erased person that is not being sent right now: its content and address are
     * blanked, anything still to send is cancelled, and its key is freed so no later edit can find it.
     */
    @Query("""
            UPDATE outbox SET payload = '{}', recipient = 'erased', message_ref = NULL,
                dedupe_key = 'erased:' || CAST(id AS VARCHAR(20)),
                status = CASE WHEN status IN ('pending', 'dead') THEN 'cancelled' ELSE status END
            WHERE person_id = :personId AND status <> 'sending'""")
    int eraseFor(Long personId);

    List<OutboxRow> findByStatusOrderByIdDesc(String status);

    /**
     * Makes a message that failed and waits for its next attempt due now with its attempts reset; only while it
     * is still waiting, so a row the dispatcher has just claimed is left to it.
     */
    @Query("""
            UPDATE outbox SET attempts = 0, not_before = :now
            WHERE id = :id AND status = 'pending' AND attempts > 0""")
    int retryFailed(long id, Instant now);

    long countByStatus(String status);

    @Query("SELECT MIN(not_before) FROM outbox WHERE status = 'pending'")
    Optional<Instant> nextDue();
}
