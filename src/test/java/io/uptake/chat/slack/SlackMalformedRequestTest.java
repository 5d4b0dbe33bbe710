package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed requests whose shape Uptake cannot use, each the exact shape a fuzzing run found answered with 503: they
 * are the sender's mistake, so they get a 400 that says what is wrong (503 would make Slack retry in vain).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackMalformedRequestTest implements TestPropertyProvider {

    static final String TEAM = "T0TEAM";

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    InboundDedupe dedupe;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-malformed", Map.of());
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    void aSlashCommandWithoutATeamIdIs400() {
        assertRefused(form("command=%2Fuptake&text=help&user_id=U1&user_name=ana&channel_id=D1"), "team_id");
    }

    @Test
    void aSlashCommandWhoseUserIdIsNotASlackIdIs400() {
        assertRefused(form("command=%2Fuptake&text=help&team_id=" + TEAM + "&user_id=U1=x&channel_id=D1"),
                "user_id");
    }

    @Test
    void anEventWhoseEventIdIsAnArrayIs400() {
        assertRefused(json("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":[\"Ev1\"],\"event_time\":1,\"event\":{\"type\":\"app_home_opened\",\"user\":\"U1\","
                + "\"channel\":\"D1\",\"tab\":\"home\"}}"), "event_id");
    }

    @Test
    void anEventWhoseUserIsAnArrayIs400() {
        assertRefused(json("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"Ev2\",\"event_time\":1,\"event\":{\"type\":\"app_home_opened\",\"user\":[\"U1\"],"
                + "\"channel\":\"D1\",\"tab\":\"home\"}}"), "event.user");
    }

    @Test
    void anAppHomeOpenedEventWithoutAUserIs400() {
        // The fuzz suite's shape: the event's user deleted (and team_id duplicated); the home tab was published for
        // a null user, which failed in the identity lookup and answered 503.
        assertRefused(json("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_time\":1,\"event\":{\"type\":\"app_home_opened\",\"channel\":\"D1\",\"tab\":\"home\"},"
                + "\"team_id_x\":\"" + TEAM + "\"}"), "event.user");
    }

    @Test
    void anEventWhoseUserIsNullIs400() {
        // The fuzz suite's shape: the event's type replaced by a long string and its user nulled. Bolt's
        // IgnoringSelfEvents reads event.user as a string and threw on the JSON null, answering 503.
        assertRefused(json("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"Evf6\",\"event_time\":1,\"event\":{\"type\":\"" + "x".repeat(173_743) + "\","
                + "\"user\":null,\"channel\":\"D1\",\"tab\":\"home\"}}"), "event.user");
    }

    @Test
    void anEventWhoseUserIsAnObjectWithoutAnIdIs400() {
        // The fuzz suite's shape: the event's type garbled and its user a nested object with no id. Bolt's
        // IgnoringSelfEvents reads event.user.id as a string and threw on the missing id, answering 503.
        assertRefused(json("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"Ev9ed206\",\"event_time\":1,\"event\":{\"type\":\"%[%ZZ%?%ZZ\","
                + "\"user\":{\"a\":[{\"a\":[\"deep\"]}]},\"channel\":null,\"tab\":\"home\"}}"),
                "event.user.id");
    }

    @Test
    void anEventWhoseUserIsAnObjectWithAnIdPassesTheCheckAndBoltsMiddleware() {
        // Uptake handles no user_change: Bolt answers 404 once the event has passed the shape check and
        // IgnoringSelfEvents, which read its user object's id (a 400 or a 503 would mean one of them refused it).
        HttpClientResponseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(json("{\"type\":\"event_callback\","
                        + "\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\",\"event_id\":\"EvUserChange\","
                        + "\"event_time\":1,\"event\":{\"type\":\"user_change\",\"user\":{\"id\":\"U1\"}}}"),
                        String.class));

        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void anEventWhoseBotIdIsNullIs400() {
        assertRefused(json("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"Evbot\",\"event_time\":1,\"event\":{\"type\":\"tokens_revoked\","
                + "\"bot_id\":null,\"tokens\":{\"bot\":[\"UBOT\"]}}}"), "event.bot_id");
    }

    @Test
    void anAppHomeOpenedEventWithoutATeamIdIs400() {
        // Like a slash command without a team_id (issue 13): the handlers look the workspace up by it, and a null
        // failed there with a 503.
        assertRefused(json("{\"type\":\"event_callback\",\"api_app_id\":\"A1\","
                + "\"event_time\":1,\"event\":{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\","
                + "\"tab\":\"home\"}}"), "team_id");
    }

    @Test
    void aTokensRevokedEventWithoutATeamIdIs400() {
        assertRefused(json("{\"type\":\"event_callback\",\"api_app_id\":\"A1\","
                + "\"event_time\":1,\"event\":{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]}}}"),
                "team_id");
    }

    @Test
    void anEventOfATypeUptakeDoesNotHandleLeavesItsEventIdUnstored() {
        // The fuzz suite's shape: a mangled top-level type. The answer was a 404 but the event id stayed stored as
        // handled, so a refused request had stored something.
        HttpClientResponseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(json("{\"type\":"
                        + "\"event_callback%ZZ+\\\\+=U1=x?\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                        + "\"event_id\":\"Ev404\",\"event_time\":1,\"event\":{\"type\":\"tokens_revoked\",\"tokens\":"
                        + "{\"bot\":[[\"UBOT\"]]}}}"), String.class));

        assertThat(e).as("expected a 404 for a kind of request Uptake does not handle").isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(dedupe.forget("slack:Ev404")).as("inbound_seen rows left for the refused event").isZero();
    }

    @Test
    void aClickWhoseUserIsNullIs400() {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":null,\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"view\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + HomeTabView.OPT_OUT + "\",\"block_id\":\"b\","
                + "\"action_ts\":\"1\"}]}";
        assertRefused(form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)), "user");
    }

    @Test
    void aClickWhoseTeamIsNullIs400() {
        String payload = "{\"type\":\"block_actions\",\"team\":null,\"user\":{\"id\":\"U1\",\"team_id\":\"" + TEAM
                + "\"},\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"view\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + HomeTabView.OPT_OUT + "\",\"block_id\":\"b\","
                + "\"action_ts\":\"1\"}]}";
        assertRefused(form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)), "team");
    }

    @Test
    void aWellFormedCommandStillWorks() {
        HttpResponse<String> response = http.toBlocking().exchange(form("command=%2Fuptake&text=help&team_id="
                + TEAM + "&user_id=U1&user_name=ana&channel_id=D1&response_url=" + URLEncoder.encode(slackApi.url()
                + "response", StandardCharsets.UTF_8) + "&trigger_id=1.2.3"), String.class);

        assertThat(response.code()).isEqualTo(200);
    }

    private HttpRequest<?> form(String body) {
        return new SignedSlackRequests(clock).form(body);
    }

    private HttpRequest<?> json(String body) {
        return new SignedSlackRequests(clock).json(body);
    }

    private void assertRefused(HttpRequest<?> request, String field) {
        HttpClientResponseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
        assertThat(e).as("expected a 400 for a malformed request").isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        String body = e.getResponse().getBody(String.class).orElse("");
        assertThat(body).contains("Malformed Slack request").contains(field).doesNotContain("Exception");
    }
}
