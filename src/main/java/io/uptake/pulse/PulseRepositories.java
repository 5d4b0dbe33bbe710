package io.uptake.pulse;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Repositories for rounds, deliveries and answers. */
final class PulseRepositories {

    private PulseRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Rounds extends CrudRepository<RoundRow, Long> {
        Optional<RoundRow> findByPulseIdAndPeriod(String pulseId, String period);

        /**
         * Stores the round unless its pulse already has one for the period; 0 when another transaction got there
         * first (on PostgreSQL this waits for that transaction and then sees its round, instead of failing).
         */
        @Query("""
                INSERT INTO pulse_round (pulse_id, period, questions, mode, opened_at, closes_at)
                VALUES (:pulseId, :period, :questions, :mode, :openedAt, :closesAt)
                ON CONFLICT (pulse_id, period) DO NOTHING""")
        int insertIfAbsent(String pulseId, String period, String questions, String mode, Instant openedAt,
                           Instant closesAt);

        @Query("SELECT * FROM pulse_round WHERE closed_at IS NULL ORDER BY id")
        List<RoundRow> findUnclosed();

        @Query("SELECT * FROM pulse_round WHERE closed_at >= :since ORDER BY id")
        List<RoundRow> findClosedSince(Instant since);

        @Query("""
                SELECT * FROM pulse_round WHERE pulse_id = :pulseId AND opened_at < :openedAt AND closed_at IS NOT NULL
                ORDER BY opened_at DESC LIMIT 1""")
        Optional<RoundRow> findPreviousClosed(String pulseId, Instant openedAt);

        /** The rounds of a workflow's pulses not yet closed, oldest first. */
        @Query("""
                SELECT r.* FROM pulse_round r JOIN read_pulse p ON p.id = r.pulse_id
                WHERE p.workflow_id = :workflowId AND r.closed_at IS NULL ORDER BY r.opened_at, r.id""")
        List<RoundRow> findUnclosedOfWorkflow(String workflowId);

        /** The newest closed rounds of a workflow's pulses, newest first. */
        @Query("""
                SELECT r.* FROM pulse_round r JOIN read_pulse p ON p.id = r.pulse_id
                WHERE p.workflow_id = :workflowId AND r.closed_at IS NOT NULL ORDER BY r.closes_at DESC, r.id DESC
                LIMIT :limit""")
        List<RoundRow> findClosedOfWorkflow(String workflowId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Deliveries extends CrudRepository<DeliveryRow, Long> {
        Optional<DeliveryRow> findByRoundIdAndPersonId(Long roundId, Long personId);

        List<DeliveryRow> findByRoundIdAndPersonIdInList(Long roundId, List<Long> personIds);

        List<DeliveryRow> findByRoundIdOrderById(Long roundId);

        @Query("""
                SELECT * FROM delivery WHERE round_id = :roundId AND answered = FALSE AND sent_at IS NOT NULL
                AND reminders_sent < :reminders ORDER BY id""")
        List<DeliveryRow> findRemindable(Long roundId, int reminders);

        long countByRoundId(Long roundId);

        @Query("SELECT COUNT(*) FROM delivery WHERE round_id = :roundId AND sent_at IS NOT NULL")
        long countSent(Long roundId);

        @Query("SELECT COUNT(*) FROM delivery WHERE round_id = :roundId AND sent_at IS NOT NULL AND answered = TRUE")
        long countSentAndAnswered(Long roundId);

        List<DeliveryRow> findByPersonIdOrderByIdDesc(Long personId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface Answers extends CrudRepository<AnswerRow, Long> {
        List<AnswerRow> findByDeliveryId(Long deliveryId);

        List<AnswerRow> findByDeliveryIdInList(List<Long> deliveryIds);

        List<AnswerRow> findByRoundIdAndBallot(Long roundId, String ballot);

        List<AnswerRow> findByRoundId(Long roundId);

        List<AnswerRow> findByRoundIdAndQuestion(Long roundId, String question);

        List<AnswerRow> findByRoundIdAndQuestionAndValueInt(Long roundId, String question, Integer valueInt);

        @Query("DELETE FROM answer WHERE answered_on < :before")
        int deleteAnsweredBefore(java.time.LocalDate before);

        List<AnswerRow> findByPersonIdOrderByIdDesc(Long personId);

        long countByRoundId(Long roundId);

        @Query("SELECT COUNT(*) FROM delivery WHERE round_id = :roundId AND sent_at IS NOT NULL")
        long countSent(Long roundId);

        @Query("SELECT COUNT(*) FROM delivery WHERE round_id = :roundId AND sent_at IS NOT NULL AND answered = TRUE")
        long countSentAndAnswered(Long roundId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
    interface ShownComments extends io.micronaut.data.repository.GenericRepository<ShownCommentRow, Long> {
        List<ShownCommentRow> findByRoundIdAndQuestionInList(Long roundId, List<String> questions);

        /** Keeps the scrubbed copy of a comment beside the words as written. */
        @Query("UPDATE answer SET shown_text = :shownText WHERE id = :id")
        int show(Long id, String shownText);
    }

    /** Instants as stored: millisecond precision, so later comparisons are exact. */
    static Instant millis(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
