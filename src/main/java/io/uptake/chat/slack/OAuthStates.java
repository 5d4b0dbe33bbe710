package io.uptake.chat.slack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** One-time OAuth {@code state} values: issued for an install link, redeemed once, within ten minutes. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface OAuthStates extends GenericRepository<OAuthStates.StateRow, String> {

    /** An issued state. */
    @MappedEntity(value = "oauth_state", escape = false)
    record StateRow(@Id String state, Instant expiresAt) {
    }

    @Query("INSERT INTO oauth_state (state, expires_at) VALUES (:state, :expiresAt)")
    void issue(String state, Instant expiresAt);

    /** Returns 1 when the state was issued and has not expired; it can never be redeemed again. */
    @Query("DELETE FROM oauth_state WHERE state = :state AND expires_at > :now")
    int redeem(String state, Instant now);

    @Query("DELETE FROM oauth_state WHERE expires_at <= :now")
    int forgetExpired(Instant now);
}
