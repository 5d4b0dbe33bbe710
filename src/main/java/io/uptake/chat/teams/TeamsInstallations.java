package io.uptake.chat.teams;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Stored Teams installations. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface TeamsInstallations extends CrudRepository<TeamsInstallationRow, Long> {

    Optional<TeamsInstallationRow> findByTenantIdAndConversationId(String tenantId, String conversationId);

    List<TeamsInstallationRow> findByTeamIdOrderByIdDesc(String teamId);

    List<TeamsInstallationRow> findByConversationIdOrderByIdDesc(String conversationId);

    List<TeamsInstallationRow> findByTenantIdOrderByIdDesc(String tenantId);
}
