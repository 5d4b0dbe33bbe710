package io.uptake.nudge;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The early warnings sent and the owners' decisions. */
final class DecisionRepositories {

    private DecisionRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface EarlyWarnings extends CrudRepository<EarlyWarningRow, Long> {

        List<EarlyWarningRow> findByWorkflowIdOrderByIdDesc(String workflowId);

        boolean existsByWorkflowIdAndPilotSince(String workflowId, LocalDate pilotSince);

        /** Stores the warning unless one was stored for the spell already (by another run); 1 when stored. */
        @Query("""
                INSERT INTO early_warning (workflow_id, pilot_since, person_id, reasons, sent_on, sent_at)
                VALUES (:workflowId, :pilotSince, :personId, :reasons, :sentOn, :sentAt)
                ON CONFLICT (workflow_id, pilot_since) DO NOTHING""")
        int insertIfAbsent(String workflowId, LocalDate pilotSince, Long personId, String reasons, LocalDate sentOn,
                           Instant sentAt);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Decisions extends CrudRepository<OwnerDecisionRow, Long> {

        List<OwnerDecisionRow> findByWorkflowIdOrderByIdDesc(String workflowId);
    }
}
