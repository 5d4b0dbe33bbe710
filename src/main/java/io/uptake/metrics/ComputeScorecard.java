package io.uptake.metrics;

import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.UsageSpec;
import io.uptake.catalog.Workflow;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Computes the scorecard of an ISO week for some programmes (all active ones when the list is empty). */
@Singleton
public class ComputeScorecard {

    private final DataSource dataSource;
    private final CatalogState catalog;
    private final MetricsSettings settings;
    private final ScoreWorkflow scoreWorkflow;
    private final Verdicts verdicts;
    private final CohortSettings cohortSettings;
    private final ScoreCohorts scoreCohorts;
    private final ScoreCost scoreCost;
    private final ScoreBlockers scoreBlockers;
    private final ScoreDrift scoreDrift;
    private final ScoreCalibration scoreCalibration;
    private final ScoreStakeholders scoreStakeholders;
    private final ScoreProgrammeOwnership scoreOwnership;
    private final ScoreEffect scoreEffect;
    private final ScoreOutcomeEffect scoreOutcomeEffect;
    private final ScoreSequencing scoreSequencing;

    ComputeScorecard(DataSource dataSource, CatalogState catalog, MetricsSettings settings, Anonymity anonymity,
                     CohortSettings cohortSettings, ScoreBlockers scoreBlockers, ScoreDrift scoreDrift,
                     ScoreCalibration scoreCalibration, ScoreStakeholders scoreStakeholders) {
        this(dataSource, catalog, settings, anonymity, cohortSettings, scoreBlockers, scoreDrift, scoreCalibration,
                scoreStakeholders, OutcomeGapSettings.defaults());
    }

    ComputeScorecard(DataSource dataSource, CatalogState catalog, MetricsSettings settings, Anonymity anonymity,
                     CohortSettings cohortSettings, ScoreBlockers scoreBlockers, ScoreDrift scoreDrift,
                     ScoreCalibration scoreCalibration, ScoreStakeholders scoreStakeholders,
                     OutcomeGapSettings outcomeGap) {
        this(dataSource, catalog, settings, anonymity, cohortSettings, scoreBlockers, scoreDrift, scoreCalibration,
                scoreStakeholders, outcomeGap, new ScoreProgrammeOwnership(ProgrammeOutcomeAgeSettings.defaults(),
                outcomeGap),
                new ScoreSequencing(catalog));
    }

    @Inject
    ComputeScorecard(DataSource dataSource, CatalogState catalog, MetricsSettings settings, Anonymity anonymity,
                     CohortSettings cohortSettings, ScoreBlockers scoreBlockers, ScoreDrift scoreDrift,
                     ScoreCalibration scoreCalibration, ScoreStakeholders scoreStakeholders,
                     OutcomeGapSettings outcomeGap, ScoreProgrammeOwnership scoreOwnership,
                     ScoreSequencing scoreSequencing) {
        this.scoreOwnership = scoreOwnership;
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.settings = settings;
        this.verdicts = new Verdicts(settings, outcomeGap);
        this.scoreWorkflow = new ScoreWorkflow(anonymity, verdicts, outcomeGap);
        this.cohortSettings = cohortSettings;
        this.scoreCohorts = new ScoreCohorts(anonymity, cohortSettings);
        this.scoreCost = new ScoreCost(anonymity);
        this.scoreBlockers = scoreBlockers;
        this.scoreDrift = scoreDrift;
        this.scoreCalibration = scoreCalibration;
        this.scoreStakeholders = scoreStakeholders;
        this.scoreEffect = new ScoreEffect(EffectRules.of(settings), anonymity);
        this.scoreOutcomeEffect = new ScoreOutcomeEffect(EffectRules.of(settings));
        this.scoreSequencing = scoreSequencing;
    }

    /**
     * Scores the programmes and workflows live during the week (retired ones too, if they were retired after it
     * began), each as it stood then.
     *
     * @param weekStart the Monday of the ISO week to score
     * @param programmeIds programme ids, or empty for every programme live during the week
     */
    @ReadOnly
    public Scorecard forWeek(LocalDate weekStart, List<String> programmeIds) {
        LocalDate monday = IsoWeek.monday(weekStart);
        Window window = new Window(monday, Math.max(settings.habitWeeks(), 5));
        Optional<Catalog> file = catalog.catalog();
        CheckinPolicy policy = file.map(c -> c.checkins()).orElse(CheckinPolicy.DEFAULT);
        try (Connection c = dataSource.getConnection()) {
            List<CatalogueReads.ProgrammeFacts> programmes = CatalogueReads.read(c, programmeIds, monday);
            List<String> active = programmes.stream().flatMap(p -> p.workflows().stream())
                    .filter(w -> w.liveDuring(monday)).map(CatalogueReads.WorkflowFacts::id).toList();
            Map<String, UsageReads.UsageFacts> usage = UsageReads.read(c, active, window, settings.habitMinWeeks());
            Map<String, int[]> audiences = AudienceSizes.read(c, active, window);
            Map<String, List<WaveReads.WaveFacts>> waves = WaveReads.read(c, active, window);
            Map<Long, String> rolledOut = new HashMap<>();
            waves.values().stream().filter(WaveReads::rolledOut).flatMap(List::stream)
                    .forEach(wave -> rolledOut.put(wave.audienceId(), wave.workflowId()));
            Map<Long, UsageReads.UsageFacts> waveUsage = UsageReads.readByWave(c,
                    rolledOut.values().stream().distinct().toList(), window, settings.habitMinWeeks(), rolledOut);
            Map<String, AnswerReads.AnswerFacts> answers = AnswerReads.read(c, active, window);
            Map<Long, WaveAnswers.Facts> waveAnswers = WaveAnswers.read(c, WaveAnswers.all(waves), window);
            Map<String, CheckinReads.CheckinFacts> checkins = CheckinReads.read(c, active);
            Map<String, OutcomeValueReads.Measured> measured = OutcomeValueReads.latest(c, active,
                    window.end().minusDays(1));
            Map<String, CohortReads.CohortFacts> cohorts = CohortReads.read(c, active, monday, cohortSettings);
            Map<String, SeatCost> costs = seatCosts(c, file, active, monday);
            Map<String, Blockers> blockers = scoreBlockers.score(c, active, window);
            Map<String, StakeholderPulse> stakeholders = scoreStakeholders.score(c, programmes, monday);
            Map<String, ScoreProgrammeOwnership.Facts> ownership = ScoreProgrammeOwnership.read(c,
                    programmes.stream().map(CatalogueReads.ProgrammeFacts::id).toList(), window.end().minusDays(1));
            Map<String, Effect> effects = scoreEffect.score(c, active, monday);
            Map<String, ScoreEffect.Sampled> sampled = scoreEffect.sampled(c, active, monday);
            Map<String, OutcomeEffect> outcomeEffects = scoreOutcomeEffect.score(c, programmes.stream()
                    .flatMap(p -> p.workflows().stream()).filter(w -> w.liveDuring(monday)).toList(), waves, window);
            List<ProgrammeScore> scores = new ArrayList<>();
            for (CatalogueReads.ProgrammeFacts p : programmes) {
                List<CatalogueReads.WorkflowFacts> live = p.workflows().stream().filter(w -> w.liveDuring(monday))
                        .toList();
                Map<String, WorkflowScore> scored = new LinkedHashMap<>();
                for (CatalogueReads.WorkflowFacts w : live) {
                    scored.put(w.id(), scoreWorkflow.score(w, usage.get(w.id()), answers.get(w.id()),
                            checkins.get(w.id()), measured.get(w.id()), window, policy,
                            audiences.getOrDefault(w.id(), new int[window.weeks()]), waves.get(w.id()))
                            .with(scoreCohorts.score(cohorts.get(w.id()), usage.get(w.id()), window),
                                    costs.get(w.id()))
                            .withWaves(scoreWorkflow.waves(waves.get(w.id()), waveUsage, waveAnswers, window)));
                    scored.put(w.id(), scoreEffect.baseline(scored.get(w.id()), w.cycleBaselineMinutes(),
                            sampled.get(w.id())));
                }
                Map<String, Drift> drift = scoreDrift.score(c, live, scored, cohorts, window);
                Map<String, ScoreSequencing.Sequencing> sequencing = scoreSequencing.score(c, live, scored, window);
                List<WorkflowScore> workflows = scored.values().stream().map(w -> w.withSignals(
                        blockers.get(w.workflowId()), drift.get(w.workflowId()), scoreCalibration.score(w))
                        .withEffect(effects.get(w.workflowId()))
                        .withOutcomeEffect(outcomeEffects.get(w.workflowId())))
                        .map(w -> operatingModel(w, sequencing.getOrDefault(w.workflowId(),
                                ScoreSequencing.Sequencing.NONE))).toList();
                ProgrammeScore judged = scoreOwnership.score(programme(p, workflows, window.end()),
                        ownership.get(p.id()), p.workflows(), window.end().minusDays(1), policy);
                scores.add(judged.withStakeholders(stakeholders.get(p.id())));
            }
            return new Scorecard(IsoWeek.format(monday), scores);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scorecard's data", e);
        }
    }

    private static WorkflowScore operatingModel(WorkflowScore w, ScoreSequencing.Sequencing s) {
        return w.withOperatingModel(s.decision(), s.reasons(), s.flags());
    }

    /**
     * The seat cost of each scored workflow whose {@code usage.source} has seats in the programmes file in force,
     * by workflow id. A tool's users are counted over every workflow the file gives that source, scored or not.
     */
    private Map<String, SeatCost> seatCosts(Connection c, Optional<Catalog> file, List<String> scored,
                                            LocalDate monday) throws SQLException {
        Map<String, SeatCost> costs = new HashMap<>();
        if (file.isEmpty()) {
            return costs;
        }
        Map<String, List<String>> byTool = new HashMap<>();
        for (Workflow w : file.get().workflows()) {
            w.usage().map(UsageSpec::source).filter(file.get().tools()::containsKey)
                    .ifPresent(tool -> byTool.computeIfAbsent(tool, k -> new ArrayList<>()).add(w.id()));
        }
        for (Map.Entry<String, List<String>> tool : byTool.entrySet()) {
            List<String> ids = tool.getValue().stream().filter(scored::contains).toList();
            if (!ids.isEmpty()) {
                SeatCost cost = scoreCost.score(file.get().tools().get(tool.getKey()),
                        ToolReads.read(c, tool.getValue(), monday), monday);
                ids.forEach(id -> costs.put(id, cost));
            }
        }
        return costs;
    }

    /** Pilot → production counts every workflow ever in pilot, retired ones too, by the end of the week. */
    private ProgrammeScore programme(CatalogueReads.ProgrammeFacts p, List<WorkflowScore> workflows, LocalDate end) {
        int pilots = 0;
        int promoted = 0;
        for (CatalogueReads.WorkflowFacts w : p.workflows()) {
            LocalDate pilot = w.firstDay("pilot");
            if (pilot != null && pilot.isBefore(end)) {
                pilots++;
                LocalDate production = w.firstDay("production");
                if (production != null && production.isBefore(end)) {
                    promoted++;
                }
            }
        }
        Figure share = pilots == 0 ? Figure.noData(Figure.Source.CATALOGUE)
                : Figure.shown(ScoreWorkflow.percent(promoted, pilots), pilots, Figure.Source.CATALOGUE);
        Verdicts.Judged judged = verdicts.programme(workflows, share, pilots, promoted);
        return new ProgrammeScore(p.id(), p.name(), p.sponsorEmail(), judged.verdict(), judged.reasons(), share,
                workflows);
    }
}
