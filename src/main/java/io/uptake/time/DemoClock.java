package io.uptake.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service clock in demo mode: it stands at the instants the demo's seeder moves it to while a year is played
 * through the service, then follows the system clock for good.
 *
 * <p>Standing still between moves keeps the seeded year the same on every run; the seeder only ever moves it
 * forwards, so nothing the service wrote can appear to come from the future.
 */
public final class DemoClock extends Clock {

    /** The instant it stands at; null once it follows the system clock. */
    private volatile Instant standing;

    /** A clock that follows the system clock until {@link #travelTo} stops it. */
    public DemoClock() {
        this.standing = null;
    }

    /** Stops the clock at {@code instant}, or moves it on there; an earlier instant is ignored. */
    public synchronized void travelTo(Instant instant) {
        if (standing == null || instant.isAfter(standing)) {
            standing = instant;
        }
    }

    /** The latest instant it stood at: once it follows the system clock it never shows an earlier one. */
    private volatile Instant floor = Instant.EPOCH;

    /**
     * Lets the clock run with the system clock from now on. If the played year ended ahead of the real time (pacing
     * moves the clock on by the sending slots it waited for), the clock stays at that instant until the real time
     * catches up, so time never runs backwards.
     */
    public synchronized void followSystem() {
        if (standing != null) {
            floor = standing;
        }
        standing = null;
    }

    /** Whether the clock stands still (a year is being played). */
    public boolean standing() {
        return standing != null;
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
        Instant at = standing;
        if (at != null) {
            return at;
        }
        Instant now = Instant.now();
        return now.isBefore(floor) ? floor : now;
    }
}
