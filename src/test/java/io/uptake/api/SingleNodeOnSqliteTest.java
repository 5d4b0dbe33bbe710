package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.schedule.ClusterNodes;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On SQLite the service runs as one node, with Quartz in memory, and {@code /health} says so. */
@MicronautTest(transactional = false)
class SingleNodeOnSqliteTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ClusterNodes nodes;

    @Test
    void healthSaysSingleNodeAndNamesIt() {
        Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);
        Map<?, ?> cluster = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("cluster");
        Map<?, ?> details = (Map<?, ?>) cluster.get("details");

        assertThat(details.get("clustered")).isEqualTo(false);
        assertThat(details.get("node")).isEqualTo(nodes.nodeId());
        assertThat((String) details.get("mode")).contains("single node", "PostgreSQL");
        assertThat(nodes.peers()).isEmpty();
    }
}
