package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Who of each workflow's audience never started and who did not use it in the scored week, counted in the database
 * over the people in the audience at the end of that week, as tried-and-stopped counts them.
 */
final class DriftReads {

    /**
     * @param atEnd       audience members at the end of the scored week
     * @param never       of them, those with no use (a day counted above 0, from either source) on record up to its end
     * @param idleTelemetry of them, those with no telemetry use in the week
     * @param idleSelf    of them, those who reported no use in the week
     * @param anyUsage    whether any usage at all (either source, anyone) was recorded for the workflow by then
     */
    record Facts(int atEnd, int never, int idleTelemetry, int idleSelf, boolean anyUsage) {

        static final Facts NONE = new Facts(0, 0, 0, 0, false);
    }

    private DriftReads() {
    }

    static Map<String, Facts> read(Connection c, Collection<String> workflowIds, LocalDate monday)
            throws SQLException {
        Map<String, Facts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Window week = new Window(monday, 1);
        Sql.Fragment ids = Sql.in(workflowIds);
        Map<String, int[]> counts = new HashMap<>();
        Sql.query(c, "SELECT y.workflow_id, SUM(y.at_end) AS at_end"
                + ", SUM(CASE WHEN y.at_end = 1 AND x.person_id IS NULL THEN 1 ELSE 0 END) AS never"
                + ", SUM(CASE WHEN y.at_end = 1 AND COALESCE(x.t_now, 0) = 0 THEN 1 ELSE 0 END) AS idle_t"
                + ", SUM(CASE WHEN y.at_end = 1 AND COALESCE(x.s_now, 0) = 0 THEN 1 ELSE 0 END) AS idle_s"
                + " FROM (" + UsageReads.membership(week, ids.sql()) + ") y"
                + " LEFT JOIN (SELECT u.workflow_id, u.person_id"
                + ", MAX(CASE WHEN u.source = 'telemetry' AND u.day >= ? THEN 1 ELSE 0 END) AS t_now"
                + ", MAX(CASE WHEN u.source = 'self_report' AND u.day >= ? THEN 1 ELSE 0 END) AS s_now"
                + " FROM read_usage_day u WHERE u.workflow_id IN (" + ids.sql() + ") AND u.count > 0 AND u.day < ?"
                + " GROUP BY u.workflow_id, u.person_id) x"
                + " ON x.workflow_id = y.workflow_id AND x.person_id = y.person_id GROUP BY y.workflow_id",
                rs -> counts.put(rs.getString("workflow_id"), new int[] {rs.getInt("at_end"), rs.getInt("never"),
                        rs.getInt("idle_t"), rs.getInt("idle_s")}),
                UsageReads.membershipParams(week, ids), monday, monday, ids, week.end());
        for (String id : workflowIds) {
            // One workflow at a time, so both databases answer MIN from the end of the index.
            LocalDate[] first = new LocalDate[1];
            Sql.query(c, "SELECT MIN(day) AS first_day FROM read_usage_day WHERE workflow_id = ?",
                    rs -> first[0] = Sql.date(rs, "first_day"), id);
            int[] r = counts.getOrDefault(id, new int[4]);
            facts.put(id, new Facts(r[0], r[1], r[2], r[3], first[0] != null && first[0].isBefore(week.end())));
        }
        return facts;
    }
}
