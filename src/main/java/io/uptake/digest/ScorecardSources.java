package io.uptake.digest;

import io.micronaut.context.annotation.Factory;
import io.uptake.metrics.ComputeScorecard;
import jakarta.inject.Singleton;

/** The service's scorecards for digests: the metrics computed from the database. */
@Factory
class ScorecardSources {

    @Singleton
    ScorecardSource computed(ComputeScorecard compute) {
        return compute::forWeek;
    }
}
