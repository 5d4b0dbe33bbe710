package io.uptake.schedule;

import static io.uptake.time.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.storage.MigrationsTest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each node's view of the cluster is in {@code GET /prometheus}: its id, and the peers it sees alive. */
class ClusterMetersTest {

    @Test
    void onPostgresANodeReportsItselfClusteredAndAlive() throws Exception {
        String schema = "uptake_cluster_meters_" + Long.toHexString(System.nanoTime());
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try {
                Map<String, Object> settings = new HashMap<>();
                settings.put("datasources.default.url", MigrationsTest.PG_URL + "?currentSchema=" + schema);
                settings.put("datasources.default.username", MigrationsTest.PG_USER);
                settings.put("uptake.scheduler.enabled", true);
                settings.put("uptake.node-id", "metrics-node");
                settings.put("uptake.scheduler.checkin-interval", "1s");
                settings.put("uptake.test.clock-start", Instant.now().toString());
                try (EmbeddedServer node = ApplicationContext.run(EmbeddedServer.class, settings, "test");
                        HttpClient http = HttpClient.create(node.getURL())) {
                    ClusterNodes nodes = node.getApplicationContext().getBean(ClusterNodes.class);
                    assertThat(eventually(Duration.ofSeconds(20), () -> nodes.livePeers().size() == 1)).isTrue();

                    String scrape = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);

                    String label = "node=\"metrics-node\"";
                    assertThat(scrape)
                            .containsPattern("uptake_cluster_node_info\\{clustered=\"true\"," + label + "} 1")
                            .containsPattern("uptake_cluster_peers\\{" + label + ",state=\"alive\"} 1(\\.0)?\\n")
                            .containsPattern("uptake_cluster_peers\\{" + label + ",state=\"silent\"} 0(\\.0)?\\n");
                }
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void onSqliteANodeReportsItselfAloneAndSeesNoCluster() {
        try (EmbeddedServer node = ApplicationContext.run(EmbeddedServer.class,
                Map.of("uptake.node-id", "lone-node"), "test");
                HttpClient http = HttpClient.create(node.getURL())) {
            String scrape = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);

            assertThat(scrape)
                    .containsPattern("uptake_cluster_node_info\\{clustered=\"false\",node=\"lone-node\"} 1")
                    .containsPattern("uptake_cluster_peers\\{node=\"lone-node\",state=\"alive\"} 0(\\.0)?\\n");
        }
    }

}
