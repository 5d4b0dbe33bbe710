package io.uptake.api;

import static io.uptake.api.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A restart with the programmes file emptied (a failed deploy, a truncated copy) keeps the catalogue the last
 * accepted file stored, and says so on {@code /health}, instead of retiring every programme.
 */
class StartupWithEmptiedCatalogTest {

    @Test
    void aRestartWithAnEmptiedFileKeepsTheStoredCatalogueAndSaysSo() throws Exception {
        ProgrammesFile file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS);
        Path database = Files.createTempFile("uptake-emptied", ".db");
        database.toFile().deleteOnExit();
        Map<String, Object> settings = Map.of("datasources.default.url", database.toString(),
                "uptake.catalog", file.path().toString(), "uptake.admin-token", AdminApiTest.TOKEN);
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, settings, "test")) {
            assertThat(programmes(first)).contains("claims-triage", "fraud-review");
        }
        file.write("");

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, settings, "test");
                HttpClient http = HttpClient.create(second.getURL())) {
            assertThat(programmes(second)).contains("claims-ai", "claims-triage", "fraud-review");
            Map<?, ?> workflow = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/workflows/fraud-review")),
                    Map.class);
            assertThat(workflow.get("retired")).isEqualTo(false);
            Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);
            assertThat(health.get("status")).isEqualTo("UP");
            assertThat(health.toString()).contains("state=held", "inForce=true",
                    "would retire all 1 programmes (claims-ai) and 2 of 2 workflows", "confirm-retire=true");
        }
    }

    private static String programmes(EmbeddedServer server) {
        try (HttpClient http = HttpClient.create(server.getURL())) {
            return http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/programmes")));
        }
    }
}
