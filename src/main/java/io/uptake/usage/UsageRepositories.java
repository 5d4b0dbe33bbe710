package io.uptake.usage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Repositories for usage batches and events. */
public final class UsageRepositories {

    private UsageRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Batches extends CrudRepository<UsageBatchRow, String> {

        /** Claims a batch key; 0 when the key was taken before, by this or a concurrent request. */
        @Query("""
                INSERT INTO usage_batch (batch_key, received_at, rows_accepted, rows_rejected, result)
                VALUES (:batchKey, :receivedAt, 0, 0, NULL) ON CONFLICT (batch_key) DO NOTHING""")
        int claim(String batchKey, Instant receivedAt);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    public interface Events extends CrudRepository<UsageEventRow, Long> {

        List<UsageEventRow> findByBatchKey(String batchKey);

        List<UsageEventRow> findByPersonIdOrderByDay(Long personId);

        Optional<UsageEventRow> findByWorkflowIdAndPersonIdAndDayAndSource(String workflowId, Long personId,
                                                                          LocalDate day, String source);

        /** The telemetry stored under batch keys starting with {@code prefix}, for the days from and to. */
        @Query("""
                SELECT id, workflow_id, person_id, day, count, source, batch_key, created_at FROM usage_event
                WHERE source = 'telemetry' AND batch_key LIKE :prefix AND day >= :from AND day <= :to""")
        List<UsageEventRow> findTelemetry(String prefix, LocalDate from, LocalDate to);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Sources extends CrudRepository<UsageSourceRow, String> {

        /**
         * Notes an attempt, creating the source's row if need be. On PostgreSQL it also locks the row until the
         * transaction ends, so two deliveries of one source (a scheduled pull and one asked for) take turns.
         */
        @Query("""
                INSERT INTO usage_source (source, last_attempt_at, anonymised, last_stored)
                VALUES (:source, :at, FALSE, 0)
                ON CONFLICT (source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at""")
        int attempt(String source, Instant at);
    }
}
