package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly use of each workflow by its audience, aggregated in the database in one pass over the window's usage
 * events: distinct active people per week and source, and how many people used it in enough weeks to call it a
 * habit.
 *
 * <p>The inner query folds each person's weeks into bit masks (bit w set = some use in week w of the window), one
 * per source and kind; the middle one keeps audience members, with a mask of the weeks they were members in (a
 * person who left the audience counts for the weeks before they left, not after) and whether they still are; the
 * outer one counts, per workflow, the people with each bit while members, the current members with at least the
 * habit's number of bits, and who that habit count rests on. Grouping by workflow
 * and person follows the V4 index {@code usage_event_workflow_person_day}, so SQLite streams it without sorting.
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
     */
    record UsageFacts(int[] telemetryActive, boolean[] telemetryPresent, int[] selfActive, int[] selfReporters,
                      int habitual, HabitBasis habit, LocalDate firstDay) {
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

    /** Midnight UTC at the start of a day, to compare with a stored instant. */
    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Object[] params(int habitMinWeeks, List<Object> mondays, Instant end, LocalDate first,
                                   Sql.Fragment ids, LocalDate last) {
        List<Object> params = new ArrayList<>();
        params.add(habitMinWeeks);
        params.addAll(mondays);
        params.add(end);
        params.addAll(List.of(first, first, first, first));
        params.add(ids);
        params.add(first);
        params.add(last);
        return params.toArray();
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
        StringBuilder memberWeeks = new StringBuilder("0");
        List<Object> mondays = new ArrayList<>();
        for (int w = 0; w < window.weeks(); w++) {
            for (String mask : MASKS) {
                counts.append(", SUM(((y.").append(mask).append(" & y.member_weeks) >> ").append(w).append(") & 1) AS ")
                        .append(mask).append(w);
            }
            weeksUsed.append(" + (((y.ta | y.sa) >> ").append(w).append(") & 1)");
            memberWeeks.append(" + CASE WHEN m.left_at IS NULL OR m.left_at >= ? THEN ").append(1 << w)
                    .append(" ELSE 0 END");
            mondays.add(instant(window.monday(w)));
        }
        String current = "y.still_member = 1";
        String sql = "SELECT y.workflow_id" + counts
                + ", SUM(CASE WHEN " + current + " AND " + weeksUsed + " >= ? THEN 1 ELSE 0 END) AS habitual"
                + ", MAX(CASE WHEN y.tp > 0 THEN 1 ELSE 0 END) AS telemetry"
                + ", MAX(CASE WHEN " + current + " AND (y.sa & (~y.ta)) <> 0 THEN 1 ELSE 0 END) AS habit_self"
                + ", SUM(CASE WHEN " + current + " AND (y.ta | y.sa) <> 0 THEN 1 ELSE 0 END) AS habit_active"
                + ", SUM(CASE WHEN " + current + " AND y.sp <> 0 THEN 1 ELSE 0 END) AS habit_reporters FROM ("
                + "SELECT x.*, " + memberWeeks + " AS member_weeks"
                + ", CASE WHEN m.left_at IS NULL OR m.left_at >= ? THEN 1 ELSE 0 END AS still_member FROM ("
                + "SELECT u.workflow_id, u.person_id"
                + ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' AND u.count > 0 THEN 1 << " + week
                + " ELSE 0 END) AS ta"
                + ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' THEN 1 << " + week + " ELSE 0 END) AS tp"
                + ", SUM(DISTINCT CASE WHEN u.source = 'self_report' AND u.count > 0 THEN 1 << " + week
                + " ELSE 0 END) AS sa"
                + ", SUM(DISTINCT CASE WHEN u.source = 'self_report' THEN 1 << " + week + " ELSE 0 END) AS sp"
                + " FROM usage_event u WHERE u.workflow_id IN (" + ids.sql() + ") AND u.day >= ? AND u.day < ?"
                + " GROUP BY u.workflow_id, u.person_id) x"
                + " JOIN audience a ON a.workflow_id = x.workflow_id"
                + " JOIN audience_member m ON m.audience_id = a.id AND m.person_id = x.person_id) y"
                + " GROUP BY y.workflow_id";
        Map<String, UsageFacts> found = new HashMap<>();
        LocalDate first = window.first();
        Sql.query(c, sql, rs -> {
            int n = window.weeks();
            UsageFacts f = new UsageFacts(new int[n], new boolean[n], new int[n], new int[n],
                    rs.getInt("habitual"), new HabitBasis(rs.getInt("telemetry") == 1, rs.getInt("habit_self") == 1,
                    rs.getInt("habit_active"), rs.getInt("habit_reporters")), null);
            for (int w = 0; w < n; w++) {
                f.telemetryActive()[w] = rs.getInt("ta" + w);
                f.telemetryPresent()[w] = rs.getInt("tp" + w) > 0;
                f.selfActive()[w] = rs.getInt("sa" + w);
                f.selfReporters()[w] = rs.getInt("sp" + w);
            }
            found.put(rs.getString("workflow_id"), f);
        }, params(habitMinWeeks, mondays, instant(window.end()), first, ids, window.end()));
        for (String id : workflowIds) {
            // One workflow at a time, so both databases answer MIN from the end of the index instead of a range scan.
            LocalDate[] firstDay = new LocalDate[1];
            Sql.query(c, "SELECT MIN(day) AS first_day FROM usage_event WHERE workflow_id = ?",
                    rs -> firstDay[0] = Sql.date(rs, "first_day"), id);
            UsageFacts f = found.get(id);
            int n = window.weeks();
            facts.put(id, f == null ? new UsageFacts(new int[n], new boolean[n], new int[n], new int[n], 0,
                    HabitBasis.NONE, firstDay[0]) : new UsageFacts(f.telemetryActive(), f.telemetryPresent(),
                    f.selfActive(), f.selfReporters(), f.habitual(), f.habit(), firstDay[0]));
        }
        return facts;
    }
}
