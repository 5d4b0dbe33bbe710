package io.uptake.schedule;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.storage.DatabaseUrl;
import io.uptake.storage.NodeId;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Which node this is and which nodes share its schedules, as Quartz's clustered store records them.
 *
 * <p>On PostgreSQL every node runs Quartz on the same tables, and each checks in every
 * {@code uptake.scheduler.checkin-interval} by writing its row in {@code qrtz_scheduler_state}: that table is the
 * cluster's membership, read here rather than kept anywhere else. On SQLite the schedules live in this process only,
 * so there is one node and no peers. A node whose scheduler is off ({@code uptake.scheduler.enabled=false}) never
 * checks in, so it is not among the peers either, even its own.
 */
@Singleton
public class ClusterNodes {

    /** Quartz's allowance on top of the check-in interval before it takes a silent node for dead. */
    static final Duration QUARTZ_GRACE = Duration.ofMillis(7_500);

    /**
     * One node as Quartz last saw it.
     *
     * @param nodeId          its Quartz instance id ({@link NodeId})
     * @param lastCheckin     when it last told the others it was alive
     * @param checkinInterval how often it promised to
     */
    public record Peer(String nodeId, Instant lastCheckin, Duration checkinInterval) {

        /**
         * Whether Quartz still counts it alive at {@code now}; a stopped node stays listed until another node
         * notices, takes over what it had claimed and removes its row.
         */
        public boolean alive(Instant now) {
            return !now.isAfter(lastCheckin.plus(checkinInterval).plus(QUARTZ_GRACE));
        }
    }

    private final String nodeId;
    private final boolean clustered;
    private final DataSource dataSource;

    ClusterNodes(NodeId node, DataSource dataSource, @Value("${datasources.default.url:}") String databaseUrl) {
        this.nodeId = node.value();
        this.clustered = DatabaseUrl.of(databaseUrl).postgres();
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** This node's id ({@link NodeId}): Quartz's instance id, also shown on {@code /health}. */
    public String nodeId() {
        return nodeId;
    }

    /** True on PostgreSQL, where the nodes share one clustered job store; false on SQLite (one node only). */
    public boolean clustered() {
        return clustered;
    }

    /**
     * The nodes in Quartz's cluster table, this one included once its scheduler has started, sorted by id; empty on
     * SQLite, where there is no cluster.
     */
    public List<Peer> peers() {
        if (!clustered) {
            return List.of();
        }
        List<Peer> peers = new ArrayList<>();
        String sql = "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state "
                + "WHERE sched_name = ? ORDER BY instance_name";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, QuartzFactory.SCHEDULER_NAME);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    peers.add(new Peer(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                            Duration.ofMillis(rows.getLong(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Quartz's cluster table", e);
        }
        return List.copyOf(peers);
    }

    /**
     * The peers {@link Peer#alive alive} now. Quartz checks in by the wall clock, not by the application's
     * {@link java.time.Clock}, so that is the clock this reads too.
     */
    public List<Peer> livePeers() {
        Instant now = Instant.now();
        return peers().stream().filter(peer -> peer.alive(now)).toList();
    }

}
