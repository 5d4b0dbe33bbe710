package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * What became of a tool's export posted through a CSV profile.
 *
 * @param stored           events stored now, one per workflow, person and day
 * @param alreadyStored    events this source had stored before (an earlier or overlapping export), not stored again
 * @param notCounted       good rows whose feature no workflow reading this source counts
 * @param rejected         rows refused, each with the column at fault and why
 * @param duplicate        this batch was taken in before: nothing was stored now
 * @param deliveredThrough the newest day this source has delivered ("data as of")
 */
@Serdeable
public record ExportResult(String source, String batch, int stored, int alreadyStored, int notCounted,
                           List<BatchResult.RowError> rejected, UnknownPeople unknownPeople, boolean duplicate,
                           @Nullable LocalDate deliveredThrough) {

    public ExportResult {
        rejected = List.copyOf(rejected);
    }
}
