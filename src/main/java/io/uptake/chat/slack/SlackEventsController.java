package io.uptake.chat.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's one request URL: Events API, interactivity and slash commands. Signature, encoding and shape are
 * checked here; genuine, well-formed requests go to the Bolt app, and a retried event is acknowledged once more
 * without being handled again.
 */
@Controller("/slack")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final BeanProvider<App> app;
    private final SlackSettings settings;
    private final InboundDedupe dedupe;
    private final Clock clock;

    SlackEventsController(BeanProvider<App> app, SlackSettings settings, InboundDedupe dedupe, Clock clock) {
        this.app = app;
        this.settings = settings;
        this.dedupe = dedupe;
        this.clock = clock;
    }

    @Post(uri = "/events", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> events(HttpRequest<?> request, @Body byte[] body) {
        if (!app.isPresent() || settings.signingSecret() == null || settings.signingSecret().isBlank()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "The Slack adapter takes no HTTP requests: set "
                    + "SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN, or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET.");
        }
        SlackSignature.Refusal refusal = new SlackSignature(settings.signingSecret(), clock).check(
                request.getHeaders().get("X-Slack-Request-Timestamp"), request.getHeaders().get("X-Slack-Signature"),
                body);
        if (refusal != null) {
            LOG.warn("Refused a Slack request: {}", refusal.reason);
            return error(HttpStatus.UNAUTHORIZED, "Not a genuine Slack request: " + refusal.reason + ".");
        }
        SlackRequestCheck.Checked checked;
        try {
            checked = SlackRequestCheck.check(request.getContentType().map(MediaType::toString).orElse(null), body);
        } catch (SlackRequestCheck.Malformed e) {
            return error(HttpStatus.BAD_REQUEST, "Malformed Slack request: " + e.getMessage() + ".");
        }
        String seenKey = checked.eventId() == null ? null : "slack:" + checked.eventId();
        if (seenKey != null && dedupe.firstTime(seenKey, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)) == 0) {
            LOG.info("Slack event {} already handled (retry {})", checked.eventId(),
                    request.getHeaders().get("X-Slack-Retry-Num"));
            return HttpResponse.ok();
        }
        HttpResponse<?> response = run(request, checked);
        int status = response.getStatus().getCode();
        if (seenKey != null && status >= 400) {
            // Not handled after all: Slack's retry of this event must be handled, not acknowledged as a repeat,
            // and a refused event (400, or 404 for a kind Uptake does not handle) leaves nothing stored.
            dedupe.forget(seenKey);
        }
        return response;
    }

    private HttpResponse<?> run(HttpRequest<?> request, SlackRequestCheck.Checked checked) {
        App bolt = app.get();
        Request<?> slackRequest;
        try {
            RequestHeaders headers = new RequestHeaders(headers(request));
            slackRequest = "block_actions".equals(checked.payloadType())
                    ? ParsedBlockAction.read(checked.text(), checked.payload(), headers)
                    : new SlackRequestParser(bolt.config()).parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri(request.getPath())
                            .queryString(Map.of())
                            .headers(headers)
                            .requestBody(checked.text())
                            .remoteAddress(request.getRemoteAddress().getAddress().getHostAddress())
                            .build());
        } catch (RuntimeException e) {
            // Bad input, answered with a 400, and what the parser says can quote the body, which may hold an
            // answer's free text: so only the kind of failure is logged.
            LOG.warn("Slack request could not be read: {}", e.getClass().getSimpleName());
            return error(HttpStatus.BAD_REQUEST, "Malformed Slack request.");
        }
        if (slackRequest == null) {
            return error(HttpStatus.NOT_FOUND, "Uptake does not handle this kind of Slack request.");
        }
        try {
            return copy(bolt.run(slackRequest));
        } catch (JsonParseException e) {
            // Bolt reads the payload into its typed classes only now: a field of the wrong type is the sender's.
            LOG.warn("Slack request of type {} has a field of the wrong type", slackRequest.getRequestType());
            return error(HttpStatus.BAD_REQUEST, "Malformed Slack request: a field has the wrong type.");
        } catch (Exception e) {
            LOG.error("Slack request of type {} failed", slackRequest.getRequestType(), e);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "Uptake could not handle this request just now; "
                    + "the service log says why.");
        }
    }

    private static Map<String, List<String>> headers(HttpRequest<?> request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach((name, values) -> headers.put(name, values));
        return headers;
    }

    private static HttpResponse<?> copy(Response response) {
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        // A listener's failure inside Bolt is a 503 like any other failure here: Slack retries it.
        MutableHttpResponse<String> out = HttpResponse.<String>status(HttpStatus.valueOf(status >= 500 ? 503
                : status));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
        }
        if (response.getBody() != null && !response.getBody().isEmpty()) {
            out.body(response.getBody());
            out.contentType(response.getContentType() != null ? response.getContentType()
                    : MediaType.APPLICATION_JSON);
        }
        return out;
    }

    private static HttpResponse<?> error(HttpStatus status, String message) {
        return HttpResponse.status(status).body(Map.of("message", message));
    }
}
