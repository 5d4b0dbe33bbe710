package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.metrics.Anonymity;
import io.uptake.metrics.Figure;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rounds of the pulses, newest first, for the admin's pulses page: when each opened and closed, how many
 * questions went out, how many reminders, and the response rate thresholded as the digest does (a round sent to
 * fewer people than the anonymity threshold shows neither its rate nor how many answered).
 */
@Singleton
public class PulseRounds {

    /**
     * One round.
     *
     * @param delivered questions sent (skipped people are not counted)
     * @param answered  how many answered; null when the response rate is suppressed
     * @param response  answered ÷ delivered, in percent, thresholded on delivered
     */
    public record Round(long id, String pulseId, String period, String mode, Instant openedAt, Instant closesAt,
                        @Nullable Instant closedAt, int delivered, @Nullable Integer answered, Figure response,
                        int remindersSent) {
    }

    /** The most rounds the page shows. */
    public static final int LIMIT = 200;

    private final DataSource dataSource;
    private final Anonymity anonymity;

    PulseRounds(DataSource dataSource, Anonymity anonymity) {
        this.dataSource = dataSource;
        this.anonymity = anonymity;
    }

    /** The newest {@link #LIMIT} rounds of all pulses. */
    public List<Round> newest() {
        List<Round> rounds = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT r.id, r.pulse_id, r.period, r.mode, r.opened_at,"
                        + " r.closes_at, r.closed_at,"
                        + " SUM(CASE WHEN d.sent_at IS NOT NULL THEN 1 ELSE 0 END) AS delivered,"
                        + " SUM(CASE WHEN d.sent_at IS NOT NULL AND d.answered THEN 1 ELSE 0 END) AS answered,"
                        + " SUM(COALESCE(d.reminders_sent, 0)) AS reminders"
                        + " FROM pulse_round r LEFT JOIN delivery d ON d.round_id = r.id"
                        + " GROUP BY r.id, r.pulse_id, r.period, r.mode, r.opened_at, r.closes_at, r.closed_at"
                        + " ORDER BY r.opened_at DESC, r.id DESC LIMIT " + LIMIT);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int delivered = rs.getInt("delivered");
                int answered = rs.getInt("answered");
                Figure response = delivered == 0 ? Figure.noData(Figure.Source.PULSE)
                        : anonymity.score(100.0 * answered / delivered, delivered, Figure.Source.PULSE);
                rounds.add(new Round(rs.getLong("id"), rs.getString("pulse_id"), rs.getString("period"),
                        rs.getString("mode"), instant(rs.getTimestamp("opened_at")),
                        instant(rs.getTimestamp("closes_at")), instant(rs.getTimestamp("closed_at")), delivered,
                        response.isShown() ? answered : null, response, rs.getInt("reminders")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the pulse rounds", e);
        }
        return rounds;
    }

    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
