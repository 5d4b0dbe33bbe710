package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake reads both body shapes the SDK sends and plays scripted answers once each, in order. */
class FakeSlackApiTest {

    static final String MODAL = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Form\"},"
            + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Hello\"}}]}";

    final FakeSlackApi api = FakeSlackApi.start();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aJsonBodyIsRecordedFieldByFieldWithTheBearerToken() throws Exception {
        HttpResponse<String> response = send("views.open", "application/json; charset=utf-8",
                "{\"trigger_id\":\"t1\",\"view\":" + MODAL + "}", "xoxb-1");

        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(api.calls("views.open")).singleElement().isEqualTo(new FakeSlackApi.Call("views.open",
                Map.of("trigger_id", "t1", "view", MODAL), "xoxb-1"));
    }

    @Test
    void aFormBodyIsDecodedAndItsTokenFieldUsedWhenThereIsNoHeader() throws Exception {
        send("chat.postMessage", "application/x-www-form-urlencoded", "token=xoxb-2&channel=U9&text=a%26amp%3Bb+c",
                null);

        assertThat(api.calls("chat.postMessage")).singleElement().isEqualTo(new FakeSlackApi.Call(
                "chat.postMessage", Map.of("token", "xoxb-2", "channel", "U9", "text", "a&amp;b c"), "xoxb-2"));
    }

    @Test
    void scriptedAnswersArePlayedOnceEachThenCallsSucceed() throws Exception {
        api.answer("chat.update", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "3"))
                .answer("chat.update", 200, "{\"ok\":false,\"error\":\"message_not_found\"}", Map.of());
        String form = "channel=D1&ts=1.2&text=hi";

        HttpResponse<String> first = send("chat.update", "application/x-www-form-urlencoded", form, "x");
        HttpResponse<String> second = send("chat.update", "application/x-www-form-urlencoded", form, "x");
        HttpResponse<String> third = send("chat.update", "application/x-www-form-urlencoded", form, "x");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("3");
        assertThat(second.body()).contains("message_not_found");
        assertThat(third.body()).isEqualTo("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}");
        assertThat(api.calls("chat.update")).hasSize(3);
    }

    @Test
    void aPayloadBreakingABlockKitLimitIsRefusedAsSlackDoesAndFailsTheTestAtClose() throws Exception {
        FakeSlackApi strict = FakeSlackApi.start();
        String header = "[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "h".repeat(151)
                + "\"}}]";

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(strict.url() + "chat.postMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "channel=U9&text=hi&blocks=" + java.net.URLEncoder.encode(header,
                                java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.body()).isEqualTo("{\"ok\":false,\"error\":\"invalid_blocks\"}");
        assertThat(strict.refusals()).singleElement().asString().contains("chat.postMessage", "150");
        org.assertj.core.api.Assertions.assertThatThrownBy(strict::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("would have refused");
    }

    private HttpResponse<String> send(String method, String type, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + method))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
