package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;

/**
 * How many distinct people used one AI tool, for its cost per active user and idle seats: telemetry use of any
 * workflow whose use comes from the tool, each use counted while the person was in that workflow's audience (as
 * weekly active use counts), and each person once however many of the tool's workflows they used.
 */
final class ToolReads {

    /** The tool's last 4 weeks in a {@link CohortReads#WEEKS}-week window: weeks 2–5. */
    private static final int LAST_FOUR = 0b111100;
    private static final int NOW = 0b100000;

    /**
     * @param activeWeek  distinct people with telemetry use in the scored week
     * @param activeFour  distinct people with telemetry use in the 4 weeks ending with it
     * @param firstTelemetry the first day any of the tool's workflows had telemetry, null without any
     */
    record ToolFacts(int activeWeek, int activeFour, LocalDate firstTelemetry) {
    }

    private ToolReads() {
    }

    static ToolFacts read(Connection c, Collection<String> workflowIds, LocalDate monday) throws SQLException {
        if (workflowIds.isEmpty()) {
            return new ToolFacts(0, 0, null);
        }
        Window window = new Window(monday, CohortReads.WEEKS);
        Sql.Fragment ids = Sql.in(workflowIds);
        String week = window.weekNumber(c, "u.day");
        int[] active = new int[2];
        Sql.query(c, "SELECT SUM(z.now_active) AS week_active, SUM(z.four_active) AS four_active FROM ("
                + "SELECT x.person_id, MAX(CASE WHEN (x.ta & y.mm & " + NOW + ") <> 0 THEN 1 ELSE 0 END) AS now_active"
                + ", MAX(CASE WHEN (x.ta & y.mm & " + LAST_FOUR + ") <> 0 THEN 1 ELSE 0 END) AS four_active FROM ("
                + "SELECT u.workflow_id, u.person_id"
                + ", SUM(DISTINCT CASE WHEN u.count > 0 THEN 1 << " + week + " ELSE 0 END) AS ta"
                + " FROM read_usage_day u WHERE u.workflow_id IN (" + ids.sql() + ") AND u.source = 'telemetry'"
                + " AND u.day >= ? AND u.day < ? GROUP BY u.workflow_id, u.person_id) x"
                + " JOIN (" + UsageReads.membership(window, ids.sql()) + ") y"
                + " ON y.workflow_id = x.workflow_id AND y.person_id = x.person_id GROUP BY x.person_id) z",
                rs -> {
                    active[0] = rs.getInt("week_active");
                    active[1] = rs.getInt("four_active");
                }, window.first(), ids, window.monday(2), window.end(), UsageReads.membershipParams(window, ids));
        LocalDate first = null;
        for (String id : workflowIds) {
            // One workflow at a time, as UsageReads does, so both databases answer MIN from the index.
            LocalDate[] day = new LocalDate[1];
            Sql.query(c, "SELECT MIN(day) AS first_day FROM read_usage_day WHERE workflow_id = ? "
                    + "AND source = 'telemetry'", rs -> day[0] = Sql.date(rs, "first_day"), id);
            if (day[0] != null && (first == null || day[0].isBefore(first))) {
                first = day[0];
            }
        }
        return new ToolFacts(active[0], active[1], first);
    }
}
