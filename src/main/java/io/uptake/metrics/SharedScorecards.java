package io.uptake.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scorecards for digests, chat and owner alerts: the scorecard of every active programme for a week is computed
 * once and shared for a short while, and each request takes its own programmes from it.
 *
 * <p>Digests usually fire together (Monday morning), and a leaders' digest names many programmes: computing
 * each subscription's scorecard separately would aggregate the same answers once per subscription. A request
 * for a programme the shared scorecard lacks (a retired one) is computed on its own.
 */
public final class SharedScorecards implements ScorecardSource {

    private record Shared(Instant computedAt, Scorecard scorecard) {
    }

    /** A few weeks at most: the last complete week in UTC and in the subscriptions' zones, and a preview's. */
    private static final int WEEKS_KEPT = 4;

    private final ComputeScorecard compute;
    private final Clock clock;
    private final Duration keepFor;
    private final Map<LocalDate, Shared> shared = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Shared> eldest) {
            return size() > WEEKS_KEPT;
        }
    };

    public SharedScorecards(ComputeScorecard compute, Clock clock, Duration keepFor) {
        this.compute = compute;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Override
    public Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
        Scorecard all = all(weekStart);
        if (programmeIds.isEmpty()) {
            return all;
        }
        Set<String> wanted = new HashSet<>(programmeIds);
        List<ProgrammeScore> programmes = all.programmes().stream()
                .filter(p -> wanted.contains(p.programmeId())).toList();
        if (programmes.size() < wanted.size()) {
            return compute.forWeek(weekStart, programmeIds);
        }
        return new Scorecard(all.week(), programmes);
    }

    private synchronized Scorecard all(LocalDate weekStart) {
        Instant now = clock.instant();
        Shared kept = shared.get(weekStart);
        if (kept == null || now.isBefore(kept.computedAt()) || !now.isBefore(kept.computedAt().plus(keepFor))) {
            kept = new Shared(now, compute.forWeek(weekStart, List.of()));
            shared.put(weekStart, kept);
        }
        return kept.scorecard();
    }
}
