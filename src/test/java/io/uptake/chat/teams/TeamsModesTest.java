package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the endpoint behaves without an app id: off, insecure for local use, or refused next to an app id. */
class TeamsModesTest {

    final FakeBotConnector connector = FakeBotConnector.get();

    @Test
    void theInsecureFlagNextToAnAppIdStopsStartup() {
        Map<String, Object> properties = Map.of("uptake.teams.app-id", TeamsTestContext.APP_ID,
                "uptake.teams.app-password", "secret", "uptake.teams.insecure-local", "true");

        assertThatThrownBy(() -> ApplicationContext.run(properties, "test").close())
                .hasStackTraceContaining("UPTAKE_TEAMS_INSECURE_LOCAL=true is refused while MICROSOFT_APP_ID is set");
    }

    @Test
    void withoutAnAppIdEveryActivityIsRefusedWithWhatToSet() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test")) {
            HttpResponse<String> response = post(server, TeamsActivity.text("tenant-m1", "29:m1", "help").json(),
                    null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Teams adapter is off", "MICROSOFT_APP_ID");
            assertThat(server.getApplicationContext().findBean(TeamsGateway.class)).isEmpty();
        }
    }

    @Test
    void insecureLocalModeAcceptsUnsignedActivities() throws Exception {
        connector.reset();
        Map<String, Object> properties = new HashMap<>();
        properties.put("uptake.teams.insecure-local", "true");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            HttpResponse<String> response = post(server, TeamsActivity.text("tenant-m2", "29:m2", "help").json(),
                    null);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(connector.posted()).singleElement().satisfies(reply -> {
                assertThat(reply.text()).contains("pause");
                assertThat(reply.authorization()).isNull();
            });
        }
    }

    private static HttpResponse<String> post(EmbeddedServer server, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                + "/api/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
