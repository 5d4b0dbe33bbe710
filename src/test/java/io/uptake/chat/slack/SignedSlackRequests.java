package io.uptake.chat.slack;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/** Builds Slack requests to {@code /slack/events} signed as Slack signs them. */
public final class SignedSlackRequests {

    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final Clock clock;

    public SignedSlackRequests(Clock clock) {
        this.clock = clock;
    }

    MutableHttpRequest<?> json(String body) {
        return signed(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, clock.instant());
    }

    public MutableHttpRequest<?> form(String body) {
        return signed(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_FORM_URLENCODED, clock.instant());
    }

    /** Signs the exact bytes; the body is sent as text so no client codec re-encodes it. */
    MutableHttpRequest<?> signed(byte[] body, String contentType, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = "v0=" + HexFormat.of().formatHex(new SlackSignature(SECRET, clock).hmac(timestamp, body));
        Object payload = contentType.equals(MediaType.APPLICATION_FORM_URLENCODED)
                ? new String(body, StandardCharsets.UTF_8) : body;
        return HttpRequest.POST("/slack/events", payload).contentType(contentType)
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature);
    }
}
