package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The adoption scorecard of some programmes for one ISO week (e.g. {@code 2026-W47}), the week that ended most
 * recently before it was computed. Digests, the API, the CSV exports and chat commands all read this.
 */
@Serdeable
public record Scorecard(String week, List<ProgrammeScore> programmes) {

    public Scorecard {
        programmes = List.copyOf(programmes);
    }
}
