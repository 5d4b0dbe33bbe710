package io.uptake.metrics;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The service's scorecards: the metrics computed from the database. */
@Factory
public class ScorecardSources {

    @Singleton
    ScorecardSource computed(ComputeScorecard compute) {
        return compute::forWeek;
    }
}
