package io.uptake.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand.
 *
 * <p>It either stands still between moves, or ({@link #followingSystem}) runs with the system clock, shifted by
 * each move: for tests that measure real rates against a real platform limit, where time must pass.
 */
public final class MutableClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    private final boolean follows;
    private volatile Instant now;
    private volatile Duration shift = Duration.ZERO;

    public MutableClock(Instant now) {
        this.now = now;
        this.follows = false;
    }

    private MutableClock() {
        this.now = null;
        this.follows = true;
    }

    /** A clock that runs with the system clock; {@link #set} and {@link #advance} shift it. */
    public static MutableClock followingSystem() {
        return new MutableClock();
    }

    /** True when this clock runs by itself, so waiting for it means really waiting. */
    public boolean followsSystem() {
        return follows;
    }

    public void set(Instant instant) {
        if (follows) {
            shift = Duration.between(Instant.now(), instant);
        } else {
            now = instant;
        }
    }

    public void advance(Duration duration) {
        if (follows) {
            shift = shift.plus(duration);
        } else {
            now = now.plus(duration);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return follows ? Instant.now().plus(shift) : now;
    }
}
