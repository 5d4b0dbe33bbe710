package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One computation of every programme, shared by requests for some of them until the data changes. */
class SharedScorecardsTest {

    static final LocalDate W46 = LocalDate.parse("2026-11-09");
    static final LocalDate W47 = LocalDate.parse("2026-11-16");

    /** Counts the computations it is asked for; scores two programmes, or those named. */
    static final class CountingCompute extends ComputeScorecard {
        final List<String> asked = new ArrayList<>();

        CountingCompute() {
            super(null, null, MetricsSettings.defaults(), null, CohortSettings.defaults(), null, null, null, null);
        }

        @Override
        public Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
            asked.add(weekStart + " " + programmeIds);
            List<String> ids = programmeIds.isEmpty() ? List.of("a", "b") : programmeIds;
            return new Scorecard(weekStart.toString(), ids.stream().map(id -> new ProgrammeScore(id, id, null,
                    Verdict.ACTIVITY, List.of("x"), Figure.noData(Figure.Source.CATALOGUE), List.of())).toList());
        }
    }

    final AtomicLong version = new AtomicLong();
    final CountingCompute compute = new CountingCompute();
    final SharedScorecards shared = new SharedScorecards(compute, version::get);

    @Test
    void requestsCloseInTimeShareOneComputationAndEachGetsItsOwnProgrammes() {
        Scorecard a = shared.forWeek(W46, List.of("a"));
        Scorecard b = shared.forWeek(W46, List.of("b"));

        assertThat(compute.asked).containsExactly(W46 + " []");
        assertThat(a.programmes()).extracting(ProgrammeScore::programmeId).containsExactly("a");
        assertThat(b.programmes()).extracting(ProgrammeScore::programmeId).containsExactly("b");
    }

    @Test
    void aWriteToTheDataMakesTheNextRequestComputeAgainHoweverSoon() {
        shared.forWeek(W46, List.of("a"));
        shared.forWeek(W46, List.of("b"));
        version.incrementAndGet();
        shared.forWeek(W46, List.of("a"));

        assertThat(compute.asked).containsExactly(W46 + " []", W46 + " []");
    }

    @Test
    void twoWeeksAreKeptSideBySide() {
        shared.forWeek(W46, List.of("a"));
        shared.forWeek(W47, List.of("a"));
        shared.forWeek(W46, List.of("b"));

        assertThat(compute.asked).containsExactly(W46 + " []", W47 + " []");
    }

    @Test
    void aProgrammeTheSharedScorecardLacksIsComputedOnItsOwn() {
        Scorecard retired = shared.forWeek(W46, List.of("retired"));

        assertThat(compute.asked).containsExactly(W46 + " []", W46 + " [retired]");
        assertThat(retired.programmes()).extracting(ProgrammeScore::programmeId).containsExactly("retired");
    }
}
