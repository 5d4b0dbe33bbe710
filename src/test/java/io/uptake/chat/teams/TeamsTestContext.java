package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A running service with the Teams adapter on, authenticated, its signing keys and Bot Connector faked on
 * loopback; activities are POSTed over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TeamsTestContext implements TestPropertyProvider {

    static final String APP_ID = "6f1c8a2e-0d4b-4c7e-9a55-2b8f3e1d7c90";
    static final String APP_TENANT = "c0ffee00-1111-2222-3333-444455556666";

    /** The answer to one POST. */
    record Answer(int status, String body) {
    }

    final FakeBotConnector connector = FakeBotConnector.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "uptake.teams.app-id", APP_ID,
                "uptake.teams.app-password", "test-secret",
                "uptake.teams.app-tenant-id", APP_TENANT,
                "uptake.teams.openid-metadata-url", connector.openIdUrl(),
                "uptake.teams.service-url", connector.url());
    }

    @BeforeEach
    void resetConnector() {
        connector.reset();
    }

    @AfterEach
    void everyCardSentWasWithinTeamsLimits() {
        assertThat(connector.refusals()).as("cards Teams would have refused").isEmpty();
    }

    /** Posts an activity signed as the channel signs it. */
    Answer post(TeamsActivity activity) {
        return post(activity.json(), Tokens.channel(APP_ID, activity.serviceUrl()));
    }

    Answer post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                + "/api/messages")).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
