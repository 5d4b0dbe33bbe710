package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An event whose handling failed is not remembered as handled: Slack's retry of it is handled, and only a retry
 * of an event that was handled is acknowledged without handling it again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRetryAfterFailureTest implements TestPropertyProvider {

    private static final String TEAM = "T0RETRY";

    final FakeSlackApi slackApi = FakeSlackApi.start();
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    FailingFirstListener listener;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-retry", Map.of("test.slack.failing-listener", "true"));
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    void aFailedEventIsHandledWhenSlackRetriesItAndOnlyThenCountsAsHandled() {
        String event = "{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"EvFail1\",\"event_time\":1,\"event\":{\"type\":\"reaction_added\",\"user\":\"U1\","
                + "\"reaction\":\"tada\",\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"1.2\"}}}";

        int first = status(new SignedSlackRequests(clock).json(event));
        int retry = status(new SignedSlackRequests(clock).json(event).header("X-Slack-Retry-Num", "1"));
        int again = status(new SignedSlackRequests(clock).json(event).header("X-Slack-Retry-Num", "2"));

        assertThat(first).isEqualTo(503);
        assertThat(retry).isEqualTo(200);
        assertThat(again).isEqualTo(200);
        assertThat(listener.calls).as("the failed delivery and the first retry; not the second retry").hasValue(2);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
