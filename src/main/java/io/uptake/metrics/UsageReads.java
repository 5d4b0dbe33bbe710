package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Weekly use of each workflow by its audience, aggregated in the database: distinct active people per week and
 * source, and how many people used it in enough weeks of the window to call it a habit.
 */
final class UsageReads {

    /**
     * @param telemetryActive  people with telemetry use, per week of the window
     * @param telemetryPresent whether any telemetry arrived for the week (then it wins over self-report)
     * @param selfActive       people who reported at least one use, per week
     * @param selfReporters    people who reported at all (also "never"), per week
     * @param habitual         people active in at least the habit's weeks of the window
     * @param firstDay         the first day any use was recorded for the workflow, null without any
     */
    record UsageFacts(int[] telemetryActive, boolean[] telemetryPresent, int[] selfActive, int[] selfReporters,
                      int habitual, boolean habitFromTelemetry, LocalDate firstDay) {
    }

    private UsageReads() {
    }

    static Map<String, UsageFacts> read(Connection c, Collection<String> workflowIds, Window window, int habitMinWeeks)
            throws SQLException {
        Map<String, UsageFacts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        for (String id : workflowIds) {
            facts.put(id, new UsageFacts(new int[window.weeks()], new boolean[window.weeks()],
                    new int[window.weeks()], new int[window.weeks()], 0, false, null));
        }
        Sql.Fragment week = window.bucket("u.day", false);
        String members = " FROM usage_event u JOIN audience a ON a.workflow_id = u.workflow_id "
                + "JOIN audience_member m ON m.audience_id = a.id AND m.person_id = u.person_id "
                + "WHERE u.workflow_id IN (" + ids.sql() + ") AND u.day >= ? AND u.day < ?";
        Sql.query(c, "SELECT u.workflow_id, u.source, " + week.sql() + " AS wk, COUNT(DISTINCT u.person_id) AS people, "
                + "COUNT(DISTINCT CASE WHEN u.count > 0 THEN u.person_id END) AS active" + members
                + " GROUP BY 1, 2, 3", rs -> {
                    UsageFacts f = facts.get(rs.getString("workflow_id"));
                    int wk = rs.getInt("wk");
                    if ("telemetry".equals(rs.getString("source"))) {
                        f.telemetryActive()[wk] = rs.getInt("active");
                        f.telemetryPresent()[wk] = true;
                    } else {
                        f.selfActive()[wk] = rs.getInt("active");
                        f.selfReporters()[wk] = rs.getInt("people");
                    }
                }, week, ids, window.first(), window.end());
        Map<String, int[]> habit = new HashMap<>();
        Sql.query(c, "SELECT h.workflow_id, COUNT(*) AS people, MAX(h.telemetry) AS telemetry FROM ("
                + "SELECT u.workflow_id, u.person_id, COUNT(DISTINCT " + week.sql() + ") AS weeks, "
                + "MAX(CASE WHEN u.source = 'telemetry' THEN 1 ELSE 0 END) AS telemetry" + members
                + " AND u.count > 0 GROUP BY u.workflow_id, u.person_id) h WHERE h.weeks >= ? GROUP BY h.workflow_id",
                rs -> habit.put(rs.getString("workflow_id"), new int[] {rs.getInt("people"), rs.getInt("telemetry")}),
                week, ids, window.first(), window.end(), habitMinWeeks);
        Map<String, LocalDate> first = new HashMap<>();
        for (String id : workflowIds) {
            // One workflow at a time, so both databases answer MIN from the end of the index instead of a range scan.
            Sql.query(c, "SELECT MIN(day) AS first_day FROM usage_event WHERE workflow_id = ?",
                    rs -> first.put(id, Sql.date(rs, "first_day")), id);
        }
        facts.replaceAll((id, f) -> {
            int[] h = habit.getOrDefault(id, new int[] {0, 0});
            return new UsageFacts(f.telemetryActive(), f.telemetryPresent(), f.selfActive(), f.selfReporters(),
                    h[0], h[1] == 1, first.get(id));
        });
        return facts;
    }
}
