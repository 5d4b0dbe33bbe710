package io.uptake.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What is waiting in the outbox and what went wrong, for the admin's outbox page: messages still to send, those that
 * failed and wait for another attempt, and the dead-lettered. Only what a message is and where it stands is read,
 * never its content: a pulse card or an answer's receipt may hold personal data.
 */
@Singleton
public class OutboxQueue {

    /** Which messages a list shows. */
    public enum Filter {
        /** Waiting for a first attempt. */
        PENDING("status = 'pending' AND attempts = 0"),
        /** Tried, failed, and waiting for another attempt. */
        FAILED("status = 'pending' AND attempts > 0"),
        /** Given up: retries used up, or refused by the platform. */
        DEAD("status = 'dead'");

        private final String where;

        Filter(String where) {
            this.where = where;
        }
    }

    /**
     * One message, without its content.
     *
     * @param toPerson whether it goes to a person's direct messages (else to a channel)
     * @param dueAt    when it may go out next
     */
    public record Queued(long id, String kind, String platform, boolean toPerson, int attempts,
                         @Nullable String lastError, Instant dueAt, Instant createdAt) {
    }

    /** The most messages one list shows; the count says how many there are in all. */
    public static final int LIMIT = 100;

    private final DataSource dataSource;

    OutboxQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many messages each list holds. */
    public Map<Filter, Long> counts() {
        Map<Filter, Long> counts = new EnumMap<>(Filter.class);
        try (Connection c = connection()) {
            for (Filter filter : Filter.values()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE " + filter.where);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(filter, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox", e);
        }
        return counts;
    }

    /** The first {@link #LIMIT} messages of a list: those due first, and the newest dead. */
    public List<Queued> list(Filter filter) {
        String order = filter == Filter.DEAD ? "id DESC" : "not_before, id";
        List<Queued> queued = new ArrayList<>();
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("SELECT id, kind, platform, person_id, attempts, last_error,"
                        + " not_before, created_at FROM outbox WHERE " + filter.where + " ORDER BY " + order
                        + " LIMIT " + LIMIT);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getLong("person_id");
                boolean toPerson = !rs.wasNull();
                queued.add(new Queued(rs.getLong("id"), rs.getString("kind"), rs.getString("platform"), toPerson,
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("not_before")),
                        instant(rs.getTimestamp("created_at"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the outbox", e);
        }
        return queued;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }
}
