package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The adoption scorecard of some programmes for one ISO week (e.g. {@code 2026-W47}), usually the last complete
 * one (see {@link IsoWeek}). Digests, the API, the CSV exports and chat commands all read this.
 *
 * @param soFar whether the week is still running where it is read, so its figures are the week so far
 */
@Serdeable
public record Scorecard(String week, List<ProgrammeScore> programmes, boolean soFar) {

    public Scorecard {
        programmes = List.copyOf(programmes);
    }

    /** The scorecard of a complete week. */
    public Scorecard(String week, List<ProgrammeScore> programmes) {
        this(week, programmes, false);
    }

    /** The same figures, said to be of a week still running (or not). */
    public Scorecard soFar(boolean running) {
        return new Scorecard(week, programmes, running);
    }
}
