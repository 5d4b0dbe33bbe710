package io.uptake.connect.graph;

import io.uptake.delivery.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that waits for nothing and keeps how long it was asked to wait. */
final class RecordingSleeper extends Sleeper {

    private final Clock clock;
    private final List<Duration> waits = new ArrayList<>();

    RecordingSleeper(Clock clock) {
        super(clock);
        this.clock = clock;
    }

    @Override
    public synchronized void sleepUntil(Instant instant) {
        waits.add(Duration.between(clock.instant(), instant));
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
