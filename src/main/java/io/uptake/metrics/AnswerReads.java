package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pulse answers and deliveries per workflow and week, aggregated in the database: how many of each trust and
 * correction value, how many of each cycle time, and answered ÷ delivered. A round belongs to the week of its
 * period (the date it was scheduled for, or the UTC day of a manual send). Anonymous answers count like the
 * others: by round, not by person.
 *
 * <p>The joins are written as CROSS JOINs because SQLite then keeps the order written (pulses, their rounds in the
 * window, those rounds' answers by index) instead of scanning the whole answers table; PostgreSQL plans them freely.
 */
final class AnswerReads {

    /** One workflow's answers in one week. */
    record WeekAnswers(int[] trust, int[] correction, TreeMap<BigDecimal, Integer> cycleMinutes) {

        static WeekAnswers empty() {
            return new WeekAnswers(new int[5], new int[4], new TreeMap<>());
        }
    }

    /**
     * @param weeks     answers per week of the window, oldest first
     * @param delivered deliveries sent in the scored week's rounds
     * @param answered  of those, how many were answered
     */
    record AnswerFacts(WeekAnswers[] weeks, int delivered, int answered) {
    }

    /** Rounds whose period falls from one day to another, scheduled or sent by hand; see {@link #periodRange}. */
    static final String PERIOD_IN_RANGE =
            "((r.period >= ? AND r.period < ?) OR (r.period >= ? AND r.period < ?)) ";

    private AnswerReads() {
    }

    static Map<String, AnswerFacts> read(Connection c, Collection<String> workflowIds, Window window)
            throws SQLException {
        Map<String, AnswerFacts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        Map<String, WeekAnswers[]> weeks = new HashMap<>();
        for (String id : workflowIds) {
            WeekAnswers[] w = new WeekAnswers[window.weeks()];
            for (int i = 0; i < w.length; i++) {
                w[i] = WeekAnswers.empty();
            }
            weeks.put(id, w);
        }
        // Grouped by round, a few thousand groups at most; rounds map to workflows and weeks here.
        Map<String, String> workflowOfPulse = new HashMap<>();
        Sql.query(c, "SELECT id, workflow_id FROM read_pulse WHERE workflow_id IN (" + ids.sql() + ")",
                rs -> workflowOfPulse.put(rs.getString("id"), rs.getString("workflow_id")), ids);
        // The history needs only the trust index; correction and cycle time only for the scored week.
        count(c, ids, window, window.first(), "'trust'", workflowOfPulse, weeks);
        count(c, ids, window, window.scoredWeek(), "'correction', 'cycle-time'", workflowOfPulse, weeks);
        Map<String, int[]> responses = new HashMap<>();
        Sql.query(c, "SELECT p.workflow_id, COUNT(*) AS delivered, "
                + "SUM(CASE WHEN d.answered THEN 1 ELSE 0 END) AS answered FROM read_pulse p "
                + "CROSS JOIN read_round r CROSS JOIN read_delivery d WHERE r.pulse_id = p.id AND d.round_id = r.id "
                + "AND p.workflow_id IN (" + ids.sql() + ") AND " + PERIOD_IN_RANGE
                + "AND d.sent_at IS NOT NULL GROUP BY p.workflow_id",
                rs -> responses.put(rs.getString("workflow_id"), new int[] {rs.getInt("delivered"),
                        rs.getInt("answered")}),
                ids, periodRange(window.scoredWeek(), window.end()));
        for (String id : workflowIds) {
            int[] r = responses.getOrDefault(id, new int[2]);
            facts.put(id, new AnswerFacts(weeks.get(id), r[0], r[1]));
        }
        return facts;
    }

    /** Counts answers to {@code questions} per round and value, for rounds from {@code from} to the window's end. */
    private static void count(Connection c, Sql.Fragment ids, Window window, LocalDate from, String questions,
                              Map<String, String> workflowOfPulse, Map<String, WeekAnswers[]> weeks)
            throws SQLException {
        // A round's pulse and period are grouped by although its id decides them: PostgreSQL infers that from a
        // table's primary key, never through a view.
        Sql.query(c, "SELECT r.id, r.pulse_id, r.period, a.question, a.value_int, a.value_num, COUNT(*) AS answers "
                + "FROM read_pulse p CROSS JOIN read_round r CROSS JOIN read_answer a "
                + "WHERE r.pulse_id = p.id AND a.round_id = r.id "
                + "AND p.workflow_id IN (" + ids.sql() + ") AND " + PERIOD_IN_RANGE
                + "AND a.question IN (" + questions + ") "
                + "GROUP BY r.id, r.pulse_id, r.period, a.question, a.value_int, a.value_num", rs -> {
                    WeekAnswers w = weeks.get(workflowOfPulse.get(rs.getString("pulse_id")))[window.index(
                            rs.getString("period"))];
                    int n = rs.getInt("answers");
                    int value = rs.getInt("value_int");
                    switch (rs.getString("question")) {
                        case "trust" -> {
                            if (value >= 1 && value <= 5) {
                                w.trust()[value - 1] += n;
                            }
                        }
                        case "correction" -> {
                            if (value >= 0 && value <= 3) {
                                w.correction()[value] += n;
                            }
                        }
                        default -> {
                            BigDecimal minutes = Sql.decimal(rs, "value_num");
                            if (minutes != null) {
                                w.cycleMinutes().merge(minutes.stripTrailingZeros(), n, Integer::sum);
                            }
                        }
                    }
                }, ids, periodRange(from, window.end()));
    }

    /**
     * The four parameters of {@link #PERIOD_IN_RANGE}: scheduled periods are plain dates, manual sends are
     * {@code manual-} and the minute, which sorts after every date, so each form gets its own text range.
     */
    static Sql.Fragment periodRange(LocalDate from, LocalDate end) {
        return new Sql.Fragment("", List.of(from.toString(), end.toString(), Window.MANUAL + from,
                Window.MANUAL + end));
    }
}
