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
 * <p>Each week counts the people in the audience that week, so a later sync never changes a past week: the inner
 * queries fold each person's weeks into bit masks (bit w set = some use in week w of the window; for membership,
 * in the audience at some moment of week w), one per source and kind; the outer one keeps each person's use in
 * the weeks they were a member and counts, per workflow, the people with each bit. The habit is the share of the
 * people still in the audience at the end of the scored week, counting their use in every week of the window, and
 * rests on them. Grouping by workflow and person follows the V4 index {@code usage_event_workflow_person_day}, so
 * SQLite streams it without sorting.
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
    static String masks(String week) {
        return ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' AND u.count > 0 THEN 1 << " + week
                + " ELSE 0 END) AS ta"
                + ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' THEN 1 << " + week + " ELSE 0 END) AS tp"
                + ", SUM(DISTINCT CASE WHEN u.source = 'self_report' AND u.count > 0 THEN 1 << " + week
                + " ELSE 0 END) AS sa"
                + ", SUM(DISTINCT CASE WHEN u.source = 'self_report' THEN 1 << " + week + " ELSE 0 END) AS sp";
    }

    /**
     * Per workflow and person of its audience whose spells reach into the window: a mask of the weeks they were a
     * member of a live wave ({@code mm}: a wave counts from the ISO week of its go-live on) and whether they were
     * still one at the end of the scored week ({@code at_end}). Its parameters ({@link #membershipParams}): each
     * week's end and start and end day, the window's end twice and its end day, its first day and the workflow ids.
     */
    static String membership(Window window, String ids) {
        return membership(window, ids, false);
    }

    /** As {@link #membership(Window, String)}, per wave ({@code audience_id}) when {@code byWave}, else 0. */
    static String membership(Window window, String ids, boolean byWave) {
        StringBuilder weeks = new StringBuilder("0");
        for (int w = 0; w < window.weeks(); w++) {
            weeks.append(" + (MAX(CASE WHEN (p.joined_at IS NULL OR p.joined_at < ?) AND (p.left_at IS NULL"
                    + " OR p.left_at > ?) AND (a.go_live IS NULL OR a.go_live < ?) THEN 1 ELSE 0 END) << ")
                    .append(w).append(")");
        }
        return "SELECT a.workflow_id, " + (byWave ? "a.id" : "0") + " AS audience_id, p.person_id, " + weeks
                + " AS mm"
                + ", MAX(CASE WHEN (p.joined_at IS NULL OR p.joined_at < ?) AND (p.left_at IS NULL OR p.left_at >= ?)"
                + " AND (a.go_live IS NULL OR a.go_live < ?) THEN 1 ELSE 0 END) AS at_end"
                + " FROM read_audience a JOIN read_membership p ON p.audience_id = a.id"
                + " WHERE (p.left_at IS NULL OR p.left_at > ?) AND a.workflow_id IN (" + ids + ")"
                + " GROUP BY a.workflow_id, " + (byWave ? "a.id, " : "") + "p.person_id";
    }

    /** The parameters of {@link #membership}, in order. */
    static Sql.Fragment membershipParams(Window window, Sql.Fragment ids) {
        List<Object> params = new ArrayList<>();
        for (int w = 0; w < window.weeks(); w++) {
            params.add(start(window.monday(w).plusWeeks(1)));
            params.add(start(window.monday(w)));
            params.add(window.monday(w).plusWeeks(1));
        }
        params.add(start(window.end()));
        params.add(start(window.end()));
        params.add(window.end());
        params.add(start(window.first()));
        params.addAll(ids.params());
        return new Sql.Fragment("", params);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Map<String, UsageFacts> read(Connection c, Collection<String> workflowIds, Window window, int habitMinWeeks)
            throws SQLException {
        Map<String, UsageFacts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Map<String, UsageFacts> found = read(c, workflowIds, window, habitMinWeeks, false);
        for (String id : workflowIds) {
            // One workflow at a time, so both databases answer MIN from the end of the index instead of a range scan.
            LocalDate[] firstDay = firstDays(c, id);
            UsageFacts f = found.get(id);
            facts.put(id, f == null ? empty(window, firstDay) : new UsageFacts(f.telemetryActive(),
                    f.telemetryPresent(), f.selfActive(), f.selfReporters(), f.habitual(), f.habit(), firstDay[0],
                    firstDay[1]));
        }
        return facts;
    }

    /**
     * The use of each rollout wave by its own members, by stored audience id (every wave of the workflows given,
     * live or not: a wave's weeks before its go-live count nobody), with its workflow's first days of use.
     */
    static Map<Long, UsageFacts> readByWave(Connection c, Collection<String> workflowIds, Window window,
                                           int habitMinWeeks, Map<Long, String> workflowOfWave) throws SQLException {
        Map<Long, UsageFacts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Map<String, UsageFacts> found = read(c, workflowIds, window, habitMinWeeks, true);
        Map<String, LocalDate[]> firstDays = new HashMap<>();
        for (Map.Entry<Long, String> wave : workflowOfWave.entrySet()) {
            LocalDate[] firstDay = firstDays.get(wave.getValue());
            if (firstDay == null) {
                firstDay = firstDays(c, wave.getValue());
                firstDays.put(wave.getValue(), firstDay);
            }
            UsageFacts f = found.get(String.valueOf(wave.getKey()));
            facts.put(wave.getKey(), f == null ? empty(window, firstDay) : new UsageFacts(f.telemetryActive(),
                    f.telemetryPresent(), f.selfActive(), f.selfReporters(), f.habitual(), f.habit(), firstDay[0],
                    firstDay[1]));
        }
        return facts;
    }

    private static UsageFacts empty(Window window, LocalDate[] firstDay) {
        int n = window.weeks();
        return new UsageFacts(new int[n], new boolean[n], new int[n], new int[n], 0, HabitBasis.NONE, firstDay[0],
                firstDay[1]);
    }

    private static LocalDate[] firstDays(Connection c, String id) throws SQLException {
        LocalDate[] firstDay = new LocalDate[2];
        Sql.query(c, "SELECT MIN(day) AS first_day FROM read_usage_day WHERE workflow_id = ?",
                rs -> firstDay[0] = Sql.date(rs, "first_day"), id);
        Sql.query(c, "SELECT MIN(day) AS first_day FROM read_usage_day WHERE workflow_id = ? "
                + "AND source = 'telemetry'",
                rs -> firstDay[1] = Sql.date(rs, "first_day"), id);
        return firstDay;
    }

    /** The counts by workflow id, or by audience id (as text) when {@code byWave}, without first days. */
    private static Map<String, UsageFacts> read(Connection c, Collection<String> workflowIds, Window window,
                                                int habitMinWeeks, boolean byWave) throws SQLException {
        Sql.Fragment ids = Sql.in(workflowIds);
        String week = window.weekNumber(c, "u.day");
        StringBuilder counts = new StringBuilder();
        StringBuilder weeksUsed = new StringBuilder("0");
        for (int w = 0; w < window.weeks(); w++) {
            for (String mask : MASKS) {
                counts.append(", SUM(((x.").append(mask).append(" & y.mm) >> ").append(w).append(") & 1) AS ")
                        .append(mask).append(w);
            }
            weeksUsed.append(" + (((x.ta | x.sa) >> ").append(w).append(") & 1)");
        }
        String sql = "SELECT x.workflow_id, " + (byWave ? "y.audience_id" : "0 AS audience_id") + counts
                + ", SUM(CASE WHEN y.at_end = 1 AND " + weeksUsed + " >= ? THEN 1 ELSE 0 END) AS habitual"
                + ", MAX(CASE WHEN y.at_end = 1 AND x.tp > 0 THEN 1 ELSE 0 END) AS telemetry"
                + ", MAX(CASE WHEN y.at_end = 1 AND (x.sa & (~x.ta)) <> 0 THEN 1 ELSE 0 END) AS habit_self"
                + ", SUM(CASE WHEN y.at_end = 1 AND (x.ta | x.sa) <> 0 THEN 1 ELSE 0 END) AS habit_active"
                + ", SUM(CASE WHEN y.at_end = 1 AND x.sp <> 0 THEN 1 ELSE 0 END) AS habit_reporters FROM ("
                + "SELECT u.workflow_id, u.person_id"
                + masks(week)
                + " FROM read_usage_day u WHERE u.workflow_id IN (" + ids.sql() + ") AND u.day >= ? AND u.day < ?"
                + " GROUP BY u.workflow_id, u.person_id) x"
                + " JOIN (" + membership(window, ids.sql(), byWave) + ") y"
                + " ON y.workflow_id = x.workflow_id AND y.person_id = x.person_id GROUP BY x.workflow_id"
                + (byWave ? ", y.audience_id" : "");
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
            found.put(byWave ? String.valueOf(rs.getLong("audience_id")) : rs.getString("workflow_id"), f);
        }, habitMinWeeks, first, first, first, first, ids, first, window.end(), membershipParams(window, ids));
        return found;
    }
}
