package io.uptake.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;

/**
 * Times how long Uptake takes to answer Slack's and Teams' requests (a button click, a submitted form, a message to
 * the bot), for {@code GET /prometheus}: Slack shows the person an error after 3 seconds without an answer, and Bot
 * Framework gives up after 15.
 *
 * <p>Measured from the request's arrival at the filter to the response leaving it, by platform and status. Requests
 * that come over Slack's Socket Mode WebSocket are not HTTP requests here and are not timed.
 */
@ServerFilter({AckLatencyFilter.SLACK, AckLatencyFilter.TEAMS})
final class AckLatencyFilter {

    static final String SLACK = "/slack/events";
    static final String TEAMS = "/api/messages";
    static final String ACK = "uptake.chat.ack";
    private static final String STARTED = AckLatencyFilter.class.getName() + ".started";

    private final MeterRegistry registry;

    AckLatencyFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void answered(HttpRequest<?> request, HttpResponse<?> response) {
        request.getAttribute(STARTED, Long.class).ifPresent(started -> Timer.builder(ACK)
                .description("Time to answer a chat platform's request to this node, by platform and status")
                .tag("platform", request.getPath().startsWith(SLACK) ? "slack" : "teams")
                .tag("status", Integer.toString(response.code()))
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(15))
                .register(registry).record(Duration.ofNanos(System.nanoTime() - started)));
    }
}
