package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * The adoption scorecard of some programmes for one ISO week (e.g. {@code 2026-W47}), usually the last complete
 * one (see {@link IsoWeek}). Digests, the API, the CSV exports and chat commands all read this.
 *
 * @param soFar whether the week is still running where it is read, so its figures are the week so far (partial)
 * @param asOf  for a week still running, the day (UTC) its figures run to, today; null for a complete week
 */
@Serdeable
public record Scorecard(String week, List<ProgrammeScore> programmes, boolean soFar, @Nullable LocalDate asOf) {

    public Scorecard {
        programmes = List.copyOf(programmes);
        asOf = soFar ? asOf : null;
    }

    /** The scorecard of a complete week. */
    public Scorecard(String week, List<ProgrammeScore> programmes) {
        this(week, programmes, false, null);
    }

    /** The scorecard of a week said to be running (or not), without the day its figures run to. */
    public Scorecard(String week, List<ProgrammeScore> programmes, boolean soFar) {
        this(week, programmes, soFar, null);
    }

    /** The same figures, said to be of a week still running (or not); a running week keeps its {@code asOf}. */
    public Scorecard soFar(boolean running) {
        return new Scorecard(week, programmes, running, asOf);
    }

    /** The same figures, said to be of a week still running, up to and including {@code day}. */
    public Scorecard runningTo(LocalDate day) {
        return new Scorecard(week, programmes, true, day);
    }

    /** The same scorecard with other programme scores. */
    public Scorecard with(List<ProgrammeScore> newProgrammes) {
        return new Scorecard(week, newProgrammes, soFar, asOf);
    }
}
