package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the latest measured outcome value of each workflow, or of each programme's own outcome, on or before a day
 * (one row per workflow or programme).
 */
final class OutcomeValueReads {

    /** A value the system of record measured on a day. */
    record Measured(LocalDate day, BigDecimal value) {
    }

    private OutcomeValueReads() {
    }

    static Map<String, Measured> latest(Connection c, Collection<String> workflowIds, LocalDate lastDay)
            throws SQLException {
        return latest(c, "read_outcome_value", "workflow_id", workflowIds, lastDay);
    }

    /** The latest measured value of each programme's own outcome, by programme id. */
    static Map<String, Measured> latestOfProgrammes(Connection c, Collection<String> programmeIds, LocalDate lastDay)
            throws SQLException {
        return latest(c, "read_programme_outcome_value", "programme_id", programmeIds, lastDay);
    }

    /** @param view a read model with the columns {@code key}, {@code day} and {@code value} (fixed names, no input) */
    private static Map<String, Measured> latest(Connection c, String view, String key, Collection<String> keys,
                                                LocalDate lastDay) throws SQLException {
        Map<String, Measured> latest = new HashMap<>();
        if (keys.isEmpty()) {
            return latest;
        }
        Sql.Fragment ids = Sql.in(keys);
        Sql.query(c, "SELECT v." + key + ", v.day, v.value FROM " + view + " v JOIN (SELECT " + key + ", "
                + "MAX(day) AS last_day FROM " + view + " WHERE " + key + " IN (" + ids.sql() + ") AND day <= ? "
                + "GROUP BY " + key + ") m ON m." + key + " = v." + key + " AND m.last_day = v.day",
                rs -> latest.put(rs.getString(key), new Measured(Sql.date(rs, "day"),
                        Sql.decimal(rs, "value"))), ids, lastDay);
        return latest;
    }
}
