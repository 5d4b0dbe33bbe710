package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Weekly use of each workflow by its audience, aggregated in the database in one pass over the window's usage
 * events: distinct active people per week and source, and how many people used it in enough weeks to call it a
 * habit.
 *
 * <p>The inner query folds each person's weeks into bit masks (bit w set = some use in week w of the window), one
 * per source and kind; the outer one keeps the audience's current members and counts, per workflow, the people
 * with each bit, the people with at least the habit's number of bits, and who that habit count rests on. People
 * who left the audience during the window are read apart ({@link #addLeavers}): they count for the weeks up to
 * the one they left in, and never towards the habit. They are few, so that read starts from them. Grouping by
 * workflow and person follows the V4 index {@code usage_event_workflow_person_day}, so SQLite streams it without
 * sorting.
 */
final class UsageReads {

    /**
     * @param telemetryActive  people with telemetry use, per week of the window
     * @param telemetryPresent whether any telemetry arrived for the week (then it wins over self-report)
     * @param selfActive       people who reported at least one use, per week
     * @param selfReporters    people who reported at all (also "never"), per week
     * @param habitual         people active in at least the habit's weeks of the window
     * @param habit            who the habit count rests on
     * @param firstDay         the first day any use was recorded for the workflow, null without any
     * @param firstTelemetryDay the first day telemetry was recorded for the workflow, null without any: weeks before
     *                          it have no telemetry to count as 0
     */
    record UsageFacts(int[] telemetryActive, boolean[] telemetryPresent, int[] selfActive, int[] selfReporters,
                      int habitual, HabitBasis habit, LocalDate firstDay, LocalDate firstTelemetryDay) {
    }

    /**
     * Who the habit count rests on, for the anonymity rules.
     *
     * @param telemetry     whether any telemetry arrived in the window
     * @param selfReport    whether self-reports added a week of use that the person's telemetry did not already
     *                      show, so the count depends on what people reported
     * @param active        audience members with any use in the window, from either source
     * @param selfReporters audience members who reported at all (also "never") in the window
     */
    record HabitBasis(boolean telemetry, boolean selfReport, int active, int selfReporters) {

        static final HabitBasis NONE = new HabitBasis(false, false, 0, 0);
    }

    private static final String[] MASKS = {"ta", "tp", "sa", "sp"};

    private UsageReads() {
    }

    /**
     * The four week masks of one person's use, as SQL select items over usage rows {@code u}, with one date
     * parameter each (the window's first day): telemetry use ({@code ta}), any telemetry ({@code tp}), reported
     * use ({@code sa}) and any report, also "never" ({@code sp}).
     */
    private static String masks(String week) {
        return ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' AND u.count > 0 THEN 1 << " + week
                + " ELSE 0 END) AS ta"
                + ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' THEN 1 << " + week + " ELSE 0 END) AS tp"
                + ", SUM(DISTINCT CASE WHEN u.source = 'self_report' AND u.count > 0 THEN 1 << " + week
                + " ELSE 0 END) AS sa"
                + ", SUM(DISTINCT CASE WHEN u.source = 'self_report' THEN 1 << " + week + " ELSE 0 END) AS sp";
    }

    /**
     * Adds the weeks of use of people who left the audience during the window, up to the week they left in. The
     * leavers are found first, from the audiences, so that usage is read only for them and only when there are any.
     */
    private static void addLeavers(Connection c, Sql.Fragment ids, Window window, Map<String, UsageFacts> found)
            throws SQLException {
        LocalDate first = window.first();
        Map<String, Map<Long, LocalDate>> leavers = new HashMap<>();
        Sql.query(c, "SELECT a.workflow_id, m.person_id, m.left_at FROM audience a"
                + " JOIN audience_member m ON m.audience_id = a.id"
                + " WHERE a.workflow_id IN (" + ids.sql() + ") AND m.left_at IS NOT NULL AND m.left_at >= ?",
                rs -> leavers.computeIfAbsent(rs.getString("workflow_id"), id -> new HashMap<>())
                        .put(rs.getLong("person_id"), Sql.instant(rs, "left_at").atZone(ZoneOffset.UTC)
                                .toLocalDate()),
                ids, first.atStartOfDay(ZoneOffset.UTC).toInstant());
        String week = window.weekNumber(c, "u.day");
        int n = window.weeks();
        for (Map.Entry<String, Map<Long, LocalDate>> workflow : leavers.entrySet()) {
            Sql.Fragment people = Sql.in(workflow.getValue().keySet());
            Sql.query(c, "SELECT u.person_id"
                    + masks(week)
                    + " FROM usage_event u WHERE u.workflow_id = ? AND u.person_id IN (" + people.sql() + ")"
                    + " AND u.day >= ? AND u.day < ? GROUP BY u.person_id", rs -> {
                        UsageFacts f = found.computeIfAbsent(workflow.getKey(), id -> new UsageFacts(new int[n],
                                new boolean[n], new int[n], new int[n], 0, HabitBasis.NONE, null, null));
                        LocalDate left = workflow.getValue().get(rs.getLong("person_id"));
                        long lastWeek = Math.min(n - 1, ChronoUnit.DAYS.between(first, left) / 7);
                        long ta = rs.getLong("ta");
                        long tp = rs.getLong("tp");
                        long sa = rs.getLong("sa");
                        long sp = rs.getLong("sp");
                        for (int w = 0; w <= lastWeek; w++) {
                            f.telemetryActive()[w] += (int) (ta >> w) & 1;
                            f.telemetryPresent()[w] |= ((tp >> w) & 1) == 1;
                            f.selfActive()[w] += (int) (sa >> w) & 1;
                            f.selfReporters()[w] += (int) (sp >> w) & 1;
                        }
                    }, first, first, first, first, workflow.getKey(), people, first, window.end());
        }
    }

    static Map<String, UsageFacts> read(Connection c, Collection<String> workflowIds, Window window, int habitMinWeeks)
            throws SQLException {
        Map<String, UsageFacts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        String week = window.weekNumber(c, "u.day");
        StringBuilder counts = new StringBuilder();
        StringBuilder weeksUsed = new StringBuilder("0");
        for (int w = 0; w < window.weeks(); w++) {
            for (String mask : MASKS) {
                counts.append(", SUM((x.").append(mask).append(" >> ").append(w).append(") & 1) AS ")
                        .append(mask).append(w);
            }
            weeksUsed.append(" + (((x.ta | x.sa) >> ").append(w).append(") & 1)");
        }
        String sql = "SELECT x.workflow_id" + counts
                + ", SUM(CASE WHEN " + weeksUsed + " >= ? THEN 1 ELSE 0 END) AS habitual"
                + ", MAX(CASE WHEN x.tp > 0 THEN 1 ELSE 0 END) AS telemetry"
                + ", MAX(CASE WHEN (x.sa & (~x.ta)) <> 0 THEN 1 ELSE 0 END) AS habit_self"
                + ", SUM(CASE WHEN (x.ta | x.sa) <> 0 THEN 1 ELSE 0 END) AS habit_active"
                + ", SUM(CASE WHEN x.sp <> 0 THEN 1 ELSE 0 END) AS habit_reporters FROM ("
                + "SELECT u.workflow_id, u.person_id"
                + masks(week)
                + " FROM usage_event u WHERE u.workflow_id IN (" + ids.sql() + ") AND u.day >= ? AND u.day < ?"
                + " GROUP BY u.workflow_id, u.person_id) x"
                + " JOIN audience a ON a.workflow_id = x.workflow_id"
                + " JOIN audience_member m ON m.audience_id = a.id AND m.person_id = x.person_id"
                + " AND m.left_at IS NULL GROUP BY x.workflow_id";
        Map<String, UsageFacts> found = new HashMap<>();
        LocalDate first = window.first();
        Sql.query(c, sql, rs -> {
            int n = window.weeks();
            UsageFacts f = new UsageFacts(new int[n], new boolean[n], new int[n], new int[n],
                    rs.getInt("habitual"), new HabitBasis(rs.getInt("telemetry") == 1, rs.getInt("habit_self") == 1,
                    rs.getInt("habit_active"), rs.getInt("habit_reporters")), null, null);
            for (int w = 0; w < n; w++) {
                f.telemetryActive()[w] = rs.getInt("ta" + w);
                f.telemetryPresent()[w] = rs.getInt("tp" + w) > 0;
                f.selfActive()[w] = rs.getInt("sa" + w);
                f.selfReporters()[w] = rs.getInt("sp" + w);
            }
            found.put(rs.getString("workflow_id"), f);
        }, habitMinWeeks, first, first, first, first, ids, first, window.end());
        addLeavers(c, ids, window, found);
        for (String id : workflowIds) {
            // One workflow at a time, so both databases answer MIN from the end of the index instead of a range scan.
            LocalDate[] firstDay = new LocalDate[2];
            Sql.query(c, "SELECT MIN(day) AS first_day FROM usage_event WHERE workflow_id = ?",
                    rs -> firstDay[0] = Sql.date(rs, "first_day"), id);
            Sql.query(c, "SELECT MIN(day) AS first_day FROM usage_event WHERE workflow_id = ? AND source = 'telemetry'",
                    rs -> firstDay[1] = Sql.date(rs, "first_day"), id);
            UsageFacts f = found.get(id);
            int n = window.weeks();
            facts.put(id, f == null ? new UsageFacts(new int[n], new boolean[n], new int[n], new int[n], 0,
                    HabitBasis.NONE, firstDay[0], firstDay[1]) : new UsageFacts(f.telemetryActive(),
                    f.telemetryPresent(), f.selfActive(), f.selfReporters(), f.habitual(), f.habit(), firstDay[0],
                    firstDay[1]));
        }
        return facts;
    }
}
