package io.uptake.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.uptake.schedule.ClusterNodes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Reports on {@code /health} which node answered and which nodes share the schedules, as Quartz's cluster table has
 * them: each peer's id, last check-in and whether Quartz still counts it alive. On SQLite it says the service runs as
 * one node. A peer list that cannot be read does not make the node unhealthy: the database indicator reports that.
 */
@Singleton
final class ClusterHealthIndicator implements HealthIndicator {

    private final ClusterNodes nodes;

    ClusterHealthIndicator(ClusterNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", nodes.nodeId());
        details.put("clustered", nodes.clustered());
        if (!nodes.clustered()) {
            details.put("mode", "single node (SQLite); use PostgreSQL to run several");
        } else {
            try {
                Instant now = Instant.now();
                List<Map<String, Object>> peers = nodes.peers().stream().map(peer -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("node", peer.nodeId());
                    one.put("lastCheckin", peer.lastCheckin().toString());
                    one.put("alive", peer.alive(now));
                    return one;
                }).toList();
                details.put("peers", peers);
                details.put("alive", peers.stream().filter(p -> Boolean.TRUE.equals(p.get("alive"))).count());
            } catch (IllegalStateException e) {
                details.put("peers", "unreadable: " + e.getCause().getClass().getSimpleName());
            }
        }
        return Publishers.just(HealthResult.builder("cluster", HealthStatus.UP).details(details).build());
    }
}
