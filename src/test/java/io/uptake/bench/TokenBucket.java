package io.uptake.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Admits requests at a steady rate with a small burst allowance, the way a platform enforces a rate limit.
 *
 * <p>A bucket of {@code burst} tokens, refilled at {@code perSecond} tokens a second; each admitted request takes
 * one, and the bucket starts full. It is kept as the moment the bucket will be full again, in whole nanoseconds,
 * so that admitting exactly at the rate never fails on rounding.
 */
public final class TokenBucket {

    private final long nanosPerToken;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    private long fullAt;

    public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.nanosPerToken = Math.round(1e9 / perSecond);
        this.burstNanos = (burst - 1) * nanosPerToken;
        this.nanoTime = nanoTime;
        this.fullAt = nanoTime.getAsLong();
    }

    /** Takes a token if there is one: returns zero when the request is admitted, else how long until a token. */
    public synchronized Duration tryTake() {
        long now = nanoTime.getAsLong();
        long owed = Math.max(fullAt, now) - now;
        if (owed > burstNanos) {
            return Duration.ofNanos(owed - burstNanos);
        }
        fullAt = now + owed + nanosPerToken;
        return Duration.ZERO;
    }
}
