package io.uptake.metrics;

import io.micronaut.context.annotation.Factory;
import io.uptake.storage.FigureVersion;
import jakarta.inject.Singleton;

/** The service's scorecards: the metrics computed from the database, shared while the data stays the same. */
@Factory
public class ScorecardSources {

    @Singleton
    ScorecardSource computed(ComputeScorecard compute, FigureVersion version) {
        return new SharedScorecards(compute, version::current);
    }
}
