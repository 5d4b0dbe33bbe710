package io.uptake.chat.slack;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored Slack installations and the claim that serialises token refreshes across instances. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface SlackInstallations extends CrudRepository<SlackInstallationRow, Long> {

    Optional<SlackInstallationRow> findByTeamId(String teamId);

    List<SlackInstallationRow> findByUninstalledAtIsNull();

    /** Returns 1 when this caller may refresh the team's token now; 0 while another holds a fresh claim. */
    @Query("""
            UPDATE slack_installation SET refresh_claimed_at = :now
            WHERE team_id = :teamId AND (refresh_claimed_at IS NULL OR refresh_claimed_at < :staleBefore)""")
    int claimRefresh(String teamId, Instant now, Instant staleBefore);
}
