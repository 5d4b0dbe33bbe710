package io.uptake.demo;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.uptake.delivery.Sleeper;
import io.uptake.time.DemoClock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The dispatcher's pacing wait in demo mode: while the demo's year is played the clock stands still, so a wait for
 * a sending slot moves it on instead of sleeping; afterwards it does not wait at all. The demo sends only to the
 * chat simulator, which has no rate limit, and the slots the played year reserved may lie minutes past the real
 * time (the year ends with the last complete week, which may have ended minutes ago): waiting for them hung the
 * demo's first round after seeding.
 */
@Singleton
@Replaces(Sleeper.class)
@Requires(property = "uptake.demo", value = "true")
class DemoSleeper extends Sleeper {

    private final DemoClock clock;

    DemoSleeper(Clock clock) {
        super(clock);
        this.clock = (DemoClock) clock;
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
        if (clock.standing()) {
            clock.travelTo(instant);
        }
        // following the system clock: the simulator takes every message at once
    }
}
