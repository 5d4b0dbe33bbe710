package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests that must never reach Bolt: unsigned, forged, stale, future-dated, malformed. */
@MicronautTest(transactional = false)
@Property(name = "uptake.slack.signing-secret", value = SignedSlackRequests.SECRET)
@Property(name = "uptake.slack.bot-token", value = "xoxb-test")
@Property(name = "uptake.slack.api-url", value = "http://127.0.0.1:9/api/")
class SlackEndpointSecurityTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;

    SignedSlackRequests slack() {
        return new SignedSlackRequests(clock);
    }

    @Test
    void anUnsignedRequestIs401() {
        assertThat(status(HttpRequest.POST("/slack/events", "{\"type\":\"url_verification\"}")
                .contentType(MediaType.APPLICATION_JSON))).isEqualTo(401);
    }

    @Test
    void aForgedSignatureIs401() {
        var request = slack().json("{\"type\":\"url_verification\",\"challenge\":\"x\"}");
        request.getHeaders().set("X-Slack-Signature", "v0=" + "0".repeat(64));

        assertThat(status(request)).isEqualTo(401);
    }

    @Test
    void aTimestampMoreThanFiveMinutesOldOrAheadIs401() {
        byte[] body = "{\"type\":\"url_verification\",\"challenge\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(status(slack().signed(body, MediaType.APPLICATION_JSON,
                clock.instant().minus(Duration.ofMinutes(6)))))
                .isEqualTo(401);
        assertThat(status(slack().signed(body, MediaType.APPLICATION_JSON,
                clock.instant().plus(Duration.ofMinutes(6)))))
                .isEqualTo(401);
    }

    @Test
    void aBodyChangedAfterSigningIs401() {
        var request = slack().json("{\"type\":\"url_verification\",\"challenge\":\"x\"}");
        var tampered = HttpRequest.POST("/slack/events", "{\"type\":\"url_verification\",\"challenge\":\"y\"}")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Slack-Request-Timestamp", request.getHeaders().get("X-Slack-Request-Timestamp"))
                .header("X-Slack-Signature", request.getHeaders().get("X-Slack-Signature"));

        assertThat(status(tampered)).isEqualTo(401);
    }

    @Test
    void malformedTruncatedOrWronglyEncodedBodiesAre400() {
        assertThat(status(slack().json("{\"type\":\"event_callback\",\"event\":{"))).isEqualTo(400);
        assertThat(status(slack().json("[1,2,3]"))).isEqualTo(400);
        assertThat(status(slack().form("payload=%7Bnot+json"))).isEqualTo(400);
        assertThat(status(slack().json("{\"type\":\"event_callback\"} trailing"))).isEqualTo(400);
        assertThat(status(slack().json("{\"type\":null,\"event_id\":\"Ev1\"}"))).isEqualTo(400);
        assertThat(status(slack().form("payload=" + java.net.URLEncoder.encode(
                "{\"type\":{\"nested\":\"block_actions\"},\"actions\":[]}", StandardCharsets.UTF_8))))
                .isEqualTo(400);
        assertThat(status(slack().form("payload=" + java.net.URLEncoder.encode(
                "{\"type\":\"block_actions\",\"actions\":[{\"value\":\"x\"}", StandardCharsets.UTF_8))))
                .isEqualTo(400);
        assertThat(status(slack().form("payload=%ZZ"))).isEqualTo(400);
        assertThat(status(slack().form("something=else"))).isEqualTo(400);
        assertThat(status(slack().signed(new byte[] {(byte) 0xC3, (byte) 0x28}, MediaType.APPLICATION_JSON,
                clock.instant()))).isEqualTo(400);
        assertThat(status(slack().signed("hello".getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN,
                clock.instant()))).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIsRefusedWithA4xx() {
        byte[] big = ("{\"type\":\"event_callback\",\"x\":\"" + "a".repeat(2_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(status(slack().signed(big, MediaType.APPLICATION_JSON, clock.instant()))).isBetween(400, 499);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
