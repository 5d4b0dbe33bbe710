package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many people of each workflow's audience used it on how many days of the scored week, and who tried it and
 * stopped, counted in the database in one pass over six weeks of usage events: the scored week (index 5 of the
 * window), the week before it, and the four before those.
 *
 * <p>Membership follows {@link UsageReads}: a week's cohorts count the people in the audience at some moment of
 * that week, as weekly active use does; tried-and-stopped counts the people still in it at the end of the scored
 * week, as the habit does. Both sources are counted; the scorer picks the one weekly active use picks.
 */
final class CohortReads {

    /** Weeks read: the scored week, the one before it, and the 4 weeks before those. */
    static final int WEEKS = 6;
    /** Bit mask of the 4 weeks before the last 2 (window weeks 0–3). */
    private static final int EARLIER = 0b001111;
    /** Bit mask of the last 2 weeks (window weeks 4–5). */
    private static final int LAST_TWO = 0b110000;
    private static final int NOW = WEEKS - 1;

    /**
     * People counts of one workflow.
     *
     * @param members          audience members during the scored week
     * @param atEnd            audience members at the end of the scored week
     * @param telemetry        members by telemetry days of use in the week: none, light, moderate, heavy
     * @param passive          members with telemetry in the week on no day counted above 0
     * @param zeroRows         members with a telemetry day counted 0 in the week: the source tells presence apart
     * @param telemetryStopped members at the end with telemetry use in weeks 0–3 and none in weeks 4–5
     * @param self             members who reported in the week, by the days their answer stands for
     * @param selfStopped      members at the end who reported use in weeks 0–3 and only "never" in weeks 4–5
     * @param selfRecent       members at the end who reported at all in weeks 4–5
     */
    record CohortFacts(int members, int atEnd, int[] telemetry, int passive, int zeroRows, int telemetryStopped,
                       int[] self, int selfStopped, int selfRecent) {

        static final CohortFacts NONE = new CohortFacts(0, 0, new int[4], 0, 0, 0, new int[4], 0, 0);
    }

    private CohortReads() {
    }

    static Map<String, CohortFacts> read(Connection c, Collection<String> workflowIds, LocalDate monday,
                                         CohortSettings days) throws SQLException {
        Map<String, CohortFacts> facts = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return facts;
        }
        Window window = new Window(monday, WEEKS);
        Sql.Fragment ids = Sql.in(workflowIds);
        String week = window.weekNumber(c, "u.day");
        int light = days.lightMaxDays();
        int moderate = days.moderateMaxDays();
        String member = "((y.mm >> " + NOW + ") & 1) = 1";
        String sql = "SELECT x.workflow_id"
                + cohort("t", "x.td", member, light, moderate)
                + cohort("s", "x.sr", member + " AND ((x.sp >> " + NOW + ") & 1) = 1", light, moderate)
                + ", SUM(CASE WHEN " + member + " AND ((x.tp >> " + NOW + ") & 1) = 1 AND ((x.ta >> " + NOW
                + ") & 1) = 0 THEN 1 ELSE 0 END) AS t_passive"
                + ", SUM(CASE WHEN " + member + " AND ((x.tz >> " + NOW + ") & 1) = 1 THEN 1 ELSE 0 END) AS t_zero"
                + ", SUM(CASE WHEN y.at_end = 1 AND (x.ta & " + EARLIER + ") <> 0 AND (x.ta & " + LAST_TWO
                + ") = 0 THEN 1 ELSE 0 END) AS t_stopped"
                + ", SUM(CASE WHEN y.at_end = 1 AND (x.sa & " + EARLIER + ") <> 0 AND (x.sa & " + LAST_TWO
                + ") = 0 AND (x.sp & " + LAST_TWO + ") <> 0 THEN 1 ELSE 0 END) AS s_stopped"
                + ", SUM(CASE WHEN y.at_end = 1 AND (x.sp & " + LAST_TWO + ") <> 0 THEN 1 ELSE 0 END) AS s_recent"
                + " FROM (SELECT u.workflow_id, u.person_id" + UsageReads.masks(week)
                + ", SUM(DISTINCT CASE WHEN u.source = 'telemetry' AND u.count = 0 THEN 1 << " + week
                + " ELSE 0 END) AS tz"
                + ", COUNT(DISTINCT CASE WHEN u.source = 'telemetry' AND u.count > 0 AND u.day >= ? THEN u.day END)"
                + " AS td"
                + ", MAX(CASE WHEN u.source = 'self_report' AND u.day >= ? THEN u.count END) AS sr"
                + " FROM read_usage_day u WHERE u.workflow_id IN (" + ids.sql() + ") AND u.day >= ? AND u.day < ?"
                + " GROUP BY u.workflow_id, u.person_id) x"
                + " JOIN (" + UsageReads.membership(window, ids.sql()) + ") y"
                + " ON y.workflow_id = x.workflow_id AND y.person_id = x.person_id GROUP BY x.workflow_id";
        LocalDate first = window.first();
        Map<String, int[]> counts = new HashMap<>();
        Sql.query(c, sql, rs -> {
            int[] row = new int[13];
            String[] columns = {"t_light", "t_moderate", "t_heavy", "s_light", "s_moderate", "s_heavy", "s_none",
                "t_passive", "t_zero", "t_stopped", "s_stopped", "s_recent"};
            for (int i = 0; i < columns.length; i++) {
                row[i] = rs.getInt(columns[i]);
            }
            counts.put(rs.getString("workflow_id"), row);
        }, first, first, first, first, first, monday, monday, ids, first, window.end(),
                UsageReads.membershipParams(window, ids));
        Map<String, int[]> members = new HashMap<>();
        Sql.query(c, "SELECT y.workflow_id, SUM((y.mm >> " + NOW + ") & 1) AS members, SUM(y.at_end) AS at_end"
                + " FROM (" + UsageReads.membership(window, ids.sql()) + ") y GROUP BY y.workflow_id",
                rs -> members.put(rs.getString("workflow_id"), new int[] {rs.getInt("members"), rs.getInt("at_end")}),
                UsageReads.membershipParams(window, ids));
        for (String id : workflowIds) {
            int[] m = members.getOrDefault(id, new int[2]);
            int[] r = counts.getOrDefault(id, new int[13]);
            int[] telemetry = {m[0] - r[0] - r[1] - r[2], r[0], r[1], r[2]};
            int[] self = {r[6], r[3], r[4], r[5]};
            facts.put(id, new CohortFacts(m[0], m[1], telemetry, r[7], r[8], r[9], self, r[10], r[11]));
        }
        return facts;
    }

    /**
     * Select items counting the members by {@code days} (null when they have no row of that kind in the week):
     * {@code p_light}, {@code p_moderate}, {@code p_heavy} and {@code p_none} (0 days).
     */
    private static String cohort(String prefix, String days, String who, int light, int moderate) {
        return ", SUM(CASE WHEN " + who + " AND " + days + " >= 1 AND " + days + " <= " + light
                + " THEN 1 ELSE 0 END) AS " + prefix + "_light"
                + ", SUM(CASE WHEN " + who + " AND " + days + " > " + light + " AND " + days + " <= " + moderate
                + " THEN 1 ELSE 0 END) AS " + prefix + "_moderate"
                + ", SUM(CASE WHEN " + who + " AND " + days + " > " + moderate + " THEN 1 ELSE 0 END) AS "
                + prefix + "_heavy"
                + ", SUM(CASE WHEN " + who + " AND " + days + " = 0 THEN 1 ELSE 0 END) AS " + prefix + "_none";
    }
}
