package io.uptake.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what the usage feature records of each source's deliveries ({@code read_usage_source}, migration V15), and
 * the newest day of telemetry posted for a workflow, which is what "data as of" means for posted files: one upload
 * may carry one workflow's export and not another's, so the {@code file} source's own newest day says nothing
 * about a given workflow.
 */
final class UsageSourceReads {

    /** One source's row of {@code read_usage_source}. */
    record SourceRow(String source, LocalDate deliveredThrough, Instant lastAttemptAt, Instant lastSuccessAt,
                     String lastError, boolean anonymised, int lastStored) {
    }

    private UsageSourceReads() {
    }

    /** Every source that ever delivered or was tried, by name, in name order. */
    static Map<String, SourceRow> read(Connection c) throws SQLException {
        Map<String, SourceRow> rows = new LinkedHashMap<>();
        Sql.query(c, "SELECT source, delivered_through, last_attempt_at, last_success_at, last_error, anonymised, "
                + "last_stored FROM read_usage_source ORDER BY source", rs -> {
                    String source = rs.getString("source");
                    rows.put(source, new SourceRow(source, date(rs, "delivered_through"),
                            instant(rs, "last_attempt_at"), instant(rs, "last_success_at"),
                            blankToNull(rs.getString("last_error")), rs.getBoolean("anonymised"),
                            rs.getInt("last_stored")));
                });
        return rows;
    }

    /** The newest day with telemetry for the workflow, or null without any (from the end of the V1 index). */
    static LocalDate telemetryThrough(Connection c, String workflowId) throws SQLException {
        LocalDate[] newest = new LocalDate[1];
        Sql.query(c, "SELECT MAX(day) AS newest FROM read_usage_day WHERE workflow_id = ? AND source = 'telemetry'",
                rs -> newest[0] = Sql.date(rs, "newest"), workflowId);
        return newest[0];
    }

    /** A date as either database gives it back: a date, or on SQLite a number or an ISO text, as it was written. */
    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw instanceof String text) {
            try {
                return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
            } catch (DateTimeParseException e) {
                throw new SQLException("read_usage_source." + column + " is not a date: " + text, e);
            }
        }
        return raw == null ? null : Sql.date(rs, column);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw instanceof String text) {
            try {
                return text.contains("T") ? Instant.parse(text) : Timestamp.valueOf(text).toInstant();
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new SQLException("read_usage_source." + column + " is not a time: " + text, e);
            }
        }
        return raw == null ? null : Sql.instant(rs, column);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
