package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.storage.MigrationsTest;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database: usage sent through node 1 changes the scorecard node 2 serves at once,
 * although node 2 had the week's scorecard cached from before.
 */
class ScorecardAcrossNodesTest {

    static final String TOKEN = "across-nodes-token";
    static final String WEEK = "2026-W46";
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");
    static final List<String> AUDIENCE = List.of("d1@example.com", "d2@example.com", "d3@example.com",
            "d4@example.com", "d5@example.com", "d6@example.com");

    final ProgrammesFile file = ProgrammesFile.create("""
            programmes:
              - id: legal-ai
                sponsor: gc@example.com
                workflows:
                  - id: review
                    owner: lee@example.com
                    audience: { emails: [d1@example.com, d2@example.com, d3@example.com, d4@example.com,
                                         d5@example.com, d6@example.com] }
            """);
    final List<AutoCloseable> opened = new ArrayList<>();

    @Test
    void usageSentThroughOneNodeIsInTheScorecardTheOtherNodeServesNext() throws Exception {
        String schema = "uptake_across_nodes_" + Long.toHexString(System.nanoTime());
        Connection admin = MigrationsTest.postgresOrSkip();
        admin.createStatement().execute("CREATE SCHEMA " + schema);
        opened.add(() -> {
            try (admin) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
        HttpClient node1 = node(schema);
        HttpClient node2 = node(schema);

        post(node1, "first", AUDIENCE.subList(0, 3));
        assertThat(wauPercent(node2)).isEqualTo(percent(3));

        post(node1, "second", AUDIENCE.subList(3, 5));

        assertThat(wauPercent(node2)).isEqualTo(percent(5));
        assertThat(wauPercent(node1)).isEqualTo(percent(5));
    }

    /** Weekly active use of the six-person audience as the scorecard rounds it: one decimal of a percentage. */
    private static double percent(int active) {
        return Math.round(active * 1000.0 / AUDIENCE.size()) / 10.0;
    }

    private HttpClient node(String schema) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", MigrationsTest.PG_URL + "?currentSchema=" + schema,
                "datasources.default.username", MigrationsTest.PG_USER,
                "uptake.admin-token", TOKEN,
                "uptake.catalog", file.path().toString()), "test");
        opened.add(0, server.getApplicationContext());
        HttpClient client = HttpClient.create(server.getURL());
        opened.add(0, client);
        return client;
    }

    private static void post(HttpClient node, String batch, List<String> emails) {
        List<String> rows = emails.stream().map(email -> "{\"workflow\": \"review\", \"email\": \"" + email
                + "\", \"day\": \"" + MONDAY.plusDays(2) + "\", \"count\": 1}").toList();
        String body = "{\"batch\": \"" + batch + "\", \"events\": [" + String.join(",", rows) + "]}";
        Map<?, ?> answer = node.toBlocking().retrieve(HttpRequest.POST("/api/v1/usage-events", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), Map.class);
        assertThat(answer.get("accepted")).isEqualTo(emails.size());
    }

    private static double wauPercent(HttpClient node) {
        Map<?, ?> card = node.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=" + WEEK)
                .bearerAuth(TOKEN), Map.class);
        Map<?, ?> workflow = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) card.get("programmes")).get(0))
                .get("workflows")).get(0);
        Map<?, ?> wau = (Map<?, ?>) workflow.get("wauPercent");
        assertThat(wau.get("state")).isEqualTo("SHOWN");
        return ((Number) wau.get("value")).doubleValue();
    }

    @AfterEach
    void closeNodesThenDropSchema() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        opened.clear();
    }
}
