package io.uptake.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
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

    private record Shared(LocalDate weekStart, Instant computedAt, Scorecard scorecard) {
    }

    private final ComputeScorecard compute;
    private final Clock clock;
    private final Duration keepFor;
    private Shared shared;

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
        if (shared == null || !shared.weekStart().equals(weekStart) || now.isBefore(shared.computedAt())
                || !now.isBefore(shared.computedAt().plus(keepFor))) {
            shared = new Shared(weekStart, now, compute.forWeek(weekStart, List.of()));
        }
        return shared.scorecard();
    }
}
