package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One usage source's freshness and cursor: the newest day it delivered, and how its last pull or upload went.
 *
 * @param source           {@code github-copilot}, {@code microsoft-365-copilot}, {@code csv:<profile>} or
 *                         {@value UsageSources#FILE} for telemetry posted as files
 * @param deliveredThrough the newest day the source has delivered ("data as of"); it never moves backwards
 * @param lastError        why the last attempt delivered nothing; null after a delivery
 * @param anonymised       whether the last pull found the source hiding who its users are
 * @param lastStored       the events the last delivery stored
 */
@MappedEntity(value = "usage_source", escape = false)
record UsageSourceRow(@Id String source, @Nullable LocalDate deliveredThrough, @Nullable Instant lastAttemptAt,
                      @Nullable Instant lastSuccessAt, @Nullable String lastError, boolean anonymised,
                      int lastStored) {

    /** The row after a delivery: the cursor moves forward only, the error is cleared. */
    UsageSourceRow delivered(Instant at, @Nullable LocalDate through, int stored) {
        LocalDate newest = deliveredThrough == null || (through != null && through.isAfter(deliveredThrough))
                ? through : deliveredThrough;
        return new UsageSourceRow(source, newest, at, at, null, false, stored);
    }

    /** The row after a pull that found the users hidden: nothing delivered, and why. */
    UsageSourceRow anonymised(Instant at, String why) {
        return new UsageSourceRow(source, deliveredThrough, at, lastSuccessAt, why, true, 0);
    }

    /** The row after an attempt that delivered nothing; the cursor and the last delivery stay. */
    UsageSourceRow failed(Instant at, String why) {
        return new UsageSourceRow(source, deliveredThrough, at, lastSuccessAt, why, anonymised, lastStored);
    }
}
