package io.uptake.metrics;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The service's scorecards: the metrics computed from the database, shared by requests close in time. */
@Factory
public class ScorecardSources {

    @Singleton
    ScorecardSource computed(ComputeScorecard compute, Clock clock,
                             @Value("${uptake.metrics.share-for:10m}") Duration shareFor) {
        return new SharedScorecards(compute, clock, shareFor);
    }
}
