package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.delivery.SendResult;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
@Property(name = "uptake.admin-token", value = PulseApiTest.TOKEN)
class PulseApiTest {

    static final String TOKEN = "pulse-api-test-token";

    @Inject
    ApplicationContext context;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Dispatcher dispatcher;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    @Test
    void sendNowOpensARoundForTheWholeAudienceAndDeliversItAtOnce() {
        PulseWorld.in(context).person("a@example.com", "Asia/Tokyo").person("b@example.com", "UTC").build();
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));

        HttpResponse<Map> response = http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/pulses/" + PulseWorld.PULSE + "/rounds", "").bearerAuth(TOKEN), Map.class);
        dispatcher.dispatchDue();

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body()).containsEntry("recipients", 2).containsEntry("created", true);
        assertThat(slack.delivered()).hasSize(2);
    }

    @Test
    void sendNowForAnUnknownPulseIsA404WithAMessage() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/pulses/nope/rounds", "").bearerAuth(TOKEN),
                        Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("message").toString()).contains("nope");
    }

    @Test
    void deadLettersAreListedAndCanBeRetried() {
        PulseWorld.in(context).person("a@example.com", "UTC").build();
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/pulses/" + PulseWorld.PULSE + "/rounds", "")
                .bearerAuth(TOKEN));
        slack.answerNext(new SendResult.Rejected("channel_not_found", false));
        dispatcher.dispatchDue();

        List<Map> dead = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/outbox/dead").bearerAuth(TOKEN),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.get("lastError")).isEqualTo("channel_not_found");
            assertThat(d).doesNotContainKey("payload");
        });
        long id = ((Number) dead.get(0).get("id")).longValue();

        HttpResponse<?> retried = http.toBlocking().exchange(HttpRequest.POST("/api/v1/outbox/dead/" + id + "/retry",
                "").bearerAuth(TOKEN));
        dispatcher.dispatchDue();

        assertThat(retried.code()).isEqualTo(202);
        assertThat(slack.delivered()).hasSize(1);
    }
}
