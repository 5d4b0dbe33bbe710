package io.uptake.digest.board;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The board summaries sent, one row per programme, quarter and recipient (table {@code board_summary_run}), and the
 * source of a measured outcome value (view {@code read_outcome_value}).
 */
@Singleton
class BoardRuns {

    private final DataSource dataSource;

    BoardRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The recipients (lower-case emails) who already have the programme's summary of the quarter. */
    @Transactional
    Set<String> served(String programmeId, String quarter) {
        Set<String> emails = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT email FROM board_summary_run WHERE programme_id = ? AND quarter = ?")) {
            ps.setString(1, programmeId);
            ps.setString(2, quarter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the board summaries sent", e);
        }
        return emails;
    }

    /** Claims the recipient's summary; false when an earlier run, or a racing one, already has it. */
    @Transactional
    boolean claim(String programmeId, String quarter, String email, String role, String token, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO board_summary_run (programme_id, quarter, "
                        + "email, role, chart_token, sent_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (programme_id, quarter, email) DO NOTHING")) {
            ps.setString(1, programmeId);
            ps.setString(2, quarter);
            ps.setString(3, email);
            ps.setString(4, role);
            ps.setString(5, token);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the board summary sent", e);
        }
    }

    /** The system of record a workflow's measured value of that day came from; null when it named none. */
    @ReadOnly
    String measuredSource(String workflowId, LocalDate day) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT source FROM read_outcome_value WHERE workflow_id = ? AND day = ?")) {
            ps.setString(1, workflowId);
            ps.setDate(2, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the source of a measured outcome value", e);
        }
    }
}
