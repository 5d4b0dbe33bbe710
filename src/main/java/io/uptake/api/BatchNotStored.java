package io.uptake.api;

import io.micronaut.serde.annotation.Serdeable;
import io.uptake.usage.BatchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a usage batch of which no row could be stored: why, row by row, and that the key is still free.
 *
 * @param rejected      rows refused, each with the field at fault and why
 * @param unknownPeople emails or chat ids that match nobody Uptake knows
 */
@Serdeable
record BatchNotStored(String message, String batch, int accepted, List<BatchResult.RowError> rejected,
                      List<String> unknownPeople) {

    static BatchNotStored of(BatchResult result) {
        List<String> why = new ArrayList<>();
        if (!result.rejected().isEmpty()) {
            why.add(result.rejected().size() + (result.rejected().size() == 1 ? " row refused" : " rows refused"));
        }
        if (!result.unknownPeople().isEmpty()) {
            why.add(result.unknownPeople().size() + (result.unknownPeople().size() == 1
                    ? " person Uptake does not know" : " people Uptake does not know"));
        }
        return new BatchNotStored("Nothing in batch '" + result.batch() + "' was stored (" + String.join(", ", why)
                + "). The batch key is not used up: correct the rows and send the batch again under the same key.",
                result.batch(), 0, result.rejected(), result.unknownPeople());
    }
}
