package io.uptake.pulse;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Repositories for the stakeholder pulse's rounds, deliveries and answers. */
final class StakeholderRepositories {

    private StakeholderRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Rounds extends CrudRepository<StakeholderRoundRow, Long> {
        Optional<StakeholderRoundRow> findByProgrammeIdAndQuarter(String programmeId, String quarter);

        /** Stores the round unless the programme already has one for the quarter; 0 when it had. */
        @Query("""
                INSERT INTO stakeholder_round (programme_id, quarter, opened_at, closes_at)
                VALUES (:programmeId, :quarter, :openedAt, :closesAt)
                ON CONFLICT (programme_id, quarter) DO NOTHING""")
        int insertIfAbsent(String programmeId, String quarter, Instant openedAt, Instant closesAt);

        @Query("SELECT * FROM stakeholder_round WHERE closed_at IS NULL ORDER BY id")
        List<StakeholderRoundRow> findUnclosed();
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Deliveries extends CrudRepository<StakeholderDeliveryRow, Long> {
        Optional<StakeholderDeliveryRow> findByRoundIdAndPersonId(Long roundId, Long personId);

        List<StakeholderDeliveryRow> findByRoundIdOrderById(Long roundId);

        List<StakeholderDeliveryRow> findByPersonIdOrderByIdDesc(Long personId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Answers extends CrudRepository<StakeholderAnswerRow, Long> {
        List<StakeholderAnswerRow> findByDeliveryId(Long deliveryId);

        List<StakeholderAnswerRow> findByRoundId(Long roundId);
    }
}
