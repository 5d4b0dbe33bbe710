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
 * The effect of going live on cycle time, for each workflow rolled out in more than one wave: each person's
 * cycle-time answers week by week (their mean when a week has several), in the wave whose audience they are in,
 * fed to {@link EstimateEffect}. A workflow with a single wave gets no estimate ({@code null}): it has no group
 * still waiting to compare with.
 *
 * <p>Answers come from confidential rounds only (an anonymous answer cannot be followed from week to week), of
 * every pulse of the workflow up to the end of the scored week and at most {@link #WEEKS} weeks back, the
 * pre-rollout rounds included (their answers are the waiting waves' "before"). A wave's go-live week is the ISO
 * week of its {@code go-live} date; a wave without one went live with the workflow, before any answer. A person in
 * the audiences of several waves counts in the one that went live first.
 */
final class ScoreEffect {

    /** The periods of pre-rollout rounds sort from this … */
    static final String PRE_ROLLOUT = "pre-rollout-";
    /** … to before this. */
    static final String PRE_ROLLOUT_END = "pre-rollout.";

    /** How far back answers are read: a year of weeks. */
    static final int WEEKS = 52;

    /** One wave of a workflow: its number and go-live date, null when it went live with the workflow. */
    record Wave(int number, LocalDate goLive) {
    }

    /** One cycle-time answer of a person in the week of a round. */
    record Answer(long person, LocalDate week, double minutes) {
    }

    /** The median of the pre-rollout answers of a workflow, and the people who gave them. */
    record Sampled(double median, int people) {
    }

    private final EstimateEffect estimator;
    private final EffectRules rules;
    private final Anonymity anonymity;

    ScoreEffect(EffectRules rules, Anonymity anonymity) {
        this.rules = rules;
        this.estimator = new EstimateEffect(rules);
        this.anonymity = anonymity;
    }

    /**
     * The median cycle time the pre-rollout pulse sampled for each workflow up to the end of the week (at most
     * {@link #WEEKS} weeks back), from confidential rounds, by workflow id; a workflow without such answers is
     * absent.
     */
    Map<String, Sampled> sampled(Connection c, Collection<String> workflowIds, LocalDate monday) throws SQLException {
        Map<String, Sampled> sampled = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return sampled;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        Map<String, List<Double>> minutes = new HashMap<>();
        Map<String, java.util.Set<Long>> people = new HashMap<>();
        LocalDate end = monday.plusWeeks(1);
        LocalDate from = monday.minusWeeks(WEEKS - 1L);
        Sql.query(c, "SELECT p.workflow_id, r.period, a.person_id, a.value_num FROM read_pulse p "
                + "CROSS JOIN read_round r CROSS JOIN read_cycle_time_answer a "
                + "WHERE r.pulse_id = p.id AND a.round_id = r.id AND p.workflow_id IN (" + ids.sql() + ") "
                + "AND r.period >= ? AND r.period < ?", rs -> {
                    LocalDate day = periodDay(rs.getString("period"));
                    BigDecimal value = Sql.decimal(rs, "value_num");
                    if (day != null && value != null && !day.isBefore(from) && day.isBefore(end)) {
                        String workflow = rs.getString("workflow_id");
                        minutes.computeIfAbsent(workflow, k -> new ArrayList<>()).add(value.doubleValue());
                        people.computeIfAbsent(workflow, k -> new java.util.HashSet<>()).add(rs.getLong("person_id"));
                    }
                }, ids, PRE_ROLLOUT, PRE_ROLLOUT_END);
        minutes.forEach((workflow, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            sampled.put(workflow, new Sampled((sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2,
                    people.get(workflow).size()));
        });
        return sampled;
    }

    /**
     * The score with its cycle-time baseline: the typed one when the programmes file gives it (its Δ % stands);
     * otherwise the one sampled in chat, when at least min-respondents people gave it, with the Δ % against it.
     */
    WorkflowScore baseline(WorkflowScore w, BigDecimal typed, Sampled sampled) {
        if (typed != null && typed.signum() > 0) {
            return w.withCycleBaseline(new CycleBaseline(typed.doubleValue(), CycleBaseline.TYPED, 0),
                    w.cycleTimeDeltaPercent());
        }
        if (sampled == null || sampled.people() < anonymity.minRespondents() || sampled.median() <= 0) {
            return w;
        }
        CycleBaseline baseline = new CycleBaseline(sampled.median(), CycleBaseline.SAMPLED, sampled.people());
        Figure median = w.cycleTimeMedian();
        Figure delta = median.isShown() ? anonymity.score(Rounding.oneDecimal((median.value() - sampled.median())
                / sampled.median() * 100), median.n(), Figure.Source.PULSE) : w.cycleTimeDeltaPercent();
        return w.withCycleBaseline(baseline, delta);
    }

    /** The effect of each given workflow with more than one wave, by workflow id, as of the end of the week. */
    Map<String, Effect> score(Connection c, Collection<String> workflowIds, LocalDate monday) throws SQLException {
        Map<String, Effect> effects = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return effects;
        }
        Sql.Fragment ids = Sql.in(workflowIds);
        Map<String, Map<Long, Wave>> wavesByAudience = new HashMap<>();
        Sql.query(c, "SELECT id, workflow_id, wave, go_live FROM read_audience WHERE workflow_id IN (" + ids.sql()
                + ")", rs -> wavesByAudience.computeIfAbsent(rs.getString("workflow_id"), k -> new HashMap<>())
                .put(rs.getLong("id"), new Wave(rs.getInt("wave"), Sql.date(rs, "go_live"))), ids);
        List<String> rolled = wavesByAudience.entrySet().stream()
                .filter(e -> e.getValue().values().stream().map(Wave::number).distinct().count() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        for (String workflow : rolled) {
            Map<Long, Wave> audiences = wavesByAudience.get(workflow);
            Map<Long, Wave> waveOfPerson = new HashMap<>();
            Sql.Fragment audienceIds = Sql.in(audiences.keySet());
            Sql.query(c, "SELECT audience_id, person_id FROM read_membership WHERE audience_id IN ("
                    + audienceIds.sql() + ")", rs -> waveOfPerson.merge(rs.getLong("person_id"),
                            audiences.get(rs.getLong("audience_id")), ScoreEffect::earlier), audienceIds);
            List<Answer> answers = new ArrayList<>();
            LocalDate end = monday.plusWeeks(1);
            LocalDate from = monday.minusWeeks(WEEKS - 1L);
            Sql.query(c, "SELECT r.period, a.person_id, a.value_num FROM read_pulse p "
                    + "CROSS JOIN read_round r CROSS JOIN read_cycle_time_answer a "
                    + "WHERE r.pulse_id = p.id AND a.round_id = r.id AND p.workflow_id = ?", rs -> {
                        LocalDate day = periodDay(rs.getString("period"));
                        BigDecimal minutes = Sql.decimal(rs, "value_num");
                        if (day != null && minutes != null && !day.isBefore(from) && day.isBefore(end)) {
                            answers.add(new Answer(rs.getLong("person_id"), IsoWeek.monday(day),
                                    minutes.doubleValue()));
                        }
                    }, workflow);
            effects.put(workflow, estimate(answers, waveOfPerson, monday));
        }
        return effects;
    }

    /**
     * The effect from people's answers, each person in one wave, as of the end of the week of {@code monday}.
     * Answers of people in no wave are left out.
     */
    Effect estimate(List<Answer> answers, Map<Long, Wave> waveOfPerson, LocalDate monday) {
        LocalDate end = monday.plusWeeks(1);
        boolean anyLive = waveOfPerson.values().stream().anyMatch(w -> w.goLive() == null || w.goLive().isBefore(end));
        if (!anyLive) {
            return new Effect.NotEstimable(Effect.Reason.TOO_FEW_WEEKS, "No wave has gone live yet.");
        }
        // A person's weekly value: the mean of their answers that week.
        Map<Long, TreeMap<Integer, double[]>> sums = new TreeMap<>();
        int firstWeek = Integer.MAX_VALUE;
        for (Answer a : answers) {
            if (!waveOfPerson.containsKey(a.person())) {
                continue;
            }
            int week = week(a.week());
            firstWeek = Math.min(firstWeek, week);
            double[] sum = sums.computeIfAbsent(a.person(), k -> new TreeMap<>()).computeIfAbsent(week,
                    k -> new double[2]);
            sum[0] += a.minutes();
            sum[1]++;
        }
        List<EffectObservation> observations = new ArrayList<>();
        Map<String, Integer> goLiveWeek = new HashMap<>();
        for (Map.Entry<Long, TreeMap<Integer, double[]>> person : sums.entrySet()) {
            Wave wave = waveOfPerson.get(person.getKey());
            String name = Integer.toString(wave.number());
            // A wave live with the workflow is live from the first week with answers: it has no "before".
            goLiveWeek.put(name, wave.goLive() == null ? firstWeek : week(IsoWeek.monday(wave.goLive())));
            person.getValue().forEach((week, sum) -> observations.add(new EffectObservation(
                    Long.toString(person.getKey()), name, week, sum[0] / sum[1])));
        }
        Effect effect = estimator.estimate(observations, goLiveWeek);
        if (effect instanceof Effect.Estimate e && e.people() < rules.minPeople()) {
            return new Effect.NotEstimable(Effect.Reason.TOO_FEW_PEOPLE, "Fewer than " + rules.minPeople()
                    + " people behind the estimate: it would rest on too few people to keep them anonymous.");
        }
        return effect;
    }

    /** The wave that went live first of two a person is in (one without a date went live with the workflow). */
    static Wave earlier(Wave a, Wave b) {
        if (a.goLive() == null || b.goLive() == null) {
            return a.goLive() == null ? (b.goLive() == null && b.number() < a.number() ? b : a) : b;
        }
        int order = a.goLive().compareTo(b.goLive());
        return order < 0 || order == 0 && a.number() <= b.number() ? a : b;
    }

    /** Consecutive Mondays give consecutive week indexes. */
    static int week(LocalDate monday) {
        return (int) Math.floorDiv(monday.toEpochDay(), 7);
    }

    /**
     * The day a round belongs to from its period: a scheduled date ({@code 2026-11-24}), a round sent by hand
     * ({@code manual-2026-11-24T10:05Z}), or the pre-rollout round beside either ({@code pre-rollout-2026-11-24},
     * {@code pre-rollout-manual-…}); null when the period is none of these.
     */
    static LocalDate periodDay(String period) {
        if (period == null) {
            return null;
        }
        String date = period;
        while (!date.isEmpty() && !Character.isDigit(date.charAt(0)) && date.indexOf('-') > 0) {
            date = date.substring(date.indexOf('-') + 1);
        }
        try {
            return LocalDate.parse(date.substring(0, Math.min(10, date.length())));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
