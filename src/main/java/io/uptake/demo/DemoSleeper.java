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
 * a sending slot moves it on instead of sleeping; afterwards it waits as it always does.
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
        } else {
            super.sleepUntil(instant);
        }
    }
}
