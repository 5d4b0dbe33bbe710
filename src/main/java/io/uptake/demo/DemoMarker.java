package io.uptake.demo;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The row that says a database is a demo's ({@code demo_marker}), and which organisation and year it holds.
 *
 * @param seededAt when the seeding ended; null while it runs, or when it was cut short
 */
record DemoMarker(long seed, LocalDate firstMonday, int weeks, Instant startedAt, @Nullable Instant seededAt) {

    boolean seeded() {
        return seededAt != null;
    }
}
