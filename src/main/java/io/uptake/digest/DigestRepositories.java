package io.uptake.digest;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The digest's own tables. */
final class DigestRepositories {

    private DigestRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Runs extends CrudRepository<DigestRunRow, Long> {

        /** Claims the week for the subscription; 0 when an earlier run (or a racing one) already has it. */
        @Query("""
                INSERT INTO digest_run (subscription_id, week, composed_at) VALUES (:subscriptionId, :week, :composedAt)
                ON CONFLICT (subscription_id, week) DO NOTHING""")
        int insertIfAbsent(long subscriptionId, String week, Instant composedAt);

        Optional<DigestRunRow> findBySubscriptionIdAndWeek(long subscriptionId, String week);

        @Query("SELECT * FROM digest_run WHERE subscription_id = :subscriptionId ORDER BY id DESC LIMIT :limit")
        List<DigestRunRow> findNewest(long subscriptionId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Charts extends CrudRepository<ChartImageRow, String> {

        @Query("DELETE FROM chart_image WHERE created_at < :before")
        int deleteCreatedBefore(Instant before);
    }
}
