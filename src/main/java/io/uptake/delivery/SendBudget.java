package io.uptake.delivery;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Keeps each lane's pacing in the database, so that every node sharing it draws on one budget per tenant.
 *
 * <p>A slot ledger, not a per-tenant lease. A lease would let one node at a time send to a tenant: no
 * round trip per send, but a tenant's sends then go through one node at a time, a lease holder that dies stalls
 * its tenants until the lease lapses, and leases must be balanced across nodes by hand. With a ledger any node sends
 * to any tenant; each send takes the lane's next slot in one short transaction: the row is locked (an UPDATE that
 * changes nothing and returns it: a row lock on PostgreSQL, where SQLite's immediate transactions already hold the
 * database's write lock), {@link PaceRule} computes the slot, and the row is written back. The cost is one such
 * transaction per send, and a read of the row by its key after a send waited for its slot (to see a pause another
 * node recorded meanwhile), against Slack's cap of about ten sends a second per workspace; slots are therefore
 * reserved one at a time (reserving a few at once would pay off only at rates a platform does not allow one tenant,
 * and the adaptive benchmark reached its caps without it). Lanes are rows of their own, so tenants never wait for
 * each other's locks.
 */
@Singleton
class SendBudget {

    /**
     * One lane's row.
     *
     * @param lane {@code post} or {@code update} on Slack, {@code send} on Teams
     */
    record Lane(Platform platform, String tenantId, String lane) {
    }

    private static final String COLUMNS = "next_slot, rate, paused_until, limited_at, sent_since";

    private final DataSource dataSource;

    SendBudget(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lane's next slot at {@code now}, by the lane's rule, and returns when it is. */
    @Transactional
    Instant reserve(Lane lane, PaceRule rule, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        PaceRule.Reservation[] reservation = new PaceRule.Reservation[1];
        change(lane, rule, at, budget -> {
            reservation[0] = rule.reserve(budget, at);
            return reservation[0].after();
        });
        return reservation[0].slot();
    }

    /** Records a 429 seen at {@code now}: the lane pauses for {@code retryAfter} and its rate drops. */
    @Transactional
    void limited(Lane lane, PaceRule rule, Instant now, Duration retryAfter) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        change(lane, rule, at, budget -> rule.limited(budget, at, retryAfter.truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The lane as it stands, if anything was ever sent on it. */
    @ReadOnly
    Optional<LaneBudget> find(Lane lane) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = keyed(c, "SELECT " + COLUMNS + " FROM send_budget"
                        + " WHERE platform = ? AND tenant_id = ? AND lane = ?", lane, 1)) {
            return read(select);
        } catch (SQLException e) {
            throw new DataAccessException("Could not read the send budget of " + lane, e);
        }
    }

    private void change(Lane lane, PaceRule rule, Instant now, UnaryOperator<LaneBudget> change) {
        try (Connection c = dataSource.getConnection()) {
            Optional<LaneBudget> current = lock(c, lane);
            if (current.isEmpty()) {
                create(c, lane, rule.fresh(now));
                current = lock(c, lane);
            }
            write(c, lane, change.apply(current.orElseThrow()));
        } catch (SQLException e) {
            throw new DataAccessException("Could not update the send budget of " + lane, e);
        }
    }

    /** Reads the lane's row and holds it until the transaction ends. */
    private static Optional<LaneBudget> lock(Connection c, Lane lane) throws SQLException {
        try (PreparedStatement update = keyed(c, "UPDATE send_budget SET sent_since = sent_since"
                + " WHERE platform = ? AND tenant_id = ? AND lane = ? RETURNING " + COLUMNS, lane, 1)) {
            return read(update);
        }
    }

    /** Adds the lane's row; if another node just added it, that row stands. */
    private static void create(Connection c, Lane lane, LaneBudget fresh) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO send_budget (platform, tenant_id, lane, "
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, tenant_id, lane) DO NOTHING")) {
            insert.setString(1, lane.platform().code());
            insert.setString(2, lane.tenantId());
            insert.setString(3, lane.lane());
            bind(insert, 4, fresh);
            insert.executeUpdate();
        }
    }

    private static void write(Connection c, Lane lane, LaneBudget budget) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE send_budget SET next_slot = ?, rate = ?,"
                + " paused_until = ?, limited_at = ?, sent_since = ?"
                + " WHERE platform = ? AND tenant_id = ? AND lane = ?")) {
            bind(update, 1, budget);
            update.setString(6, lane.platform().code());
            update.setString(7, lane.tenantId());
            update.setString(8, lane.lane());
            update.executeUpdate();
        }
    }

    private static PreparedStatement keyed(Connection c, String sql, Lane lane, int first) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setString(first, lane.platform().code());
        statement.setString(first + 1, lane.tenantId());
        statement.setString(first + 2, lane.lane());
        return statement;
    }

    private static void bind(PreparedStatement statement, int first, LaneBudget budget) throws SQLException {
        statement.setLong(first, micros(budget.nextSlot()));
        statement.setDouble(first + 1, budget.rate());
        statement.setLong(first + 2, micros(budget.pausedUntil()));
        if (budget.limitedAt() == null) {
            statement.setNull(first + 3, Types.BIGINT);
        } else {
            statement.setLong(first + 3, micros(budget.limitedAt()));
        }
        statement.setLong(first + 4, budget.sentSince());
    }

    private static Optional<LaneBudget> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long limitedAt = rs.getLong(4);
            Instant limited = rs.wasNull() ? null : instant(limitedAt);
            return Optional.of(new LaneBudget(instant(rs.getLong(1)), rs.getDouble(2), instant(rs.getLong(3)),
                    limited, rs.getLong(5)));
        }
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }
}
