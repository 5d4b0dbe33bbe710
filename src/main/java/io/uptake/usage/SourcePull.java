package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * What one pull read from a tool.
 *
 * @param deliveredThrough the newest day the tool has reported in full ("data as of"), null when it reported none
 * @param anonymised       whether the tool hid who the users are (Microsoft 365's concealed-names setting): then its
 *                         rows name nobody and nothing can be counted, which must be said rather than counted as 0
 * @param notes            what an admin should know about this pull (a day not yet published, a page retried)
 */
public record SourcePull(List<SourceActivity> activity, @Nullable LocalDate deliveredThrough,
                         boolean anonymised, List<String> notes) {

    public SourcePull {
        activity = List.copyOf(activity);
        notes = List.copyOf(notes);
    }
}
