package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.CatalogLookup;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.delivery.Dispatcher;
import io.uptake.digest.DigestWorld;
import io.uptake.digest.SendDigest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * Weekly digests through the real gateways: Slack's Web API and Teams' Bot Connector faked on loopback, the
 * outbox dispatching as in service.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestEndToEndTest extends TeamsTestContext {

    static final String TENANT = "tenant-digest";
    static final String PUBLIC_URL = "https://uptake.example.com";
    static final ObjectMapper JSON = new ObjectMapper();

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    SendDigest sendDigest;
    @Inject
    CatalogLookup catalog;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        DigestWorld.properties().forEach((k, v) -> properties.put(k, v.toString()));
        properties.put("uptake.teams.test.real-gateway", "true");
        properties.put("uptake.public-url", PUBLIC_URL);
        properties.put("uptake.slack.signing-secret", "e2e-signing-secret");
        properties.put("uptake.slack.bot-token", "xoxb-digest");
        properties.put("uptake.slack.api-url", slackApi.url());
        slackApi.answer("auth.test", 200, "{\"ok\":true,\"team_id\":\"T0DIGEST\",\"user_id\":\"UBOT\"}", Map.of());
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slackApi.close();
    }

    @Test
    @Order(1)
    void aTeamsChannelTheBotIsNotInGetsNothing() {
        long teams = DigestWorld.subscription(catalog, DigestWorld.TEAMS_CHANNEL);
        clock.set(Instant.parse("2026-11-23T13:00:00Z"));

        SendDigest.Result result = sendDigest.send(teams);
        dispatcher.dispatchDue();

        assertThat(result).isEqualTo(new SendDigest.Result.NotSent(
                "the bot is not installed where it can post to that channel"));
        assertThat(connector.posted()).isEmpty();
    }

    @Test
    @Order(2)
    void eachSubscriptionsDigestReachesItsChannelWithItsChartOnceAWeek() throws Exception {
        assertThat(post(TeamsActivity.botAddedToTeam(TENANT, DigestWorld.TEAMS_CHANNEL, "29:owner")).status())
                .isLessThan(300);
        long slack = DigestWorld.subscription(catalog, DigestWorld.SLACK_CHANNEL);
        long teams = DigestWorld.subscription(catalog, DigestWorld.TEAMS_CHANNEL);
        clock.set(Instant.parse("2026-11-23T13:00:00Z"));

        assertThat(sendDigest.send(slack)).isInstanceOf(SendDigest.Result.Sent.class);
        assertThat(sendDigest.send(teams)).isInstanceOf(SendDigest.Result.Sent.class);
        dispatcher.dispatchDue();

        FakeSlackApi.Call posted = slackApi.calls("chat.postMessage").get(0);
        assertThat(posted.params()).containsEntry("channel", DigestWorld.SLACK_CHANNEL);
        assertThat(posted.token()).isEqualTo("xoxb-digest");
        assertThat(posted.params().get("blocks")).contains("Weekly adoption digest · 2026-W47",
                "—  (fewer than 5 answers)", "62% of 40 people, up from 55% (telemetry)",
                "WAU (weekly active): people of the target team", "Habit: people who used it in at least 9",
                "Cycle time Δ: change of the median");
        assertThat(slackApi.calls("files.completeUploadExternal")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("channel_id", DigestWorld.SLACK_CHANNEL));
        byte[] uploaded = slackApi.uploaded().values().iterator().next();
        assertThat(ImageIO.read(new ByteArrayInputStream(uploaded))).isNotNull();

        FakeBotConnector.Call card = connector.posted().stream()
                .filter(c -> c.card().path("body").toString().contains("Weekly adoption digest")).findFirst()
                .orElseThrow();
        assertThat(card.path()).contains(DigestWorld.TEAMS_CHANNEL);
        assertThat(card.card().toString()).contains("—  (fewer than 5 answers)",
                "WAU (weekly active): people of the target team", "Cycle time Δ: change of the median");
        String imageUrl = image(card.card()).path("url").asText();
        assertThat(imageUrl).matches("https://uptake\\.example\\.com/charts/[A-Za-z0-9_-]{32}\\.png");
        HttpResponse<byte[]> chart = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.getPort() + imageUrl.substring(PUBLIC_URL.length()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(chart.body()))).isNotNull();

        int teamsSends = connector.posted().size();
        clock.set(Instant.parse("2026-11-23T18:00:00Z"));
        assertThat(sendDigest.send(slack)).isInstanceOf(SendDigest.Result.AlreadySent.class);
        assertThat(sendDigest.send(teams)).isInstanceOf(SendDigest.Result.AlreadySent.class);
        dispatcher.dispatchDue();
        assertThat(slackApi.calls("chat.postMessage")).hasSize(1);
        assertThat(slackApi.calls("files.getUploadURLExternal")).hasSize(1);
        assertThat(connector.posted()).hasSize(teamsSends);
    }

    private static JsonNode image(JsonNode card) {
        for (JsonNode element : card.path("body")) {
            if ("Image".equals(element.path("type").asText())) {
                return element;
            }
        }
        throw new AssertionError("no image in " + card);
    }
}
