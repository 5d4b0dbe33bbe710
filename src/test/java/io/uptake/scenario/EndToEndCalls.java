package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an end-to-end test from a programmes file calls on the running service: the admin API with its token, the
 * Slack and Teams endpoints as signed requests and activities, the dashboard signed in as an admin, and the outbox
 * sent now. The test starts {@link #server} and sets {@link #context}.
 */
abstract class EndToEndCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    EmbeddedServer server;
    ApplicationContext context;

    /** The admin token the test's service was started with. */
    abstract String adminToken();

    /**
     * Starts the service on a programmes file with the Slack and Teams fakes, the admin token and any further
     * settings; sets {@link #server} and {@link #context} and returns the service's clock.
     */
    MutableClock startService(String programmes, SlackSide slack, TeamsSide teams, Map<String, Object> more)
            throws IOException {
        Path file = Files.createTempFile("programmes", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, programmes);
        Map<String, Object> settings = new HashMap<>(slack.settings());
        settings.putAll(teams.settings());
        settings.put("uptake.catalog", file.toString());
        settings.put("uptake.admin-token", adminToken());
        settings.putAll(more);
        server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        context = server.getApplicationContext();
        return context.getBean(MutableClock.class);
    }

    /** The workflow {@code id} in a scorecard's JSON. */
    static JsonNode workflow(JsonNode card, String id) {
        for (JsonNode programme : card.get("programmes")) {
            for (JsonNode workflow : programme.get("workflows")) {
                if (workflow.get("workflowId").asText().equals(id)) {
                    return workflow;
                }
            }
        }
        throw new AssertionError("no workflow " + id + " in " + card);
    }

    /** A dashboard page as an admin signed in sees it. */
    String page(String path) throws IOException {
        String token = Sessions.of(context).admin();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(path))
                .header("Cookie", Sessions.COOKIE + "=" + token).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    void dispatch() {
        context.getBean(Dispatcher.class).dispatchDue();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + adminToken());
    }

    JsonNode get(String path) throws IOException {
        HttpResponse<String> response = send(admin(path).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Posts usage events (each a JSON object) as one batch through the admin API; the batch must be taken. */
    JsonNode postUsage(String batch, List<String> events) throws IOException {
        HttpResponse<String> posted = send(admin("/api/v1/usage-events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"batch\": \"" + batch + "\", \"events\": ["
                        + String.join(", ", events) + "]}")).build());
        assertThat(posted.statusCode()).as(posted.body()).isLessThan(300);
        return JSON.readTree(posted.body());
    }

    HttpResponse<String> slackPost(SlackSide.SignedBody body) throws IOException {
        return send(HttpRequest.newBuilder(url("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", body.timestamp()).header("X-Slack-Signature", body.signature())
                .POST(HttpRequest.BodyPublishers.ofString(body.body())).build());
    }

    HttpResponse<String> teamsPost(String activity) throws IOException {
        return send(HttpRequest.newBuilder(url("/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
