package io.uptake.digest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.uptake.metrics.Figure;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.ScorecardSources;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WeekPoint;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the computed metrics in digest tests: each programme asked for has a healthy workflow and one
 * whose trust is suppressed this week and in two weeks of its history. Records what it was asked.
 */
@Singleton
@Replaces(bean = ScorecardSource.class, factory = ScorecardSources.class)
@Requires(property = "uptake.test.fixed-scorecards", value = "true")
public class FixedScorecards implements ScorecardSource {

    /** One request for a scorecard. */
    public record Asked(LocalDate weekStart, List<String> programmeIds) {
    }

    private final List<Asked> asked = new ArrayList<>();

    @Override
    public synchronized Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
        asked.add(new Asked(weekStart, List.copyOf(programmeIds)));
        List<ProgrammeScore> programmes = programmeIds.stream().map(id -> Scores.programme(id, "Programme " + id,
                Verdict.EMERGING, List.of(Scores.workflow(id + "-triage", "AI-assisted claims triage").build(),
                        Scores.workflow(id + "-fraud", "Fraud review").trust(Figure.suppressed(Figure.Source.PULSE),
                                Figure.suppressed(Figure.Source.PULSE)).history(suppressedWeeks()).build())))
                .toList();
        return new Scorecard(new DigestWeek(weekStart).name(), programmes);
    }

    public synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    static List<WeekPoint> suppressedWeeks() {
        List<WeekPoint> weeks = new ArrayList<>(Scores.history(12));
        weeks.set(10, new WeekPoint(weeks.get(10).week(), weeks.get(10).wauPercent(),
                Figure.suppressed(Figure.Source.PULSE)));
        weeks.set(11, new WeekPoint(weeks.get(11).week(), weeks.get(11).wauPercent(),
                Figure.suppressed(Figure.Source.PULSE)));
        return weeks;
    }
}
