package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effect of going live on each rolled-out workflow's outcome, from the values its system of record measured
 * for each wave's team (posted with {@code "wave"}), by {@link EstimateEffect#estimateByTeam}: each wave's team is
 * a unit, its weekly value the mean of the values measured in that ISO week, its people the wave's target team
 * size (or its members at the end of the scored week when the file gives none). Values up to the end of the
 * scored week and at most {@link ScoreEffect#WEEKS} weeks back count. A wave's go-live week is the ISO week of its
 * {@code go-live}; a wave without one went live with the workflow, from its first week with values.
 */
final class ScoreOutcomeEffect {

    private final EstimateEffect estimator;

    ScoreOutcomeEffect(EffectRules rules) {
        this.estimator = new EstimateEffect(rules);
    }

    /** One measured value of a wave's team. */
    record Value(int wave, LocalDate day, double value) {
    }

    /**
     * The outcome effect of each given workflow that has an outcome and rolls out in waves, by workflow id; absent
     * for the others.
     */
    Map<String, OutcomeEffect> score(Connection c, Collection<CatalogueReads.WorkflowFacts> workflows,
                                     Map<String, List<WaveReads.WaveFacts>> waves, Window window)
            throws SQLException {
        Map<String, OutcomeEffect> effects = new HashMap<>();
        List<CatalogueReads.WorkflowFacts> rolled = workflows.stream().filter(w -> w.outcome() != null)
                .filter(w -> WaveReads.rolledOut(waves.get(w.id()))).toList();
        if (rolled.isEmpty()) {
            return effects;
        }
        Sql.Fragment ids = Sql.in(rolled.stream().map(CatalogueReads.WorkflowFacts::id).toList());
        Map<String, List<Value>> values = new HashMap<>();
        LocalDate from = window.scoredWeek().minusWeeks(ScoreEffect.WEEKS - 1L);
        Sql.query(c, "SELECT workflow_id, wave, day, value FROM read_outcome_wave_value WHERE workflow_id IN ("
                + ids.sql() + ") AND day >= ? AND day < ?", rs -> {
                    BigDecimal value = Sql.decimal(rs, "value");
                    values.computeIfAbsent(rs.getString("workflow_id"), k -> new ArrayList<>())
                            .add(new Value(rs.getInt("wave"), Sql.date(rs, "day"), value.doubleValue()));
                }, ids, from, window.end());
        for (CatalogueReads.WorkflowFacts w : rolled) {
            CatalogueReads.OutcomeFacts o = w.outcome();
            EstimateEffect.ByTeam byTeam = estimate(values.getOrDefault(w.id(), List.of()), waves.get(w.id()),
                    window);
            effects.put(w.id(), new OutcomeEffect(o.metric(), o.unit(), o.direction(), byTeam.teams(),
                    byTeam.effect()));
        }
        return effects;
    }

    /** The effect from the waves' measured values, as of the end of the scored week. */
    EstimateEffect.ByTeam estimate(List<Value> values, List<WaveReads.WaveFacts> waves, Window window) {
        if (waves.stream().map(WaveReads.WaveFacts::wave).distinct().count() < 2) {
            return refused(Effect.Reason.NO_COMPARISON_GROUP, "A single wave: there is no team still waiting to go "
                    + "live to compare with.");
        }
        if (values.isEmpty()) {
            return refused(Effect.Reason.NO_DATA, "No outcome values per wave yet: post each wave's measured values "
                    + "with its \"wave\" number.");
        }
        if (waves.stream().noneMatch(w -> w.liveIn(window.scoredWeek()))) {
            return refused(Effect.Reason.TOO_FEW_WEEKS, "No wave has gone live yet.");
        }
        Map<Integer, WaveReads.WaveFacts> byNumber = new HashMap<>();
        waves.forEach(w -> byNumber.putIfAbsent(w.wave(), w));
        // A wave's weekly value: the mean of the values measured that week.
        Map<Integer, TreeMap<Integer, double[]>> sums = new TreeMap<>();
        int firstWeek = Integer.MAX_VALUE;
        for (Value v : values) {
            if (!byNumber.containsKey(v.wave())) {
                continue;
            }
            int week = ScoreEffect.week(IsoWeek.monday(v.day()));
            firstWeek = Math.min(firstWeek, week);
            double[] sum = sums.computeIfAbsent(v.wave(), k -> new TreeMap<>()).computeIfAbsent(week,
                    k -> new double[2]);
            sum[0] += v.value();
            sum[1]++;
        }
        List<EffectObservation> observations = new ArrayList<>();
        Map<String, Integer> goLiveWeek = new HashMap<>();
        Map<String, Integer> people = new HashMap<>();
        for (Map.Entry<Integer, TreeMap<Integer, double[]>> wave : sums.entrySet()) {
            WaveReads.WaveFacts facts = byNumber.get(wave.getKey());
            String name = Integer.toString(wave.getKey());
            goLiveWeek.put(name, facts.goLive() == null ? firstWeek
                    : ScoreEffect.week(IsoWeek.monday(facts.goLive())));
            people.put(name, facts.team(window.weeks() - 1).value());
            wave.getValue().forEach((week, sum) -> observations.add(new EffectObservation(name, name, week,
                    sum[0] / sum[1])));
        }
        if (sums.size() < 2) {
            return refused(Effect.Reason.NO_COMPARISON_GROUP, "Outcome values for only one wave: post the values "
                    + "of a wave still waiting to go live too, to compare with.");
        }
        return estimator.estimateByTeam(observations, goLiveWeek, people);
    }

    private static EstimateEffect.ByTeam refused(Effect.Reason reason, String words) {
        return new EstimateEffect.ByTeam(new Effect.NotEstimable(reason, words), 0);
    }
}
