package io.uptake.metrics;

import io.micronaut.context.annotation.Factory;
import io.uptake.storage.FigureVersion;
import jakarta.inject.Singleton;

/**
 * The service's scorecards: the metrics computed from the database, shared while the data stays the same, with
 * each workflow's freshness judged at every read ({@link StampFreshness}), since it changes with the calendar.
 */
@Factory
public class ScorecardSources {

    @Singleton
    ScorecardSource computed(ComputeScorecard compute, FigureVersion version, StampFreshness freshness) {
        ScorecardSource shared = new SharedScorecards(compute, version::current);
        return (weekStart, programmeIds) -> freshness.stamp(shared.forWeek(weekStart, programmeIds));
    }
}
