package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The effect estimate against generated rollouts whose true effect is known: 3 waves of 8 people, 12 weeks, go-live
 * in weeks 3, 6 and 9, a baseline of 30 minutes, person effects (sd 4), week effects shared by everyone (sd 2) and
 * noise (sd 3) correlated from one week to the next within a person (0.3). 1,000 seeded rollouts per property keep
 * the class to a few seconds on a loaded 2-core machine; coverage is then measured within about ±0.007 (one sd).
 */
class EstimateEffectTest {

    static final int RUNS = 1000;
    static final Map<String, Integer> GO_LIVE = Map.of("w1", 3, "w2", 6, "w3", 9);
    static final EstimateEffect ESTIMATE = new EstimateEffect(new EffectRules(5, 2, 2, 0.95));

    @Test
    void recoversAKnownEffectWithinItsIntervalAtAboutTheStatedRate() {
        Runs runs = simulate(1, (weeksLive, goLive) -> -5);

        assertThat(runs.coverage(-5)).isBetween(0.88, 0.99);
        assertThat(runs.meanEffect()).isCloseTo(-5, within(0.15));
        assertThat(runs.meanPercent()).isCloseTo(-5.0 / 30 * 100, within(1.0));
    }

    @Test
    void doesNotInventAnEffectWhereThereIsNone() {
        Runs runs = simulate(2, (weeksLive, goLive) -> 0);

        assertThat(runs.coverage(0)).isGreaterThanOrEqualTo(0.88);
        assertThat(runs.falsePositiveRate()).isLessThanOrEqualTo(0.12);
        assertThat(runs.meanEffect()).isCloseTo(0, within(0.15));
    }

    @Test
    void anEffectThatGrowsAfterGoLiveIsAveragedOverTheLivePersonWeeksWithAComparisonGroup() {
        // −2 minutes in the go-live week, 1 more each week after. Weeks with people not yet live: wave 1 in weeks
        // 3–8 (2 to 7 off), wave 2 in weeks 6–8 (2 to 4 off), 8 people each: (27 + 9) ÷ 9 = −4 on average.
        Runs runs = simulate(3, (weeksLive, goLive) -> -2 - weeksLive);

        assertThat(runs.meanEffect()).isCloseTo(-4, within(0.15));
        assertThat(runs.coverage(-4)).isBetween(0.88, 0.99);
    }

    @Test
    void weeksMissingAtRandomLeaveTheEstimateOnTargetAndTheIntervalHonest() {
        Runs runs = simulate(14, (weeksLive, goLive) -> -5, 0.15);

        assertThat(runs.meanEffect()).isCloseTo(-5, within(0.15));
        assertThat(runs.coverage(-5)).isBetween(0.88, 0.99);
    }

    @Test
    void countsThePeopleAndWeeksBehindTheEstimate() {
        Effect.Estimate estimate = (Effect.Estimate) ESTIMATE.estimate(rollout(new SplittableRandom(4),
                (weeksLive, goLive) -> -5, GO_LIVE, 8, 12), GO_LIVE);

        // Wave 3 is never live beside a comparison group but is one itself; weeks 9–11 have none, so 0–8 count.
        assertThat(estimate.people()).isEqualTo(24);
        assertThat(estimate.weeks()).isEqualTo(9);
        assertThat(estimate.confidence()).isEqualTo(0.95);
        assertThat(estimate.method()).isEqualTo(EstimateEffect.METHOD);
        assertThat(estimate.low()).isLessThan(estimate.effect());
        assertThat(estimate.high()).isGreaterThan(estimate.effect());
    }

    @Test
    void aSmallWorkedExampleGivesTheDifferenceInDifferencesByHand() {
        // 3 people per wave (the floor), weeks 0–3; wave a goes live in week 2, wave b in week 9 (after the data).
        List<EffectObservation> data = new ArrayList<>();
        // a: before 10 (weeks 0 and 1), then 7 and 6 → changes −3 and −4 each week (a1, a2, a3 alike, plus 0/1/2).
        // b: before 20, then 21 and 20 → changes +1 and 0.
        for (int i = 0; i < 3; i++) {
            double[] a = {10 + i, 10 + i, 7 + i, 6 + i};
            double[] b = {20 + i, 20 + i, 21 + i, 20 + i};
            for (int w = 0; w < 4; w++) {
                data.add(new EffectObservation("a" + i, "a", w, a[w]));
                data.add(new EffectObservation("b" + i, "b", w, b[w]));
            }
        }
        Effect effect = new EstimateEffect(new EffectRules(3, 2, 2, 0.95)).estimate(data, Map.of("a", 2, "b", 9));

        // Week 2: −3 − (+1) = −4; week 3: −4 − 0 = −4; mean −4 on a before-mean of 11 (10, 11, 12): −36.36 %.
        Effect.Estimate estimate = (Effect.Estimate) effect;
        assertThat(estimate.effect()).isCloseTo(-4, within(1e-9));
        assertThat(estimate.before()).isCloseTo(11, within(1e-9));
        assertThat(estimate.percent()).isCloseTo(-400.0 / 11, within(1e-9));
        // Every change is the same within a wave, so leaving anyone out changes nothing: a zero-width interval.
        assertThat(estimate.low()).isCloseTo(-4, within(1e-9));
        assertThat(estimate.high()).isCloseTo(-4, within(1e-9));
        assertThat(estimate.people()).isEqualTo(6);
        assertThat(estimate.weeks()).isEqualTo(4);
    }

    @Test
    void refusesWithoutData() {
        assertRefused(ESTIMATE.estimate(List.of(), GO_LIVE), Effect.Reason.NO_DATA, "no weekly values");
    }

    @Test
    void refusesWithoutAWeekBeforeGoLive() {
        // Wave 1 is live from the first week with data; wave 2 never goes live within it.
        Map<String, Integer> goLive = Map.of("w1", 0, "w2", 20);

        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(5), (weeksLive, g) -> -5, goLive, 8, 12),
                goLive), Effect.Reason.NO_PRE_PERIOD, "no 'before' to compare with");
    }

    @Test
    void refusesWhenEveryWaveGoesLiveTheSameWeek() {
        Map<String, Integer> goLive = Map.of("w1", 4, "w2", 4, "w3", 4);

        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(6), (weeksLive, g) -> -5, goLive, 8, 12),
                goLive), Effect.Reason.NO_COMPARISON_GROUP, "stagger the go-live dates");
    }

    @Test
    void refusesASingleWave() {
        Map<String, Integer> goLive = Map.of("w1", 4);

        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(7), (weeksLive, g) -> -5, goLive, 20, 12),
                goLive), Effect.Reason.NO_COMPARISON_GROUP, "nothing to compare with");
    }

    @Test
    void refusesWithOnlyOneWeekBeforeGoLive() {
        Map<String, Integer> goLive = Map.of("w1", 1, "w2", 20);

        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(8), (weeksLive, g) -> -5, goLive, 8, 12),
                goLive), Effect.Reason.TOO_FEW_WEEKS, "Fewer than 2 weeks of data before");
    }

    @Test
    void refusesWithOnlyOneWeekAfterGoLive() {
        // 4 weeks of data (0–3), wave 1 live in week 3 only.
        Map<String, Integer> goLive = Map.of("w1", 3, "w2", 20);

        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(9), (weeksLive, g) -> -5, goLive, 8, 4),
                goLive), Effect.Reason.TOO_FEW_WEEKS, "Only 1 week after a go-live");
    }

    @Test
    void refusesBeforeAnyWaveHasGoneLive() {
        Map<String, Integer> goLive = Map.of("w1", 30, "w2", 40);

        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(10), (weeksLive, g) -> -5, goLive, 8, 12),
                goLive), Effect.Reason.TOO_FEW_WEEKS, "No wave has gone live yet");
    }

    @Test
    void refusesWhenTheWavesHaveFewerPeopleThanTheAnonymityThreshold() {
        assertRefused(ESTIMATE.estimate(rollout(new SplittableRandom(11), (weeksLive, g) -> -5, GO_LIVE, 4, 12),
                GO_LIVE), Effect.Reason.TOO_FEW_PEOPLE, "Fewer than 5 people");
    }

    @Test
    void refusesWhenOnlyTheComparisonGroupIsTooSmall() {
        // 8 people go live in week 3; the 4 not yet live would be a group below the threshold.
        Map<String, Integer> goLive = Map.of("big", 3, "small", 20);
        List<EffectObservation> data = rollout(new SplittableRandom(12), (weeksLive, g) -> -5, goLive, 8, 12)
                .stream().filter(o -> !o.wave().equals("small") || o.unit().compareTo("small-4") < 0).toList();

        assertRefused(ESTIMATE.estimate(data, goLive), Effect.Reason.TOO_FEW_PEOPLE, "not yet live");
    }

    @Test
    void neverUsesAWeekWhoseComparisonGroupIsBelowTheThreshold() {
        // Wave 3 has 4 people: weeks 6–8, where only it is not yet live, cannot count, nor can wave 2 as live.
        List<EffectObservation> data = rollout(new SplittableRandom(13), (weeksLive, g) -> -5, GO_LIVE, 8, 12)
                .stream().filter(o -> !o.wave().equals("w3") || o.unit().compareTo("w3-4") < 0).toList();

        Effect.Estimate estimate = (Effect.Estimate) ESTIMATE.estimate(data, GO_LIVE);

        // Weeks 0–2 before wave 1, weeks 3–5 after it; all 20 people (wave 3's 4 within the 12 not yet live).
        assertThat(estimate.weeks()).isEqualTo(6);
        assertThat(estimate.people()).isEqualTo(20);
    }

    @Test
    void refusesRulesBelowTheAnonymityFloorAndInputItCannotRead() {
        assertThatThrownBy(() -> new EffectRules(2, 2, 2, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than 3 people");
        assertThatThrownBy(() -> ESTIMATE.estimate(List.of(new EffectObservation("p", "nowhere", 0, 1)), GO_LIVE))
                .hasMessageContaining("wave nowhere has no go-live week");
        assertThatThrownBy(() -> ESTIMATE.estimate(List.of(new EffectObservation("p", "w1", 0, 1),
                new EffectObservation("p", "w2", 1, 1)), GO_LIVE)).hasMessageContaining("p is in two waves");
        assertThatThrownBy(() -> ESTIMATE.estimate(List.of(new EffectObservation("p", "w1", 0, 1),
                new EffectObservation("p", "w1", 0, 2)), GO_LIVE)).hasMessageContaining("two values in week 0");
        assertThatThrownBy(() -> new EffectObservation("p", "w1", 0, Double.NaN))
                .hasMessageContaining("not a number");
    }

    @Test
    void studentTQuantilesMatchPublishedTables() {
        // Values from a printed t table (two-sided 95 %) and the normal quantile.
        assertThat(Quantiles.normal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Quantiles.normal(0.005)).isCloseTo(-2.575829, within(1e-6));
        assertThat(Quantiles.studentT(0.975, 5)).isCloseTo(2.571, within(0.001));
        assertThat(Quantiles.studentT(0.975, 10)).isCloseTo(2.228, within(0.001));
        assertThat(Quantiles.studentT(0.975, 23)).isCloseTo(2.069, within(0.001));
        assertThat(Quantiles.studentT(0.995, 30)).isCloseTo(2.750, within(0.001));
        // Few degrees of freedom, as an interval over a few weeks has: exact to 6 places.
        assertThat(Quantiles.studentT(0.975, 1)).isCloseTo(12.706205, within(1e-6));
        assertThat(Quantiles.studentT(0.975, 2)).isCloseTo(4.302653, within(1e-6));
        assertThat(Quantiles.studentT(0.975, 3)).isCloseTo(3.182446, within(1e-6));
        assertThat(Quantiles.studentT(0.975, 4)).isCloseTo(2.776445, within(1e-6));
        assertThat(Quantiles.studentT(0.975, 11)).isCloseTo(2.200985, within(1e-6));
        assertThat(Quantiles.studentT(0.025, 7)).isCloseTo(-2.364624, within(1e-6));
        assertThat(Quantiles.studentT(0.975, 250)).isCloseTo(1.969498, within(1e-5));
    }

    private static void assertRefused(Effect effect, Effect.Reason reason, String words) {
        assertThat(effect).isInstanceOf(Effect.NotEstimable.class);
        Effect.NotEstimable refused = (Effect.NotEstimable) effect;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.words()).containsIgnoringCase(words);
    }

    /** {@link #RUNS} rollouts of 3 waves × 8 people over 12 weeks, each estimated. */
    private static Runs simulate(long seed, IntBinaryOperator effect) {
        return simulate(seed, effect, 0);
    }

    /** As {@link #simulate(long, IntBinaryOperator)}, each value missing with probability {@code missing}. */
    private static Runs simulate(long seed, IntBinaryOperator effect, double missing) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Effect.Estimate> estimates = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            SplittableRandom one = random.split();
            List<EffectObservation> data = rollout(one, effect, GO_LIVE, 8, 12).stream()
                    .filter(o -> one.nextDouble() >= missing).toList();
            estimates.add((Effect.Estimate) ESTIMATE.estimate(data, GO_LIVE));
        }
        return new Runs(estimates);
    }

    /**
     * A generated rollout: each wave's people, weeks 0 to {@code weeks} − 1, the effect given weeks since go-live
     * and the go-live week added from go-live on. Units are named wave-0, wave-1, ...
     */
    static List<EffectObservation> rollout(SplittableRandom random, IntBinaryOperator effect,
                                           Map<String, Integer> goLive, int peoplePerWave, int weeks) {
        double[] weekEffect = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            weekEffect[w] = 2 * gaussian(random);
        }
        List<EffectObservation> data = new ArrayList<>();
        for (String wave : goLive.keySet().stream().sorted().toList()) {
            int g = goLive.get(wave);
            for (int p = 0; p < peoplePerWave; p++) {
                double person = 4 * gaussian(random);
                double noise = 3 * gaussian(random);
                for (int w = 0; w < weeks; w++) {
                    if (w > 0) {
                        // AR(1) with 0.3, keeping the noise's sd at 3.
                        noise = 0.3 * noise + Math.sqrt(1 - 0.09) * 3 * gaussian(random);
                    }
                    double value = 30 + person + weekEffect[w] + noise + (w >= g ? effect.applyAsInt(w - g, g) : 0);
                    data.add(new EffectObservation(wave + "-" + p, wave, w, value));
                }
            }
        }
        return data;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    record Runs(List<Effect.Estimate> estimates) {

        double coverage(double truth) {
            return estimates.stream().filter(e -> e.low() <= truth && truth <= e.high()).count()
                    / (double) estimates.size();
        }

        double falsePositiveRate() {
            return estimates.stream().filter(Effect.Estimate::excludesZero).count() / (double) estimates.size();
        }

        double meanEffect() {
            return estimates.stream().mapToDouble(Effect.Estimate::effect).average().orElseThrow();
        }

        double meanPercent() {
            return estimates.stream().mapToDouble(Effect.Estimate::percent).average().orElseThrow();
        }
    }
}
