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
    }
}
