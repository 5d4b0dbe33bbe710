package io.uptake.chat.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;

/** For the Slack ack benchmark only: an endpoint that checks the signature and does nothing else, as a baseline. */
@Controller("/bench")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(env = "bench-slack")
public final class BareSignatureEndpoint {

    private final SlackSettings settings;
    private final Clock clock;

    BareSignatureEndpoint(SlackSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Post(uri = "/bare", consumes = MediaType.ALL)
    HttpResponse<?> bare(HttpRequest<?> request, @Body byte[] body) {
        SlackSignature.Refusal refusal = new SlackSignature(settings.signingSecret(), clock).check(
                request.getHeaders().get("X-Slack-Request-Timestamp"), request.getHeaders().get("X-Slack-Signature"),
                body);
        return refusal == null ? HttpResponse.ok() : HttpResponse.unauthorized();
    }

    /** Signs a body as Slack does, for the load generator. */
    public static String signature(String secret, String timestamp, byte[] body) {
        return "v0=" + java.util.HexFormat.of().formatHex(new SlackSignature(secret, Clock.systemUTC())
                .hmac(timestamp, body));
    }
}
