package io.uptake.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Estimates the average change in a metric (such as cycle time) that going live brought, from waves that went
 * live in different weeks, by difference-in-differences against the waves not yet live.
 *
 * <p><b>The method.</b> Waves that go live together form a cohort. For each cohort and each week on or after its
 * go-live, every person's change is their value that week less their own mean over the weeks before the cohort's
 * go-live. The cohort's effect that week is the mean change of its people less the mean change, over the same
 * weeks, of the people whose wave was not yet live that week (the comparison group). The estimate is the mean of
 * these cohort-week effects weighted by the people behind each, that is the average over every live person-week
 * that had a comparison group. Its interval leaves one person out at a time (a delete-one-unit jackknife, so a
 * person's weeks stay together and their week-to-week correlation is allowed for) and takes Student's t with
 * people − 1 degrees of freedom.
 *
 * <p><b>Why this method.</b> A single regression with person and week effects and a live/not-live indicator
 * (two-way fixed effects) also compares waves already live with each other; when the effect grows or differs
 * between waves, those comparisons weigh some effects negatively and the estimate can even take the wrong sign.
 * Comparing each wave only with waves not yet live, cohort by cohort, and then averaging avoids this. The jackknife
 * is used rather than a bootstrap because it is deterministic: the same data always gives the same interval.
 *
 * <p><b>What it assumes.</b> (1) Parallel trends: had no wave gone live, every wave's metric would have moved in
 * the same way from week to week (waves may start at different levels). (2) No anticipation: a wave's values
 * before its go-live are not yet changed by it. (3) Stable composition: a wave's people are the same before and
 * after its go-live, and a missing week is missing for reasons unrelated to the metric. (4) People are
 * independent of each other; weeks of one person need not be.
 *
 * <p><b>Refusals.</b> The estimate uses only weeks in which both the live group and the comparison group have at
 * least {@link EffectRules#minPeople()} people, so it never rests on a group below the anonymity threshold; a
 * cohort counts only with at least {@link EffectRules#minPreWeeks()} weeks of data before its go-live, and the
 * estimate needs at least {@link EffectRules#minPostWeeks()} distinct weeks after a go-live. Otherwise it is
 * {@link Effect.NotEstimable} with the reason in words.
 */
public final class EstimateEffect {

    /** The method in words, as an {@link Effect.Estimate} carries it. */
    public static final String METHOD = "difference-in-differences: each wave against the waves not yet live,"
            + " week by week, averaged over live person-weeks; interval by leaving one person out at a time";

    /**
     * The method in words for a metric measured per team (one value per wave and week), as an
     * {@link Effect.Estimate} of {@link #estimateByTeam} carries it.
     */
    public static final String TEAM_METHOD = "difference-in-differences: each wave's team against the teams not yet"
            + " live, week by week, averaged over live team-weeks; interval by leaving one week out at a time";

    private final EffectRules rules;

    public EstimateEffect(EffectRules rules) {
        this.rules = rules;
    }

    /**
     * The effect of going live on a metric measured per team rather than per person: each unit is a wave's team,
     * with the people it holds. The same difference-in-differences as {@link #estimate}, with two changes that a
     * handful of teams needs. A group (live or comparison) counts in a week when its teams hold at least
     * {@link EffectRules#minPeople()} people, and a team below that threshold is left out altogether (its value is
     * a figure about fewer people than anonymity allows). The interval leaves one week out at a time instead of
     * one unit: with two to four teams, leaving a team out empties the comparison group, while the week-to-week
     * scatter of the teams' difference is what the estimate's uncertainty comes from. This assumes a team's weekly
     * deviations are independent from week to week; Student's t takes weeks − 1 degrees of freedom.
     *
     * @param teamSize the people of each unit; a unit not named is left out
     */
    public ByTeam estimateByTeam(List<EffectObservation> observations, Map<String, Integer> goLiveWeek,
                                 Map<String, Integer> teamSize) {
        List<EffectObservation> large = observations.stream()
                .filter(o -> teamSize.getOrDefault(o.unit(), 0) >= rules.minPeople()).toList();
        long waves = observations.stream().map(EffectObservation::wave).distinct().count();
        if (waves > 1 && large.stream().map(EffectObservation::wave).distinct().count() < 2) {
            return new ByTeam(refuse(Effect.Reason.TOO_FEW_PEOPLE, "Fewer than two teams with values have at "
                    + "least " + rules.minPeople() + " people: an estimate would rest on too few people to keep them "
                    + "anonymous."), 0);
        }
        return estimate(large, goLiveWeek, teamSize, true);
    }

    /** An estimate from teams, and how many teams it rests on (0 without one, and for an estimate by person). */
    public record ByTeam(Effect effect, int teams) {
    }

    /**
     * The effect of going live on the observed metric.
     *
     * @param observations one value per unit and week
     * @param goLiveWeek   each wave's go-live week (the first week it is live), as week indexes like the
     *                     observations'; a wave going live after the last observed week is a comparison group only
     */
    public Effect estimate(List<EffectObservation> observations, Map<String, Integer> goLiveWeek) {
        return estimate(observations, goLiveWeek, Map.of(), false).effect();
    }

    /** @param people people per unit, 1 for a unit not named; {@code byWeek}: the jackknife leaves weeks out */
    private ByTeam estimate(List<EffectObservation> observations, Map<String, Integer> goLiveWeek,
                            Map<String, Integer> people, boolean byWeek) {
        if (observations.isEmpty()) {
            return refused(Effect.Reason.NO_DATA, "There are no weekly values to measure yet.");
        }
        Panel panel = Panel.of(observations, goLiveWeek, people);
        List<Integer> cohorts = panel.cohortsLiveInData();
        if (cohorts.isEmpty()) {
            return refused(Effect.Reason.TOO_FEW_WEEKS, "No wave has gone live yet in the weeks with data,"
                    + " so there is no week after a go-live to measure.");
        }
        List<Integer> withPre = cohorts.stream().filter(g -> panel.preWeeks(g) > 0).toList();
        if (withPre.isEmpty()) {
            return refused(Effect.Reason.NO_PRE_PERIOD, "No wave has a week of data before it went live,"
                    + " so there is no 'before' to compare with.");
        }
        List<Cell> cells = new ArrayList<>();
        for (int g : withPre) {
            for (int t = g; t <= panel.lastWeek; t++) {
                Cell cell = panel.cell(g, t);
                if (!cell.treated.isEmpty() && !cell.control.isEmpty()) {
                    cells.add(cell);
                }
            }
        }
        if (cells.isEmpty()) {
            return refused(Effect.Reason.NO_COMPARISON_GROUP, "No wave was still waiting to go live while another"
                    + " was live, so there is nothing to compare with: stagger the go-live dates.");
        }
        cells.removeIf(c -> panel.preWeeks(c.cohort) < rules.minPreWeeks());
        if (cells.isEmpty()) {
            return refused(Effect.Reason.TOO_FEW_WEEKS, "Fewer than " + rules.minPreWeeks()
                    + " weeks of data before any wave's go-live that had a comparison group.");
        }
        cells.removeIf(c -> panel.people(c.treated.keySet()) < rules.minPeople()
                || panel.people(c.control.keySet()) < rules.minPeople());
        if (cells.isEmpty()) {
            return refused(Effect.Reason.TOO_FEW_PEOPLE, "Fewer than " + rules.minPeople()
                    + " people in the live wave or in the waves not yet live, in every week:"
                    + " an estimate would rest on too few people to keep them anonymous.");
        }
        long postWeeks = cells.stream().mapToInt(c -> c.week).distinct().count();
        if (postWeeks < rules.minPostWeeks()) {
            return refused(Effect.Reason.TOO_FEW_WEEKS, "Only " + postWeeks + " week after a go-live with at least "
                    + rules.minPeople() + " people live and " + rules.minPeople() + " not yet live; needs "
                    + rules.minPostWeeks() + ".");
        }
        return byWeek ? estimateByWeek(panel, cells) : new ByTeam(estimateFrom(panel, cells), 0);
    }

    private static Effect refuse(Effect.Reason reason, String words) {
        return new Effect.NotEstimable(reason, words);
    }

    private static ByTeam refused(Effect.Reason reason, String words) {
        return new ByTeam(refuse(reason, words), 0);
    }

    private Effect.Estimate estimateFrom(Panel panel, List<Cell> cells) {
        TreeSet<Integer> people = new TreeSet<>();
        TreeSet<Integer> weeks = new TreeSet<>();
        for (Cell c : cells) {
            people.addAll(c.treated.keySet());
            people.addAll(c.control.keySet());
            weeks.add(c.week);
            weeks.addAll(panel.preWeekSet(c.cohort));
        }
        double[] full = aggregate(cells, -1);
        double effect = full[0];
        int n = people.size();
        double[] leftOut = new double[n];
        double sum = 0;
        int i = 0;
        for (int unit : people) {
            leftOut[i] = aggregate(cells, unit)[0];
            sum += leftOut[i++];
        }
        double mean = sum / n;
        double squares = Arrays.stream(leftOut).map(x -> (x - mean) * (x - mean)).sum();
        double se = Math.sqrt((n - 1) * squares / n);
        double t = Quantiles.studentT(1 - (1 - rules.confidence()) / 2, n - 1);
        double before = full[1];
        Double percent = before == 0 ? null : 100 * effect / before;
        return new Effect.Estimate(effect, effect - t * se, effect + t * se, rules.confidence(), before, percent,
                n, weeks.size(), METHOD);
    }

    /** The estimate with an interval that leaves one week out at a time (see {@link #estimateByTeam}). */
    private ByTeam estimateByWeek(Panel panel, List<Cell> cells) {
        TreeSet<Integer> units = new TreeSet<>();
        TreeSet<Integer> weeks = new TreeSet<>();
        for (Cell c : cells) {
            units.addAll(c.treated.keySet());
            units.addAll(c.control.keySet());
            weeks.add(c.week);
            weeks.addAll(panel.preWeekSet(c.cohort));
        }
        double[] full = aggregate(cells, -1);
        int n = weeks.size();
        double[] leftOut = new double[n];
        int i = 0;
        for (int week : weeks) {
            Panel without = panel.without(week);
            List<Cell> kept = new ArrayList<>();
            for (Cell c : cells) {
                Cell again = c.week == week ? null : without.cell(c.cohort, c.week);
                if (again != null && !again.treated.isEmpty() && !again.control.isEmpty()) {
                    kept.add(again);
                }
            }
            if (kept.isEmpty()) {
                return refused(Effect.Reason.TOO_FEW_WEEKS, "Too few weeks to say how sure the estimate is:"
                        + " leaving out week " + week + " leaves nothing to compare.");
            }
            leftOut[i++] = aggregate(kept, -1)[0];
        }
        double mean = Arrays.stream(leftOut).average().orElseThrow();
        double squares = Arrays.stream(leftOut).map(x -> (x - mean) * (x - mean)).sum();
        double se = Math.sqrt((n - 1) * squares / n);
        double t = Quantiles.studentT(1 - (1 - rules.confidence()) / 2, n - 1);
        Double percent = full[1] == 0 ? null : 100 * full[0] / full[1];
        return new ByTeam(new Effect.Estimate(full[0], full[0] - t * se, full[0] + t * se, rules.confidence(),
                full[1], percent, panel.people(units), n, TEAM_METHOD), units.size());
    }

    /** The effect and the before-mean over the cells, weighted by live people, leaving {@code without} out. */
    private static double[] aggregate(List<Cell> cells, int without) {
        double weighted = 0;
        double before = 0;
        double weights = 0;
        for (Cell c : cells) {
            double[] live = c.treated.get(without);
            double[] comparison = c.control.get(without);
            int nLive = c.treated.size() - (live == null ? 0 : 1);
            int nComparison = c.control.size() - (comparison == null ? 0 : 1);
            double liveChange = (c.liveChange - (live == null ? 0 : live[0])) / nLive;
            double comparisonChange = (c.comparisonChange - (comparison == null ? 0 : comparison[0])) / nComparison;
            weighted += nLive * (liveChange - comparisonChange);
            before += c.liveBefore - (live == null ? 0 : live[1]);
            weights += nLive;
        }
        return new double[] {weighted / weights, before / weights};
    }

    /**
     * One cohort in one week on or after its go-live: each live and comparison person's change against their
     * mean before the cohort's go-live (and that mean), with the sums.
     */
    private static final class Cell {
        final int cohort;
        final int week;
        final Map<Integer, double[]> treated = new HashMap<>();
        final Map<Integer, double[]> control = new HashMap<>();
        double liveChange;
        double liveBefore;
        double comparisonChange;

        Cell(int cohort, int week) {
            this.cohort = cohort;
            this.week = week;
        }
    }

    /** The observations as a unit × week table, with each unit's go-live week. */
    private static final class Panel {
        final int firstWeek;
        final int lastWeek;
        final int[] goLive;
        final double[][] values;
        final int[] people;

        private Panel(int firstWeek, int lastWeek, int[] goLive, double[][] values, int[] people) {
            this.firstWeek = firstWeek;
            this.lastWeek = lastWeek;
            this.goLive = goLive;
            this.values = values;
            this.people = people;
        }

        /** The people of some units. */
        int people(Set<Integer> units) {
            return units.stream().mapToInt(u -> people[u]).sum();
        }

        /** The same panel with week {@code week}'s values left out. */
        Panel without(int week) {
            double[][] copy = new double[values.length][];
            for (int u = 0; u < values.length; u++) {
                copy[u] = values[u].clone();
                copy[u][week - firstWeek] = Double.NaN;
            }
            return new Panel(firstWeek, lastWeek, goLive, copy, people);
        }

        static Panel of(List<EffectObservation> observations, Map<String, Integer> goLiveWeek,
                        Map<String, Integer> peopleOf) {
            Map<String, Integer> index = new HashMap<>();
            Map<String, String> waveOf = new HashMap<>();
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (EffectObservation o : observations) {
                if (!goLiveWeek.containsKey(o.wave())) {
                    throw new IllegalArgumentException("wave " + o.wave() + " has no go-live week");
                }
                String wave = waveOf.putIfAbsent(o.unit(), o.wave());
                if (wave != null && !wave.equals(o.wave())) {
                    throw new IllegalArgumentException(o.unit() + " is in two waves: " + wave + " and " + o.wave());
                }
                index.putIfAbsent(o.unit(), index.size());
                first = Math.min(first, o.week());
                last = Math.max(last, o.week());
            }
            int[] goLive = new int[index.size()];
            int[] people = new int[index.size()];
            index.forEach((unit, u) -> people[u] = peopleOf.getOrDefault(unit, 1));
            double[][] values = new double[index.size()][last - first + 1];
            for (double[] row : values) {
                Arrays.fill(row, Double.NaN);
            }
            for (EffectObservation o : observations) {
                int u = index.get(o.unit());
                goLive[u] = goLiveWeek.get(o.wave());
                if (!Double.isNaN(values[u][o.week() - first])) {
                    throw new IllegalArgumentException(o.unit() + " has two values in week " + o.week());
                }
                values[u][o.week() - first] = o.value();
            }
            return new Panel(first, last, goLive, values, people);
        }

        /** Go-live weeks of units that have a value on or after it, i.e. cohorts live in the data. */
        List<Integer> cohortsLiveInData() {
            TreeSet<Integer> cohorts = new TreeSet<>();
            for (int u = 0; u < goLive.length; u++) {
                for (int t = Math.max(goLive[u], firstWeek); t <= lastWeek; t++) {
                    if (has(u, t)) {
                        cohorts.add(goLive[u]);
                        break;
                    }
                }
            }
            return List.copyOf(cohorts);
        }

        /** Weeks before go-live week {@code g} in which a unit of that cohort has a value. */
        TreeSet<Integer> preWeekSet(int g) {
            TreeSet<Integer> weeks = new TreeSet<>();
            for (int u = 0; u < goLive.length; u++) {
                if (goLive[u] == g) {
                    for (int t = firstWeek; t < Math.min(g, lastWeek + 1); t++) {
                        if (has(u, t)) {
                            weeks.add(t);
                        }
                    }
                }
            }
            return weeks;
        }

        int preWeeks(int g) {
            return preWeekSet(g).size();
        }

        Cell cell(int g, int t) {
            Cell cell = new Cell(g, t);
            for (int u = 0; u < goLive.length; u++) {
                boolean live = goLive[u] == g;
                if ((!live && goLive[u] <= t) || !has(u, t)) {
                    continue;
                }
                double before = meanBefore(u, g);
                if (Double.isNaN(before)) {
                    continue;
                }
                double change = values[u][t - firstWeek] - before;
                if (live) {
                    cell.treated.put(u, new double[] {change, before});
                    cell.liveChange += change;
                    cell.liveBefore += before;
                } else {
                    cell.control.put(u, new double[] {change, before});
                    cell.comparisonChange += change;
                }
            }
            return cell;
        }

        private double meanBefore(int u, int g) {
            double sum = 0;
            int n = 0;
            for (int t = firstWeek; t < Math.min(g, lastWeek + 1); t++) {
                if (has(u, t)) {
                    sum += values[u][t - firstWeek];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        private boolean has(int u, int t) {
            return !Double.isNaN(values[u][t - firstWeek]);
        }
    }
}
