package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.OwnerAlert;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an operator scrapes from {@code GET /prometheus} after Uptake talked to Slack: the outbox's depth, each send
 * and each 429 by platform and workspace, the dispatch passes, and how fast Slack's requests were answered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackMetricsTest implements TestPropertyProvider {

    private static final String TEAM = "T0METRICS";

    final FakeSlackApi slackApi = FakeSlackApi.start();
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-metrics", Map.of());
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    void aSendSlackRateLimitedOnceThenTookIsCountedAsOne429AndOneSendOfItsWorkspace() {
        slackApi.answer("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}",
                Map.of("Retry-After", "30"));
        outbox.enqueue(new NewMessage("metrics:alert", Platform.SLACK, TEAM, "U0OWNER", null,
                new OwnerAlert("Claims triage", "2026-W47", List.of("Trust fell")), clock.instant(), null, null,
                null));
        // Past the few seconds the outbox's depth is kept, so this scrape counts it afresh.
        clock.advance(Duration.ofSeconds(5));
        double passesBefore = value(scrape(), "uptake_outbox_dispatch_passes_seconds_count", Map.of());
        assertThat(value(scrape(), "uptake_outbox_depth", Map.of("state", "pending"))).isEqualTo(1.0);

        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(31));
        dispatcher.dispatchDue();

        String scrape = scrape();
        assertThat(slackApi.calls("chat.postMessage")).hasSize(2);
        assertThat(value(scrape, "uptake_outbox_sends_total", Map.of("platform", "slack", "tenant", TEAM,
                "result", "rate_limited"))).isEqualTo(1.0);
        assertThat(value(scrape, "uptake_outbox_sends_total", Map.of("platform", "slack", "tenant", TEAM,
                "result", "sent"))).isEqualTo(1.0);
        assertThat(value(scrape, "uptake_outbox_depth", Map.of("state", "pending"))).isEqualTo(0.0);
        assertThat(value(scrape, "uptake_outbox_dispatch_passes_seconds_count", Map.of()) - passesBefore)
                .as("one pass that met the 429, one that sent").isEqualTo(2.0);
    }

    @Test
    void eachRequestFromSlackIsTimedByPlatformAndStatus() {
        double before = value(scrape(), "uptake_chat_ack_seconds_count", Map.of("platform", "slack", "status", "200"));
        String event = "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"metrics\"}";

        assertThat(http.toBlocking().exchange(new SignedSlackRequests(clock).json(event)).code()).isEqualTo(200);

        String scrape = scrape();
        assertThat(value(scrape, "uptake_chat_ack_seconds_count", Map.of("platform", "slack", "status", "200")))
                .isEqualTo(before + 1);
        assertThat(value(scrape, "uptake_chat_ack_seconds_sum", Map.of("platform", "slack", "status", "200")))
                .isGreaterThan(0.0);
        assertThat(scrape).contains("uptake_chat_ack_seconds_bucket{platform=\"slack\",status=\"200\",le=");
    }

    private String scrape() {
        return http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
    }

    private static double value(String scrape, String name, Map<String, String> labels) {
        return PrometheusSeries.value(scrape, name, labels);
    }
}
