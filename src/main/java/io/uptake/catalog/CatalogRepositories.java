package io.uptake.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Repositories for the stored catalogue. */
final class CatalogRepositories {

    private CatalogRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Programmes extends CrudRepository<ProgrammeRow, String> {
        List<ProgrammeRow> findAllOrderById();
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Workflows extends CrudRepository<WorkflowRow, String> {
        List<WorkflowRow> findAllOrderById();

        List<WorkflowRow> findByProgrammeIdOrderById(String programmeId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface StageHistory extends CrudRepository<WorkflowStageRow, Long> {
        List<WorkflowStageRow> findByWorkflowIdOrderByIdAsc(String workflowId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Outcomes extends CrudRepository<OutcomeRow, String> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface ProgrammeOutcomes extends CrudRepository<ProgrammeOutcomeRow, String> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Audiences extends CrudRepository<AudienceRow, Long> {
        /** A workflow's audiences, one a wave, retired waves included, first wave first. */
        List<AudienceRow> findByWorkflowIdOrderByWave(String workflowId);

        void updateLastSyncedAt(@Id Long id, Instant lastSyncedAt);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface AudienceEmails extends CrudRepository<AudienceEmailRow, Long> {
        List<AudienceEmailRow> findByAudienceIdOrderByEmail(Long audienceId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Stakeholders extends CrudRepository<ProgrammeStakeholderRow, Long> {
        List<ProgrammeStakeholderRow> findByProgrammeIdOrderByEmail(String programmeId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Pulses extends CrudRepository<PulseRow, String> {
        List<PulseRow> findAllOrderById();
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Digests extends CrudRepository<DigestSubscriptionRow, Long> {
        List<DigestSubscriptionRow> findAllOrderByChannel();

        Optional<DigestSubscriptionRow> findByChannel(String channel);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Policies extends CrudRepository<CheckinPolicyRow, Integer> {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Loads extends CrudRepository<CatalogLoadRow, Long> {
        Optional<CatalogLoadRow> findFirstOrderByIdDesc();

        /** The newest load that was (or was not) accepted. */
        Optional<CatalogLoadRow> findFirstByAcceptedOrderByIdDesc(boolean accepted);
    }
}
