package io.uptake.time;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, for something another thread or node does by itself on real time (a clustered Quartz trigger, a
 * node's check-in): polls the condition instead of sleeping a fixed time.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until the condition holds or the time is up; true if it held. */
    public static boolean eventually(Duration max, BooleanSupplier condition) {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return true;
    }
}
