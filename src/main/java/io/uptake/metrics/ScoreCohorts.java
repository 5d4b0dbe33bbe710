package io.uptake.metrics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Makes a workflow's cohorts from the counts, every share through {@link Anonymity}, from the source weekly active
 * use takes for the week: telemetry when the week has some (or telemetry flows and nobody reported), else
 * self-reports.
 */
final class ScoreCohorts {

    private final Anonymity anonymity;
    private final CohortSettings days;

    ScoreCohorts(Anonymity anonymity, CohortSettings days) {
        this.anonymity = anonymity;
        this.days = days;
    }

    /**
     * @param usage  the workflow's weekly use, whose scored week decides the source
     * @param window the scorecard's window, whose last week is the scored one
     */
    Cohorts score(CohortReads.CohortFacts facts, UsageReads.UsageFacts usage, Window window) {
        int now = window.current();
        // As ScoreWorkflow.wau chooses the week's source, so the cohorts split the people WAU counts.
        boolean telemetryFeed = usage.firstTelemetryDay() != null
                && usage.firstTelemetryDay().isBefore(window.end());
        if (usage.telemetryPresent()[now] || (telemetryFeed && usage.selfReporters()[now] == 0)) {
            return telemetry(facts, usage.firstTelemetryDay(), window.monday(now));
        }
        if (usage.selfReporters()[now] == 0) {
            return Cohorts.noData(days);
        }
        return selfReported(facts);
    }

    private Cohorts telemetry(CohortReads.CohortFacts facts, LocalDate firstTelemetry, LocalDate monday) {
        Figure.Source source = Figure.Source.TELEMETRY;
        List<Figure> groups = anonymity.cohorts(Arrays.stream(facts.telemetry()).boxed().toList(), source);
        // Tried-and-stopped looks back over 6 weeks: it needs telemetry from the first of them on, or a week
        // before the telemetry began would read as a week nobody used the workflow.
        LocalDate firstWeek = monday.minusWeeks(CohortReads.WEEKS - 1L);
        Figure stopped = firstTelemetry == null || !firstTelemetry.isBefore(firstWeek.plusWeeks(1))
                ? Figure.noData(source) : anonymity.share(facts.telemetryStopped(), facts.atEnd(), source);
        // Those who stopped are part of none, so none less them must not be a small group either.
        if (stopped.isShown() && groups.get(0).isShown() && anonymity.share(facts.telemetry()[0]
                - facts.telemetryStopped(), facts.members(), source).state() == Figure.State.SUPPRESSED) {
            stopped = Figure.suppressed(source);
        }
        return new Cohorts(groups.get(0), groups.get(1), groups.get(2), groups.get(3), stopped,
                passive(facts, groups.get(0)), days.lightMaxDays(), days.moderateMaxDays());
    }

    /**
     * Passive people are part of none: shown only where none is, and where neither they nor the rest of none
     * (members with no telemetry at all) is a small group, so none minus passive gives nobody away.
     */
    private Figure passive(CohortReads.CohortFacts facts, Figure none) {
        Figure.Source source = Figure.Source.TELEMETRY;
        if (facts.zeroRows() == 0) {
            return Figure.noData(source);
        }
        int noTelemetry = facts.telemetry()[0] - facts.passive();
        Figure passive = anonymity.share(facts.passive(), facts.members(), source);
        return !none.isShown() || anonymity.share(noTelemetry, facts.members(), source).state()
                == Figure.State.SUPPRESSED ? Figure.suppressed(source) : passive;
    }

    private Cohorts selfReported(CohortReads.CohortFacts facts) {
        Figure.Source source = Figure.Source.SELF_REPORT;
        List<Figure> groups = anonymity.cohorts(Arrays.stream(facts.self()).boxed().toList(), source);
        return new Cohorts(groups.get(0), groups.get(1), groups.get(2), groups.get(3),
                anonymity.share(facts.selfStopped(), facts.selfRecent(), source), Figure.noData(source),
                days.lightMaxDays(), days.moderateMaxDays());
    }
}
