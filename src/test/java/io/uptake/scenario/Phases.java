package io.uptake.scenario;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time the run spent in each of its phases, printed with the findings so a slow phase shows itself. A phase
 * timed inside another counts only in the inner one, so the phases add up to the run.
 */
final class Phases {

    /** A step of the run that may throw what the run throws. */
    interface Step {
        void run() throws Exception;
    }

    /** A step that returns a value. */
    interface Value<T> {
        T get() throws Exception;
    }

    private final Map<String, long[]> phases = new LinkedHashMap<>();
    /** Per open phase, the wall time of the phases timed inside it. */
    private final Deque<long[]> inner = new ArrayDeque<>();

    /** Runs {@code step}, adding its own wall time (less its inner phases') to {@code phase}. */
    void time(String phase, Step step) throws Exception {
        time(phase, () -> {
            step.run();
            return null;
        });
    }

    /** Returns what {@code step} returns, adding its own wall time (less its inner phases') to {@code phase}. */
    <T> T time(String phase, Value<T> step) throws Exception {
        long start = enter();
        try {
            return step.get();
        } finally {
            leave(phase, start);
        }
    }

    /** {@link #time(String, Step)} for a step that throws nothing checked. */
    void timeQuietly(String phase, Runnable step) {
        long start = enter();
        try {
            step.run();
        } finally {
            leave(phase, start);
        }
    }

    private long enter() {
        inner.push(new long[] {0});
        return System.nanoTime();
    }

    private void leave(String phase, long start) {
        long elapsed = System.nanoTime() - start;
        long[] children = inner.pop();
        long[] total = phases.computeIfAbsent(phase, k -> new long[2]);
        total[0] += elapsed - children[0];
        total[1]++;
        if (!inner.isEmpty()) {
            inner.peek()[0] += elapsed;
        }
    }

    /** One line: each phase's seconds and how often it ran, in the order phases first ran. */
    String report() {
        StringBuilder text = new StringBuilder("Phases:");
        phases.forEach((phase, t) -> text.append(String.format(" %s %.1f s (%d×);", phase, t[0] / 1e9, t[1])));
        return text.append('\n').toString();
    }
}
