package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The effect on an outcome measured per team (one value per wave and week), against generated rollouts whose true
 * effect is known: 3 teams of 6, 8 and 10 people, 16 weeks, go-live in weeks 4, 8 and 12, a level of 100 claims,
 * team levels (sd 10), week effects shared by every team (sd 3) and noise (sd 2). 1,000 seeded rollouts per
 * property; coverage is then measured within about ±0.007 (one sd).
 */
class EstimateEffectByTeamTest {

    static final int RUNS = 1000;
    static final Map<String, Integer> GO_LIVE = Map.of("1", 4, "2", 8, "3", 12);
    static final Map<String, Integer> TEAMS = Map.of("1", 6, "2", 8, "3", 10);
    static final EstimateEffect ESTIMATE = new EstimateEffect(new EffectRules(5, 2, 2, 0.95));

    @Test
    void recoversAKnownEffectWithinItsIntervalAtAboutTheStatedRate() {
        EstimateEffectTest.Runs runs = simulate(1, -6);

        System.out.printf("outcome effect by team, true −6: coverage %.3f, mean %.3f%n", runs.coverage(-6),
                runs.meanEffect());
        assertThat(runs.coverage(-6)).isBetween(0.92, 0.98);
        assertThat(runs.meanEffect()).isCloseTo(-6, within(0.1));
        assertThat(runs.meanPercent()).isCloseTo(-6.0, within(1.0));
    }

    @Test
    void doesNotInventAnEffectWhereThereIsNone() {
        EstimateEffectTest.Runs runs = simulate(2, 0);

        System.out.printf("outcome effect by team, no effect: coverage %.3f, false positives %.3f%n",
                runs.coverage(0), runs.falsePositiveRate());
        assertThat(runs.coverage(0)).isBetween(0.92, 0.98);
        assertThat(runs.falsePositiveRate()).isLessThanOrEqualTo(0.08);
        assertThat(runs.meanEffect()).isCloseTo(0, within(0.1));
    }

    @Test
    void twoTeamsAreEnough() {
        Map<String, Integer> goLive = Map.of("1", 4, "2", 20);
        SplittableRandom random = new SplittableRandom(3);
        List<Effect.Estimate> estimates = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            estimates.add((Effect.Estimate) ESTIMATE.estimateByTeam(rollout(random.split(), -6, goLive, 16),
                    goLive, TEAMS).effect());
        }
        EstimateEffectTest.Runs runs = new EstimateEffectTest.Runs(estimates);

        System.out.printf("outcome effect by team, 2 teams: coverage %.3f%n", runs.coverage(-6));
        assertThat(runs.coverage(-6)).isBetween(0.92, 0.98);
        assertThat(estimates.get(0).people()).isEqualTo(14);
    }

    @Test
    void countsTheTeamsPeopleAndTheWeeksBehindTheEstimate() {
        EstimateEffect.ByTeam byTeam = ESTIMATE.estimateByTeam(rollout(new SplittableRandom(4), -6, GO_LIVE, 16),
                GO_LIVE, TEAMS);
        Effect.Estimate e = (Effect.Estimate) byTeam.effect();
        assertThat(byTeam.teams()).isEqualTo(3);

        // Wave 3 goes live in week 12 with no team left to compare with: weeks 0–11 count, all 24 people.
        assertThat(e.people()).isEqualTo(24);
        assertThat(e.weeks()).isEqualTo(12);
        assertThat(e.method()).isEqualTo(EstimateEffect.TEAM_METHOD);
    }

    @Test
    void aWorkedExampleGivesTheDifferenceInDifferencesAndTheIntervalByHand() {
        // Team a goes live in week 2 of 0–3, team b after the data. a: 10, 12 then 7, 8; b: 20, 20 then 21, 19.
        List<EffectObservation> data = List.of(obs("a", 0, 10), obs("a", 1, 12), obs("a", 2, 7), obs("a", 3, 8),
                obs("b", 0, 20), obs("b", 1, 20), obs("b", 2, 21), obs("b", 3, 19));
        Effect.Estimate e = (Effect.Estimate) ESTIMATE.estimateByTeam(data, Map.of("a", 2, "b", 9),
                Map.of("a", 5, "b", 5)).effect();

        // Week 2: (7 − 11) − (21 − 20) = −5; week 3: (8 − 11) − (19 − 20) = −2; mean −3.5.
        assertThat(e.effect()).isCloseTo(-3.5, within(1e-12));
        assertThat(e.before()).isCloseTo(11, within(1e-12));
        // Leaving a week out: week 0 → a before 12: (−5 + 1 − 4 + 1) / 2 = −3.5 … worked out below.
        double[] left = {
            ((7 - 12) - (21 - 20) + (8 - 12) - (19 - 20)) / 2.0,  // without week 0
            ((7 - 10) - (21 - 20) + (8 - 10) - (19 - 20)) / 2.0,  // without week 1
            (8 - 11) - (19 - 20),                                  // without week 2
            (7 - 11) - (21 - 20)};                                 // without week 3
        double mean = (left[0] + left[1] + left[2] + left[3]) / 4;
        double squares = 0;
        for (double x : left) {
            squares += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(3 * squares / 4);
        double t = 3.182446; // Student's t, 3 degrees of freedom, 97.5 %
        assertThat(e.low()).isCloseTo(-3.5 - t * se, within(1e-5));
        assertThat(e.high()).isCloseTo(-3.5 + t * se, within(1e-5));
        assertThat(e.people()).isEqualTo(10);
        assertThat(e.weeks()).isEqualTo(4);
    }

    @Test
    void leavesOutTeamsBelowTheAnonymityThresholdAndRefusesWhenFewerThanTwoRemain() {
        List<EffectObservation> data = rollout(new SplittableRandom(5), -6, GO_LIVE, 16);

        Effect small = ESTIMATE.estimateByTeam(data, GO_LIVE, Map.of("1", 4, "2", 4, "3", 10)).effect();
        assertThat(small).isInstanceOf(Effect.NotEstimable.class);
        assertThat(((Effect.NotEstimable) small).reason()).isEqualTo(Effect.Reason.TOO_FEW_PEOPLE);
        assertThat(((Effect.NotEstimable) small).words()).contains("at least 5 people");

        Effect.Estimate without1 = (Effect.Estimate) ESTIMATE.estimateByTeam(data, GO_LIVE,
                Map.of("1", 4, "2", 8, "3", 10)).effect();
        assertThat(without1.people()).isEqualTo(18);
    }

    @Test
    void refusesASingleTeamAndTeamsWithoutWeeksBeforeGoLive() {
        List<EffectObservation> data = rollout(new SplittableRandom(6), -6, Map.of("1", 4), 16);
        Effect single = ESTIMATE.estimateByTeam(data, Map.of("1", 4), TEAMS).effect();
        assertThat(((Effect.NotEstimable) single).reason()).isEqualTo(Effect.Reason.NO_COMPARISON_GROUP);

        List<EffectObservation> late = rollout(new SplittableRandom(7), -6, GO_LIVE, 16).stream()
                .filter(o -> o.week() >= 12).toList();
        Effect noPre = ESTIMATE.estimateByTeam(late, GO_LIVE, TEAMS).effect();
        assertThat(((Effect.NotEstimable) noPre).reason()).isEqualTo(Effect.Reason.NO_PRE_PERIOD);

        List<EffectObservation> oneWeekBefore = rollout(new SplittableRandom(8), -6, GO_LIVE, 16).stream()
                .filter(o -> o.week() >= 3).toList();
        Effect tooFew = ESTIMATE.estimateByTeam(oneWeekBefore, Map.of("1", 4, "2", 30, "3", 30), TEAMS).effect();
        assertThat(((Effect.NotEstimable) tooFew).reason()).isEqualTo(Effect.Reason.TOO_FEW_WEEKS);
    }

    private static EffectObservation obs(String team, int week, double value) {
        return new EffectObservation(team, team, week, value);
    }

    private static EstimateEffectTest.Runs simulate(long seed, double effect) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Effect.Estimate> estimates = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            estimates.add((Effect.Estimate) ESTIMATE.estimateByTeam(rollout(random.split(), effect, GO_LIVE, 16),
                    GO_LIVE, TEAMS).effect());
        }
        return new EstimateEffectTest.Runs(estimates);
    }

    /** One value per team (unit and wave named alike) and week: level, team, week, noise, effect once live. */
    static List<EffectObservation> rollout(SplittableRandom random, double effect, Map<String, Integer> goLive,
                                           int weeks) {
        double[] weekEffect = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            weekEffect[w] = 3 * EstimateEffectTest.gaussian(random);
        }
        List<EffectObservation> data = new ArrayList<>();
        for (String team : goLive.keySet().stream().sorted().toList()) {
            double level = 100 + 10 * EstimateEffectTest.gaussian(random);
            for (int w = 0; w < weeks; w++) {
                double value = level + weekEffect[w] + 2 * EstimateEffectTest.gaussian(random)
                        + (w >= goLive.get(team) ? effect : 0);
                data.add(obs(team, w, value));
            }
        }
        return data;
    }
}
