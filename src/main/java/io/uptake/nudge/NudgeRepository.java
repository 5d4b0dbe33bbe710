package io.uptake.nudge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

/** Stored nudges of every kind. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface NudgeRepository extends CrudRepository<NudgeRow, Long> {

    Optional<NudgeRow> findByDedupeKey(String dedupeKey);

    /**
     * Takes the person's row lock for the rest of the transaction (a write that changes nothing), so that two
     * nudges to one person at once are counted one after the other against the weekly cap on PostgreSQL too;
     * SQLite already runs one writer at a time.
     */
    @Query("UPDATE person SET updated_at = updated_at WHERE id = :personId")
    int lockPerson(Long personId);

    @Query("SELECT COUNT(*) FROM nudge WHERE person_id = :personId AND created_at >= :from AND created_at < :to")
    long countFor(Long personId, Instant from, Instant to);

    @Query("""
            INSERT INTO nudge (person_id, kind, workflow_id, dedupe_key, created_at)
            VALUES (:personId, :kind, :workflowId, :dedupeKey, :createdAt) ON CONFLICT (dedupe_key) DO NOTHING""")
    int insertIfAbsent(Long personId, String kind, @Nullable String workflowId, String dedupeKey, Instant createdAt);
}
