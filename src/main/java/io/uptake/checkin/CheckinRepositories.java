package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Repositories for check-in cycles, check-ins and the nudges they cause. */
final class CheckinRepositories {

    private CheckinRepositories() {
    }

    /** Stored instants keep milliseconds only; comparisons with the clock use the same precision. */
    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Cycles extends CrudRepository<CheckinCycleRow, Long> {
        Optional<CheckinCycleRow> findByWorkflowIdAndPeriod(String workflowId, String period);

        List<CheckinCycleRow> findByWorkflowIdOrderByOpenedAt(String workflowId);

        /** Cycles still waiting for the owner and not yet escalated: the ones reminders and escalation look at. */
        @Query("SELECT * FROM checkin_cycle WHERE completed_at IS NULL AND escalated_at IS NULL ORDER BY id")
        List<CheckinCycleRow> findWaiting();
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Checkins extends CrudRepository<CheckinRow, Long> {
        /** The latest check-in logged for a workflow, in any cycle. */
        @Query("SELECT c.* FROM checkin c JOIN checkin_cycle y ON y.id = c.cycle_id WHERE y.workflow_id = :workflowId"
                + " ORDER BY c.id DESC LIMIT 1")
        Optional<CheckinRow> findLatestOfWorkflow(String workflowId);

        List<CheckinRow> findBySubmittedByOrderBySubmittedAt(Long submittedBy);

        /** Every check-in logged for a workflow, oldest first. */
        @Query("SELECT c.* FROM checkin c JOIN checkin_cycle y ON y.id = c.cycle_id WHERE y.workflow_id = :workflowId"
                + " ORDER BY c.submitted_at, c.id")
        List<CheckinRow> findAllOfWorkflow(String workflowId);

        /** Forgets who logged check-ins and their notes; the figures stay, as the workflow's, not the person's. */
        @Query("UPDATE checkin SET submitted_by = NULL, note = NULL WHERE submitted_by = :personId")
        void forgetSubmitter(Long personId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface ProgrammeCycles extends CrudRepository<ProgrammeCheckinCycleRow, Long> {
        Optional<ProgrammeCheckinCycleRow> findByProgrammeIdAndPeriod(String programmeId, String period);

        @Query("SELECT * FROM programme_checkin_cycle WHERE completed_at IS NULL AND escalated_at IS NULL ORDER BY id")
        List<ProgrammeCheckinCycleRow> findWaiting();
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface ProgrammeCheckins extends CrudRepository<ProgrammeCheckinRow, Long> {
        @Query("SELECT c.* FROM programme_checkin c JOIN programme_checkin_cycle y ON y.id = c.cycle_id"
                + " WHERE y.programme_id = :programmeId ORDER BY c.id DESC LIMIT 1")
        Optional<ProgrammeCheckinRow> findLatestOfProgramme(String programmeId);

        @Query("UPDATE programme_checkin SET submitted_by = NULL, note = NULL WHERE submitted_by = :personId")
        void forgetSubmitter(Long personId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Nudges extends CrudRepository<CheckinNudgeRow, Long> {
        boolean existsByDedupeKey(String dedupeKey);

        /** The person's row lock, taken as the nudge caps take it, so their weekly count is read in turn. */
        @Query("UPDATE person SET updated_at = updated_at WHERE id = :personId")
        int lockPerson(Long personId);

        @Query("INSERT INTO nudge (person_id, kind, workflow_id, dedupe_key, created_at)"
                + " VALUES (:personId, :kind, :workflowId, :dedupeKey, :createdAt) ON CONFLICT (dedupe_key) DO NOTHING")
        int insertIfAbsent(Long personId, String kind, @Nullable String workflowId, String dedupeKey,
                           Instant createdAt);

        List<CheckinNudgeRow> findByKindOrderByIdAsc(String kind);
    }
}
