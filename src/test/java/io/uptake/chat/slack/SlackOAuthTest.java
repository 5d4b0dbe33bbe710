package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Installing into many workspaces over OAuth, and rotating tokens refreshed by one instance at a time. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackOAuthTest implements TestPropertyProvider {

    final FakeSlackApi slackApi = FakeSlackApi.start();
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    EmbeddedServer server;
    @Inject
    @io.micronaut.http.client.annotation.Client("/")
    io.micronaut.http.client.HttpClient http;
    @Inject
    SlackInstallations installations;
    @Inject
    InstallationTokens tokens;
    @Inject
    MutableClock clock;
    @Inject
    InboundDedupe dedupe;
    @Inject
    OAuthStates states;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.slack.signing-secret", SignedSlackRequests.SECRET, "uptake.slack.client-id", "111.222",
                "uptake.slack.client-secret", "shh", "uptake.slack.bot-token", "",
                "uptake.slack.api-url", slackApi.url(), "uptake.public-url", "https://uptake.example.com");
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    @Order(1)
    void installSendsTheAdminToSlackWithAOneTimeState() throws Exception {
        HttpResponse<String> response = get("/slack/install");

        assertThat(response.statusCode()).isBetween(301, 303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://slack.com/oauth/v2/authorize?client_id=111.222&scope=chat%3Awrite")
                .contains("redirect_uri=https%3A%2F%2Fuptake.example.com%2Fslack%2Foauth_redirect");
    }

    @Test
    @Order(2)
    void theRedirectStoresTheWorkspaceOnceAndTheStateCannotBeReused() throws Exception {
        String state = state(get("/slack/install"));
        slackApi.answer("oauth.v2.access", 200, """
                {"ok":true,"access_token":"xoxb-acme","token_type":"bot","refresh_token":"xoxe-1","expires_in":43200,
                 "bot_user_id":"UBOT","scope":"chat:write","team":{"id":"T9","name":"Acme"},
                 "authed_user":{"id":"U1"}}""", Map.of());

        HttpResponse<String> done = get("/slack/oauth_redirect?code=abc&state=" + state);
        HttpResponse<String> again = get("/slack/oauth_redirect?code=abc&state=" + state);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("installed in Acme");
        assertThat(slackApi.calls("oauth.v2.access")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("code", "abc"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(installations.findByTeamId("T9").orElseThrow().botToken()).isEqualTo("xoxb-acme");
        assertThat(tokens.botToken("T9")).contains("xoxb-acme");
    }

    @Test
    @Order(3)
    void anUnknownOrExpiredStateStoresNothing() throws Exception {
        String state = state(get("/slack/install"));
        clock.advance(Duration.ofMinutes(11));

        assertThat(get("/slack/oauth_redirect?code=abc&state=" + state).statusCode()).isEqualTo(400);
        assertThat(get("/slack/oauth_redirect?code=abc&state=forged").statusCode()).isEqualTo(400);
        assertThat(get("/slack/oauth_redirect?error=access_denied").body()).contains("access_denied");
        assertThat(installations.count()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void whileAnotherInstanceRefreshesTheTokenNoSecondRefreshIsMade() {
        expireSoon();
        assertThat(installations.claimRefresh("T9", clock.instant(), clock.instant().minusSeconds(60))).isOne();
        int before = slackApi.calls("oauth.v2.access").size();

        assertThat(tokens.botToken("T9")).contains("xoxb-acme");
        assertThat(slackApi.calls("oauth.v2.access")).hasSize(before);
    }

    @Test
    @Order(5)
    void aTokenAboutToExpireIsRefreshedOnceAndTheNewOneKept() {
        clock.advance(Duration.ofMinutes(2));
        expireSoon();
        slackApi.answer("oauth.v2.access", 200, """
                {"ok":true,"access_token":"xoxb-acme-2","refresh_token":"xoxe-2","expires_in":43200,
                 "team":{"id":"T9"}}""", Map.of());
        int before = slackApi.calls("oauth.v2.access").size();

        assertThat(tokens.botToken("T9")).contains("xoxb-acme-2");
        assertThat(tokens.botToken("T9")).contains("xoxb-acme-2");

        assertThat(slackApi.calls("oauth.v2.access")).hasSize(before + 1);
        assertThat(slackApi.calls("oauth.v2.access").get(before).params()).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "xoxe-1");
        assertThat(installations.findByTeamId("T9").orElseThrow().botRefreshToken()).isEqualTo("xoxe-2");
    }

    @Test
    @Order(6)
    void aRequestFromAnInstalledWorkspaceIsHandledWithItsOwnToken() {
        String body = "command=%2Fuptake&text=help&team_id=T9&user_id=U1&user_name=ana&channel_id=D1"
                + "&response_url=" + java.net.URLEncoder.encode(slackApi.url() + "response",
                java.nio.charset.StandardCharsets.UTF_8) + "&trigger_id=1.2";

        Map<?, ?> reply = http.toBlocking().retrieve(new SignedSlackRequests(clock).form(body), Map.class);

        assertThat(reply.get("text").toString()).contains("pause [2w]");
    }

    @Test
    @Order(7)
    void housekeepingForgetsExpiredInstallStates() throws Exception {
        get("/slack/install");
        clock.advance(Duration.ofMinutes(11));

        new ForgetOldRequests(dedupe, states, clock).execute(null);

        assertThat(states.redeem("anything", clock.instant())).isZero();
        assertThat(states.forgetExpired(clock.instant())).isZero();
    }

    @Test
    @Order(8)
    void anUninstalledWorkspaceIsMarkedGoneAndItsTokenNoLongerUsed() {
        String event = "{\"type\":\"event_callback\",\"team_id\":\"T9\",\"api_app_id\":\"A1\",\"event_id\":"
                + "\"EvUninstall\",\"event_time\":1,\"event\":{\"type\":\"app_uninstalled\"}}";

        var response = http.toBlocking().exchange(new SignedSlackRequests(clock).json(event));

        assertThat(response.code()).isEqualTo(200);
        assertThat(installations.findByTeamId("T9").orElseThrow().uninstalledAt()).isNotNull();
        assertThat(tokens.botToken("T9")).isEmpty();
    }

    private void expireSoon() {
        SlackInstallationRow i = installations.findByTeamId("T9").orElseThrow();
        installations.update(new SlackInstallationRow(i.id(), i.teamId(), i.enterpriseId(), i.botUserId(),
                i.botToken(), i.botRefreshToken(), clock.instant().plus(Duration.ofMinutes(1)), i.scopes(),
                i.installerUserId(), i.teamName(), i.refreshClaimedAt(), i.installedAt(), i.uninstalledAt()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String state(HttpResponse<String> install) {
        Matcher m = Pattern.compile("state=([0-9a-f]+)")
                .matcher(install.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

}
