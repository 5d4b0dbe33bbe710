package io.uptake.schedule;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * This node's view of the cluster for {@code GET /prometheus}: {@code uptake_cluster_node_info} names the node (and
 * whether it is clustered) with the value 1, and {@code uptake_cluster_peers} counts the nodes in Quartz's cluster
 * table that it sees alive and silent, this one included once its scheduler checks in. Every node reports its own,
 * so a node that sees fewer peers than the others (or is missing from the scrape) stands out.
 *
 * <p>The cluster table is read at most once a second however many gauges or scrapes ask.
 */
@Singleton
final class ClusterMeters {

    static final String INFO = "uptake.cluster.node.info";
    static final String PEERS = "uptake.cluster.peers";
    private static final String SEEN = "Nodes in the scheduler's cluster as this node sees them";
    private static final Duration KEPT = Duration.ofSeconds(1);

    private record Seen(long atNanos, long alive, long silent) {
    }

    private final MeterRegistry registry;
    private final ClusterNodes nodes;
    private Seen last;

    ClusterMeters(MeterRegistry registry, ClusterNodes nodes) {
        this.registry = registry;
        this.nodes = nodes;
    }

    /**
     * Registered once the context has started, not as the registry is made: ClusterNodes reads the data source,
     * whose pool reports to that registry.
     */
    @EventListener
    void register(StartupEvent started) {
        Gauge.builder(INFO, () -> 1).description("This node, and whether it shares a clustered scheduler")
                .tag("node", nodes.nodeId()).tag("clustered", Boolean.toString(nodes.clustered()))
                .register(registry);
        Gauge.builder(PEERS, () -> seen().alive()).description(SEEN)
                .tag("node", nodes.nodeId()).tag("state", "alive").strongReference(true).register(registry);
        Gauge.builder(PEERS, () -> seen().silent()).description(SEEN)
                .tag("node", nodes.nodeId()).tag("state", "silent").strongReference(true).register(registry);
    }

    private synchronized Seen seen() {
        long now = System.nanoTime();
        if (last == null || now - last.atNanos() >= KEPT.toNanos()) {
            // Quartz checks in by the wall clock, so that is the clock a peer's liveness is judged by.
            Instant wall = Instant.now();
            List<ClusterNodes.Peer> peers = nodes.peers();
            long alive = peers.stream().filter(peer -> peer.alive(wall)).count();
            last = new Seen(now, alive, peers.size() - alive);
        }
        return last;
    }
}
