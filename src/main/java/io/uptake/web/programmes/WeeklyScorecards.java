package io.uptake.web.programmes;

import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import io.uptake.storage.FigureVersion;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every programme's scorecard for a run of past weeks, for the dashboard's trends and a workflow's year of history.
 * Each week is computed as the digest computes it ({@link ScorecardSource#forWeek}), so a trend shows the very
 * figures each week's digest showed, anonymity rules included. A year is 52 computations, so weeks are kept for as
 * long as the data's version ({@link FigureVersion}) stands: any write to the figures' tables forgets them all, and
 * the next page computes the weeks it needs again.
 */
@Singleton
class WeeklyScorecards {

    /** About two years of weeks: the most one version keeps (a year of history from any week of the year). */
    private static final int KEPT = 110;

    private final ScorecardSource source;
    private final FigureVersion version;
    private final Map<LocalDate, Scorecard> kept = new ConcurrentHashMap<>();
    private long keptVersion = Long.MIN_VALUE;

    WeeklyScorecards(ScorecardSource source, FigureVersion version) {
        this.source = source;
        this.version = version;
    }

    /** The scorecard of every programme for the week starting {@code monday}. */
    Scorecard week(LocalDate monday) {
        // Read before computing: a write committed meanwhile moves the version on, so the result is not kept past it.
        long now = version.current();
        synchronized (this) {
            if (now != keptVersion) {
                kept.clear();
                keptVersion = now;
            }
            Scorecard card = kept.get(monday);
            if (card != null) {
                return card;
            }
        }
        Scorecard card = source.forWeek(monday, List.of());
        synchronized (this) {
            if (keptVersion == now && kept.size() < KEPT) {
                kept.put(monday, card);
            }
        }
        return card;
    }

    /** The scorecards of {@code count} weeks ending with the week of {@code last}, oldest first. */
    List<Scorecard> weeks(LocalDate last, int count) {
        List<Scorecard> cards = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            cards.add(week(last.minusWeeks(i)));
        }
        return cards;
    }
}
