package io.uptake.delivery;

import java.time.Duration;

/** What a platform said to one send. */
public sealed interface SendResult {

    /** Delivered; the reference lets the message be edited later (Slack {@code ts}, Teams activity id). */
    record Sent(String messageRef) implements SendResult {
    }

    /** Throttled (HTTP 429): the whole tenant waits this long. */
    record RateLimited(Duration retryAfter) implements SendResult {
    }

    /** A failure worth retrying: a 5xx, a timeout, a dropped connection. */
    record Failed(String reason) implements SendResult {
    }

    /**
     * A failure that retrying cannot fix.
     *
     * @param recipientGone the person cannot be reached at all (user gone, bot blocked or uninstalled)
     */
    record Rejected(String reason, boolean recipientGone) implements SendResult {
    }
}
