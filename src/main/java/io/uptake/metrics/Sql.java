package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers for the scorecard's aggregate queries, which run unchanged on SQLite and PostgreSQL. */
final class Sql {

    /** A piece of SQL with its parameters in order. */
    record Fragment(String sql, List<Object> params) {
    }

    /** Reads one row of a result. */
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static Fragment in(Collection<?> values) {
        return new Fragment(String.join(",", Collections.nCopies(Math.max(1, values.size()), "?")),
                values.isEmpty() ? List.of("") : new ArrayList<>(values));
    }

    /** Runs {@code sql}; each argument is a parameter or a {@link Fragment} whose parameters come in its place. */
    static void query(Connection c, String sql, RowReader reader, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object arg : args) {
                if (arg instanceof Fragment f) {
                    for (Object p : f.params()) {
                        bind(ps, i++, p);
                    }
                } else {
                    bind(ps, i++, arg);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, Object p) throws SQLException {
        // Dates go in as java.sql.Date, the way the repositories write them, so comparisons match on both databases.
        if (p instanceof LocalDate d) {
            ps.setDate(i, Date.valueOf(d));
        } else if (p instanceof Instant t) {
            ps.setTimestamp(i, java.sql.Timestamp.from(t));
        } else if (p instanceof Long n) {
            ps.setLong(i, n);
        } else if (p instanceof Integer n) {
            ps.setInt(i, n);
        } else {
            ps.setString(i, (String) p);
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }
}
