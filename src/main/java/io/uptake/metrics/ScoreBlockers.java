package io.uptake.metrics;

import io.uptake.catalog.BlockerCategory;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Counts the week's answers to the {@code blockers} question per workflow, through the anonymity rules.
 *
 * <p>Each answer names one category, so the week's answers are one breakdown: the categories' shares go through
 * {@link Anonymity#shares}, which hides a small category together with the next smallest. The change of a share is
 * taken against the previous 4 weeks pooled, counting only weeks in which that category's own share was shown: the
 * pool is then made of figures already published, so comparing one week's change with the next cannot give away a
 * category that was hidden in the week that left the pool.
 */
@Singleton
class ScoreBlockers {

    /** The question whose answers are counted, as stored. */
    static final String QUESTION = "blockers";
    /** Weeks before the scored one that the change is taken against. */
    static final int PREVIOUS_WEEKS = 4;
    /** The most categories named as the top blockers. */
    static final int TOP = 3;

    private static final List<BlockerCategory> CATEGORIES = BlockerCategory.inOrder();
    private static final String PERIOD_IN_RANGE =
            "((r.period >= ? AND r.period < ?) OR (r.period >= ? AND r.period < ?)) ";

    private final Anonymity anonymity;

    ScoreBlockers(Anonymity anonymity) {
        this.anonymity = anonymity;
    }

    /** The blockers of each workflow in the window's scored week, by workflow id. */
    Map<String, Blockers> score(Connection c, List<String> workflowIds, Window window) throws SQLException {
        Map<String, Blockers> all = new HashMap<>();
        for (Map.Entry<String, int[][]> e : read(c, workflowIds, window).entrySet()) {
            all.put(e.getKey(), score(e.getValue()));
        }
        return all;
    }

    /**
     * Scores one workflow from its counts: {@code weeks[0]} is the scored week, {@code weeks[1..4]} the weeks before
     * it, newest first; each holds the answers per category in {@link BlockerCategory} order.
     */
    Blockers score(int[][] weeks) {
        int respondents = Arrays.stream(weeks[0]).sum();
        if (respondents == 0) {
            return Blockers.noData();
        }
        List<Figure> now = anonymity.shares(counts(weeks[0]), Figure.Source.PULSE);
        List<List<Figure>> before = new ArrayList<>();
        for (int w = 1; w < weeks.length; w++) {
            before.add(Arrays.stream(weeks[w]).sum() == 0 ? null : anonymity.shares(counts(weeks[w]),
                    Figure.Source.PULSE));
        }
        List<Blockers.BlockerShare> shares = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            BlockerCategory category = CATEGORIES.get(i);
            shares.add(new Blockers.BlockerShare(category.code(), category.label(), now.get(i),
                    change(weeks, now.get(i), before, i)));
        }
        List<String> top = IntStream.range(0, CATEGORIES.size())
                .filter(i -> CATEGORIES.get(i).isBlocker() && now.get(i).isShown() && weeks[0][i] > 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -weeks[0][i]).thenComparingInt(i -> i))
                .limit(TOP).map(i -> CATEGORIES.get(i).code()).toList();
        return new Blockers(respondents, shares, top);
    }

    /**
     * This week's share minus the share over the previous weeks in which the category was shown, in points, exact
     * and rounded once.
     */
    private Figure change(int[][] weeks, Figure now, List<List<Figure>> before, int category) {
        if (!now.isShown()) {
            return Figure.suppressed(Figure.Source.PULSE);
        }
        int named = 0;
        int answers = 0;
        for (int w = 0; w < before.size(); w++) {
            if (before.get(w) != null && before.get(w).get(category).isShown()) {
                named += weeks[w + 1][category];
                answers += Arrays.stream(weeks[w + 1]).sum();
            }
        }
        if (answers == 0) {
            return Figure.noData(Figure.Source.PULSE);
        }
        double current = weeks[0][category] * 100.0 / now.n();
        return anonymity.score(ScoreWorkflow.round(current - named * 100.0 / answers), now.n() + answers,
                Figure.Source.PULSE);
    }

    private static List<Integer> counts(int[] week) {
        return Arrays.stream(week).boxed().toList();
    }

    /** Answers per workflow, week (scored first, then back) and category, from the rounds of the last 5 weeks. */
    private static Map<String, int[][]> read(Connection c, List<String> workflowIds, Window window)
            throws SQLException {
        Map<String, int[][]> counts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return counts;
        }
        workflowIds.forEach(id -> counts.put(id, new int[PREVIOUS_WEEKS + 1][CATEGORIES.size()]));
        Sql.Fragment ids = Sql.in(workflowIds);
        Map<String, String> workflowOfPulse = new HashMap<>();
        Sql.query(c, "SELECT id, workflow_id FROM read_pulse WHERE workflow_id IN (" + ids.sql() + ")",
                rs -> workflowOfPulse.put(rs.getString("id"), rs.getString("workflow_id")), ids);
        LocalDate from = window.scoredWeek().minusWeeks(PREVIOUS_WEEKS);
        LocalDate end = window.end();
        Sql.query(c, "SELECT r.id, r.pulse_id, r.period, a.value_int, COUNT(*) AS answers "
                + "FROM read_pulse p CROSS JOIN read_round r CROSS JOIN read_answer a "
                + "WHERE r.pulse_id = p.id AND a.round_id = r.id "
                + "AND p.workflow_id IN (" + ids.sql() + ") AND " + PERIOD_IN_RANGE
                + "AND a.question = ? GROUP BY r.id, r.pulse_id, r.period, a.value_int", rs -> {
                    int back = window.current() - window.index(rs.getString("period"));
                    String workflow = workflowOfPulse.get(rs.getString("pulse_id"));
                    int answers = rs.getInt("answers");
                    int value = rs.getInt("value_int");
                    if (workflow != null && back >= 0 && back <= PREVIOUS_WEEKS && !rs.wasNull()) {
                        BlockerCategory.ofValue(value).ifPresent(category ->
                                counts.get(workflow)[back][category.ordinal()] += answers);
                    }
                }, ids, new Sql.Fragment("", List.of(from.toString(), end.toString(), Window.MANUAL + from,
                        Window.MANUAL + end)), QUESTION);
        return counts;
    }
}
