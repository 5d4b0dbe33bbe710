package io.uptake.metrics;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads whether each workflow's use drifts back: falling WAU, tried-and-stopped, never-started, first quarter. */
@Singleton
class ScoreDrift {

    private final DriftRules rules;
    private final ScoreWorkflow scoreWorkflow;
    private final MetricsSettings settings;

    ScoreDrift(DriftSettings drift, MetricsSettings settings, Anonymity anonymity) {
        this.rules = new DriftRules(drift, settings, anonymity);
        this.scoreWorkflow = new ScoreWorkflow(anonymity, new Verdicts(settings));
        this.settings = settings;
    }

    /**
     * @param live    the workflows scored, as the catalogue stood in the week
     * @param scored  their scores so far, by workflow id (WAU, history and cohorts are in)
     * @param cohorts their cohort counts, behind the tried-and-stopped figure
     */
    Map<String, Drift> score(Connection c, List<CatalogueReads.WorkflowFacts> live, Map<String, WorkflowScore> scored,
                             Map<String, CohortReads.CohortFacts> cohorts, Window window) throws SQLException {
        Map<String, Drift> all = new HashMap<>();
        LocalDate monday = window.monday(window.current());
        Map<String, DriftReads.Facts> people = DriftReads.read(c, live.stream().map(CatalogueReads.WorkflowFacts::id)
                .toList(), monday);
        for (CatalogueReads.WorkflowFacts w : live) {
            WorkflowScore score = scored.get(w.id());
            List<Figure> wau = score.history().stream().map(WeekPoint::wauPercent).toList();
            int falling = DriftRules.fallingWeeks(wau);
            Figure peak = DriftRules.peak(wau, rules.drift().peakWeeks());
            Figure drop = DriftRules.dropFromPeak(score.wauPercent(), peak);
            Figure stopped = score.cohorts().triedAndStopped();
            Figure never = neverStarted(people.getOrDefault(w.id(), DriftReads.Facts.NONE), score, stopped,
                    cohorts.getOrDefault(w.id(), CohortReads.CohortFacts.NONE));
            Drift.FirstQuarter quarter = firstQuarter(c, w, score, window);
            all.put(w.id(), new Drift(falling, peak, drop, stopped, never, quarter,
                    rules.flags(wau, falling, peak, drop, quarter), rules.drift().peakWeeks()));
        }
        return all;
    }

    private Figure neverStarted(DriftReads.Facts facts, WorkflowScore score, Figure stopped,
                                CohortReads.CohortFacts cohorts) {
        Figure.Source source = score.wauPercent().source();
        if (!facts.anyUsage() || facts.atEnd() == 0) {
            return Figure.noData(source);
        }
        boolean telemetry = source == Figure.Source.TELEMETRY;
        int stoppedCount = stopped.source() == Figure.Source.TELEMETRY ? cohorts.telemetryStopped()
                : cohorts.selfStopped();
        return rules.neverStarted(new DriftRules.Counts(facts.atEnd(), facts.never(),
                telemetry ? facts.idleTelemetry() : facts.idleSelf(), stoppedCount), stopped, source);
    }

    /**
     * The first-quarter check, reading each week's WAU as the history does (each week's own team); weeks before
     * the history's window are read from the database.
     */
    private Drift.FirstQuarter firstQuarter(Connection c, CatalogueReads.WorkflowFacts w, WorkflowScore score,
                                            Window window) throws SQLException {
        LocalDate launch = w.firstDay("pilot") != null ? w.firstDay("pilot") : w.firstDay("production");
        LocalDate monday = window.monday(window.current());
        if (launch == null || launch.isAfter(monday.plusDays(6))) {
            return Drift.FirstQuarter.notLaunched();
        }
        LocalDate first = IsoWeek.monday(launch);
        LocalDate last = DriftRules.lastWeek(rules.deadline(launch));
        LocalDate through = last.isBefore(monday) ? last : monday;
        Map<LocalDate, Figure> weeks = new HashMap<>();
        if (!first.isBefore(window.first())) {
            for (int i = 0; i < window.weeks(); i++) {
                weeks.put(window.monday(i), score.history().get(i).wauPercent());
            }
        } else {
            Window quarter = new Window(through, (int) ChronoUnit.WEEKS.between(first, through) + 1);
            UsageReads.UsageFacts usage = UsageReads.read(c, List.of(w.id()), quarter, settings.habitMinWeeks())
                    .get(w.id());
            int[] members = AudienceSizes.read(c, List.of(w.id()), quarter).getOrDefault(w.id(),
                    new int[quarter.weeks()]);
            List<WaveReads.WaveFacts> waves = WaveReads.read(c, List.of(w.id()), quarter).get(w.id());
            for (int i = 0; i < quarter.weeks(); i++) {
                int size = WaveReads.rolledOut(waves) ? WaveReads.team(waves, quarter, i).value()
                        : TeamSize.of(w.targetTeamSize(), members[i], w.emailList()).value();
                weeks.put(quarter.monday(i), scoreWorkflow.wau(size, usage, quarter, i));
            }
        }
        return rules.firstQuarter(launch, monday, m -> weeks.getOrDefault(m, Figure.noData(Figure.Source.SELF_REPORT)));
    }
}
