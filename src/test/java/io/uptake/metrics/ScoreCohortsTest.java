package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which shares of a week's cohorts may be shown beside each other, from counts worked out here. */
class ScoreCohortsTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");
    final Window window = new Window(MONDAY, 12);
    final ScoreCohorts score = new ScoreCohorts(new Anonymity(MetricsSettings.defaults()), CohortSettings.defaults());

    /** Telemetry in the scored week, flowing since long before the window. */
    private UsageReads.UsageFacts telemetry() {
        boolean[] present = new boolean[12];
        present[11] = true;
        return new UsageReads.UsageFacts(new int[12], present, new int[12], new int[12], 0,
                UsageReads.HabitBasis.NONE, MONDAY.minusWeeks(30), MONDAY.minusWeeks(30));
    }

    @Test
    void stoppingIsHiddenWhenNoneLessThoseWhoStoppedIsASmallGroup() {
        // 20 members: 8 none, 6 light, 6 moderate; 6 of the 8 stopped, so none less them is 2.
        CohortReads.CohortFacts facts = new CohortReads.CohortFacts(20, 20, new int[] {8, 6, 6, 0}, 0, 0, 6,
                new int[4], 0, 0);

        Cohorts cohorts = score.score(facts, telemetry(), window);

        assertThat(cohorts.none()).isEqualTo(Figure.shown(40, 20, Figure.Source.TELEMETRY));
        assertThat(cohorts.triedAndStopped()).isEqualTo(Figure.suppressed(Figure.Source.TELEMETRY));
    }

    @Test
    void passiveIsHiddenWhenThoseWithoutTelemetryAreASmallGroup() {
        // 20 members: 8 none, of whom 5 passive and 3 with no telemetry at all.
        CohortReads.CohortFacts facts = new CohortReads.CohortFacts(20, 20, new int[] {8, 6, 6, 0}, 5, 5, 0,
                new int[4], 0, 0);

        assertThat(score.score(facts, telemetry(), window).passive())
                .isEqualTo(Figure.suppressed(Figure.Source.TELEMETRY));
    }

    @Test
    void aWeekWithNeitherTelemetryNorReportsHasNoCohorts() {
        UsageReads.UsageFacts nothing = new UsageReads.UsageFacts(new int[12], new boolean[12], new int[12],
                new int[12], 0, UsageReads.HabitBasis.NONE, null, null);

        assertThat(score.score(CohortReads.CohortFacts.NONE, nothing, window).none().state())
                .isEqualTo(Figure.State.NO_DATA);
    }
}
