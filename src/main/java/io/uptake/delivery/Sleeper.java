package io.uptake.delivery;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until an instant on the service clock; the one place the dispatcher's pacing really waits. */
@Singleton
public class Sleeper {

    private final Clock clock;

    public Sleeper(Clock clock) {
        this.clock = clock;
    }

    public void sleepUntil(Instant instant) throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), instant);
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        }
    }
}
