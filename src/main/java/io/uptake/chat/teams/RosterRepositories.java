package io.uptake.chat.teams;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.uptake.catalog.AudienceRow;
import java.util.List;

/** The audience table as the Teams roster sync reads and stamps it. */
final class RosterRepositories {

    private RosterRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Audiences extends CrudRepository<AudienceRow, Long> {
        List<AudienceRow> findByKindOrderById(String kind);
    }
}
