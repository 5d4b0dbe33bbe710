package io.uptake.schedule;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the test jobs did, so a test can see a job ran and with what, and wait for it without sleeping. */
@Singleton
class Runs {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch first = new CountDownLatch(1);

    void add(String run) {
        seen.add(run);
        first.countDown();
    }

    List<String> seen() {
        return List.copyOf(seen);
    }

    boolean awaitFirst(Duration timeout) throws InterruptedException {
        return first.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
