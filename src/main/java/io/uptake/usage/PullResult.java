package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * What one pull from an AI tool read and stored.
 *
 * @param from             the first day asked for: the day two before the source's cursor, or the habit window's
 *                         first Monday on the first pull
 * @param to               the last day asked for, today (UTC)
 * @param stored           events stored now: one per workflow, person and day
 * @param alreadyStored    events this source had stored before in the same state, not stored again
 * @param unknownPeople    people the tool named whom Uptake does not know; they are not created
 * @param deliveredThrough the newest day the source has delivered ("data as of"), null while it has delivered none
 * @param anonymised       the tool hid who its users are: nothing could be counted, and nothing was stored
 * @param notes            what else an admin should know: the tool's own notes, rows refused, no workflow reading it
 */
@Serdeable
public record PullResult(String source, LocalDate from, LocalDate to, int stored, int alreadyStored,
                         UnknownPeople unknownPeople, @Nullable LocalDate deliveredThrough, boolean anonymised,
                         List<String> notes) {

    public PullResult {
        notes = List.copyOf(notes);
    }
}
