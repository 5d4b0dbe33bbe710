package io.uptake.chat.slack;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** Remembers inbound deliveries already handled, so a platform's retry is acknowledged and not handled again. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface InboundDedupe extends GenericRepository<SeenRow, String> {

    /** Returns 1 the first time a key is seen, 0 after. */
    @Query("INSERT INTO inbound_seen (dedupe_key, received_at) VALUES (:key, :at) ON CONFLICT (dedupe_key) DO NOTHING")
    int firstTime(String key, Instant at);

    /** Forgets one key, so that the platform's retry of a delivery that failed is handled after all. */
    @Query("DELETE FROM inbound_seen WHERE dedupe_key = :key")
    int forget(String key);

    @Query("DELETE FROM inbound_seen WHERE received_at < :before")
    int forgetBefore(Instant before);
}
