package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads the latest measured outcome value of each workflow on or before a day (one row per workflow). */
final class OutcomeValueReads {

    /** A value the system of record measured on a day. */
    record Measured(LocalDate day, BigDecimal value) {
    }

    private OutcomeValueReads() {
    }

    static Map<String, Measured> latest(Connection c, Collection<String> workflowIds, LocalDate lastDay)
            throws SQLException {
        Map<String, Measured> latest = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return latest;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        Sql.query(c, "SELECT v.workflow_id, v.day, v.value FROM read_outcome_value v JOIN (SELECT workflow_id, "
                + "MAX(day) AS last_day FROM read_outcome_value WHERE workflow_id IN (" + ids.sql() + ") AND day <= ? "
                + "GROUP BY workflow_id) m ON m.workflow_id = v.workflow_id AND m.last_day = v.day",
                rs -> latest.put(rs.getString("workflow_id"), new Measured(Sql.date(rs, "day"),
                        Sql.decimal(rs, "value"))), ids, lastDay);
        return latest;
    }
}
