package io.uptake.delivery;

import io.micronaut.context.annotation.Replaces;
import io.uptake.time.MutableClock;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Pacing in tests: instead of waiting, moves the test clock to the moment the send may happen; with a clock that
 * follows the system clock it really waits, as the service does. A test that needs sends really waiting for their
 * slot on a standing clock sets {@code uptake.test.real-sleeper=true}.
 */
@Requires(env = Environment.TEST)
@Requires(property = "uptake.test.real-sleeper", notEquals = "true")
@Requires(property = "uptake.demo", notEquals = "true")
@Singleton
@Replaces(Sleeper.class)
class ClockSleeper extends Sleeper {

    private final MutableClock clock;

    ClockSleeper(MutableClock clock) {
        super(clock);
        this.clock = clock;
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
        if (clock.followsSystem()) {
            super.sleepUntil(instant);
        } else if (instant.isAfter(clock.instant())) {
            clock.set(instant);
        }
    }
}
