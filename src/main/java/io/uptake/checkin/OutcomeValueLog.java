package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A workflow's measured outcome values, newest first, for the dashboard to show beside the owner's check-ins. */
@Singleton
public class OutcomeValueLog {

    /** One measured value; {@code source} is the system of record it came from, null when not named. */
    public record Entry(LocalDate day, BigDecimal value, @Nullable String source) {
    }

    private final DataSource dataSource;

    OutcomeValueLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest {@code limit} values of the workflow. */
    @ReadOnly
    public List<Entry> latest(String workflowId, int limit) {
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT day, value, source FROM outcome_value "
                        + "WHERE workflow_id = ? ORDER BY day DESC LIMIT ?")) {
            ps.setString(1, workflowId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getDate("day").toLocalDate(), rs.getBigDecimal("value"),
                            rs.getString("source")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the measured outcome values of " + workflowId, e);
        }
        return entries;
    }
}
