package io.uptake.metrics;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Scorecards for the API, the CSV exports, digests, charts, chat and owner alerts: the scorecard of every active
 * programme for a week is computed once per version of the data it is computed from, and each request takes its
 * own programmes from it. Every output of a week therefore shows the same figures at any moment, and a write that
 * changes a figure (a reload, new usage, a new answer) is seen by the next request.
 *
 * <p>Digests usually fire together (Monday morning), and a leaders' digest names many programmes: computing
 * each subscription's scorecard separately would aggregate the same answers once per subscription. A request
 * for a programme the shared scorecard lacks (a retired one) is computed on its own.
 *
 * <p>On several nodes each keeps its own scorecards, under a version all of them read from the database
 * ({@link io.uptake.storage.FigureVersion}): a write through any node moves it on for every node.
 */
public final class SharedScorecards implements ScorecardSource {

    private record Key(LocalDate week, long version) {
    }

    /** A few weeks at most: the last complete week in UTC and in the subscriptions' zones, and a preview's. */
    private static final int WEEKS_KEPT = 4;

    private final ComputeScorecard compute;
    private final LongSupplier version;
    private final Map<Key, Scorecard> shared = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Scorecard> eldest) {
            return size() > WEEKS_KEPT;
        }
    };

    /**
     * @param version the version of the data the figures are computed from, moved on by every write to it
     */
    public SharedScorecards(ComputeScorecard compute, LongSupplier version) {
        this.compute = compute;
        this.version = version;
    }

    @Override
    public Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
        Scorecard all = all(IsoWeek.monday(weekStart));
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

    private synchronized Scorecard all(LocalDate monday) {
        // The version is read before computing: a write committed meanwhile moves it on, so this result is not
        // served after that write.
        Key key = new Key(monday, version.getAsLong());
        Scorecard kept = shared.get(key);
        if (kept == null) {
            shared.keySet().removeIf(k -> k.week().equals(monday));
            kept = compute.forWeek(monday, List.of());
            shared.put(key, kept);
        }
        return kept;
    }
}
