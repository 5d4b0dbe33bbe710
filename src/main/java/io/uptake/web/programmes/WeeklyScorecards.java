package io.uptake.web.programmes;

import io.uptake.metrics.ComputeScorecard;
import io.uptake.metrics.RunningWeek;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import io.uptake.storage.FigureVersion;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scorecards for a run of past weeks, for the dashboard's trends and a workflow's year of history. Each week is
 * computed as the digest computes it, so a trend shows the very figures each week's digest showed, anonymity rules
 * included. Weeks are kept for as long as the data's version ({@link FigureVersion}) stands: any write to the
 * figures' tables forgets them all.
 *
 * <p>The programmes page needs every programme's week and takes it from {@link ScorecardSource}, as digests do. A
 * workflow's history needs one programme for up to 52 weeks: computing every programme for each of them took 70 s
 * on a year of 10,000 people's data, so those weeks are computed for the workflow's programme alone (the same
 * computation, {@link ComputeScorecard}, over fewer workflows), unless every programme's week is already kept.
 */
@Singleton
class WeeklyScorecards {

    /** About two years of weeks per map: the most one version keeps. */
    private static final int KEPT = 110;
    private static final int KEPT_PROGRAMME_WEEKS = 1_000;

    private record ProgrammeWeek(String programmeId, LocalDate monday) {
    }

    private final ScorecardSource source;
    private final ComputeScorecard compute;
    private final FigureVersion version;
    private final Map<LocalDate, Scorecard> kept = new ConcurrentHashMap<>();
    private final Map<ProgrammeWeek, Scorecard> keptProgrammes = new ConcurrentHashMap<>();
    private long keptVersion = Long.MIN_VALUE;

    WeeklyScorecards(ScorecardSource source, ComputeScorecard compute, FigureVersion version) {
        this.source = source;
        this.compute = compute;
        this.version = version;
    }

    /** Every programme's scorecards of {@code count} weeks ending with the week of {@code last}, oldest first. */
    List<Scorecard> weeks(LocalDate last, int count) {
        // Read once, before computing: a write committed meanwhile moves it on, so no result is kept past it.
        long now = current();
        List<Scorecard> cards = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            LocalDate monday = last.minusWeeks(i);
            Scorecard card = kept.get(monday);
            if (card == null) {
                card = source.forWeek(monday, List.of());
                keep(now, kept, monday, card, KEPT);
            }
            cards.add(card);
        }
        return cards;
    }

    /** One programme's scorecards of {@code count} weeks ending with the week of {@code last}, oldest first. */
    List<Scorecard> weeks(String programmeId, LocalDate last, int count) {
        long now = current();
        List<Scorecard> cards = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            LocalDate monday = last.minusWeeks(i);
            Scorecard all = kept.get(monday);
            if (all != null) {
                cards.add(new Scorecard(all.week(), all.programmes().stream()
                        .filter(p -> p.programmeId().equals(programmeId)).toList()));
                continue;
            }
            ProgrammeWeek key = new ProgrammeWeek(programmeId, monday);
            Scorecard card = keptProgrammes.get(key);
            if (card == null) {
                card = compute.forWeek(monday, List.of(programmeId));
                keep(now, keptProgrammes, key, card, KEPT_PROGRAMME_WEEKS);
            }
            cards.add(card);
        }
        return cards;
    }

    /**
     * A week's scorecard as read at {@code now}: a week still running in UTC has each workflow's drift judged on the
     * last complete week ({@link RunningWeek}), as the API and the digest preview show it.
     */
    Scorecard asRead(Scorecard card, Instant now) {
        return RunningWeek.asRead(card, source, now);
    }

    private synchronized long current() {
        long now = version.current();
        if (now != keptVersion) {
            kept.clear();
            keptProgrammes.clear();
            keptVersion = now;
        }
        return now;
    }

    private synchronized <K> void keep(long computedAt, Map<K, Scorecard> map, K key, Scorecard card, int limit) {
        if (keptVersion == computedAt && map.size() < limit) {
            map.put(key, card);
        }
    }
}
