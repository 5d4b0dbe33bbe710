package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of each workflow's audience at the end of every week of a window, so that a past week's WAU is
 * divided by the team of that week, as it was when that week was first reported, and a later sync or reload that
 * grows or shrinks the audience leaves it alone. A rollout wave counts from the ISO week of its go-live on; a person
 * in two live waves counts once.
 */
final class AudienceSizes {

    private AudienceSizes() {
    }

    /** Members at the end of each week of the window, oldest first, by workflow id; absent for no audience. */
    static Map<String, int[]> read(Connection c, List<String> workflowIds, Window window) throws SQLException {
        Map<String, int[]> sizes = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return sizes;
        }
        StringBuilder columns = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < window.weeks(); i++) {
            Instant end = window.monday(i).plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            columns.append(", COUNT(DISTINCT CASE WHEN (m.joined_at IS NULL OR m.joined_at < ?) AND (m.left_at IS NULL"
                    + " OR m.left_at >= ?) AND (a.go_live IS NULL OR a.go_live < ?) THEN m.person_id END) AS w")
                    .append(i);
            args.add(end);
            args.add(end);
            args.add(window.monday(i).plusWeeks(1));
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        args.add(ids);
        Sql.query(c, "SELECT a.workflow_id" + columns + " FROM read_audience a "
                + "LEFT JOIN read_membership m ON m.audience_id = a.id "
                + "WHERE a.workflow_id IN (" + ids.sql() + ") GROUP BY a.workflow_id", rs -> {
                    int[] weeks = new int[window.weeks()];
                    for (int i = 0; i < weeks.length; i++) {
                        weeks[i] = rs.getInt("w" + i);
                    }
                    sizes.put(rs.getString("workflow_id"), weeks);
                }, args.toArray());
        return sizes;
    }
}
