package io.uptake.usage;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What became of a telemetry batch.
 *
 * @param accepted      rows stored
 * @param rejected      rows refused, each with the field at fault and why
 * @param unknownPeople emails or chat ids that match nobody Uptake knows; their rows are not stored and nobody is
 *                      created for them
 * @param duplicate     true when this batch key was taken in before: this is the first answer again, and nothing
 *                      was stored this time
 */
@Serdeable
public record BatchResult(String batch, int accepted, List<RowError> rejected, List<String> unknownPeople,
                          boolean duplicate) {

    public BatchResult {
        rejected = List.copyOf(rejected);
        unknownPeople = List.copyOf(unknownPeople);
    }

    BatchResult asDuplicate() {
        return new BatchResult(batch, accepted, rejected, unknownPeople, true);
    }

    /** One refused row. */
    @Serdeable
    public record RowError(int row, String field, String message) {
    }
}
