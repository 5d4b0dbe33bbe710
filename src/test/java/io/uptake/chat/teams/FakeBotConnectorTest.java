package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Bot Connector answers a card that breaks a Teams limit as Teams does, and keeps what it broke. */
class FakeBotConnectorTest {

    private final FakeBotConnector connector = FakeBotConnector.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void reset() {
        connector.reset();
    }

    @Test
    void aCardWithinTheLimitsIsPosted() throws Exception {
        HttpResponse<String> answer = send("POST", "v3/conversations/a:1/activities", activity(card(5, "ok")));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(connector.posted()).hasSize(1);
        assertThat(connector.refusals()).isEmpty();
    }

    @Test
    void aCardWithSixActionsIsRefusedAndKept() throws Exception {
        HttpResponse<String> answer = send("POST", "v3/conversations/a:1/activities", activity(card(6, "ok")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("BadArgument");
        assertThat(connector.posted()).isEmpty();
        assertThat(connector.refusals()).singleElement().asString().contains("not 6");
    }

    @Test
    void anEditToACardOver80KilobytesIsRefusedAsTooBig() throws Exception {
        HttpResponse<String> answer = send("PUT", "v3/conversations/a:1/activities/1:9",
                activity(card(1, "x".repeat(41_000))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("MessageSizeTooBig");
        assertThat(connector.edits()).isEmpty();
        assertThat(connector.refusals()).singleElement().asString().contains("UTF-16");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(connector.url() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String card(int actions, String text) {
        String action = "{\"type\":\"Action.Submit\",\"title\":\"t\"}";
        return "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"" + text
                + "\"}],\"actions\":[" + String.join(",", Collections.nCopies(actions, action)) + "]}";
    }

    private static String activity(String card) {
        return "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\","
                + "\"content\":" + card + "}]}";
    }
}
