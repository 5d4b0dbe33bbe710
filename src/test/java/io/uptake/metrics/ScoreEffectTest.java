package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The effect from people's cycle-time answers, checked against a difference-in-differences worked out by hand on
 * six people in two waves over four weeks.
 */
class ScoreEffectTest {

    static final LocalDate W1 = LocalDate.parse("2026-11-02");
    static final ScoreEffect.Wave FIRST = new ScoreEffect.Wave(1, W1.plusWeeks(2));
    static final ScoreEffect.Wave SECOND = new ScoreEffect.Wave(2, W1.plusWeeks(6));
    static final Anonymity ANONYMITY = new Anonymity(new MetricsSettings(3, 10, 90, 60, 15, 50, 25, 12, 9, 50));
    static final ScoreEffect SCORE = new ScoreEffect(new EffectRules(3, 2, 2, 0.95), ANONYMITY);

    /** Person → minutes in weeks 1 to 4; people 1–3 go live in week 3, people 4–6 after week 4. */
    static final Map<Long, int[]> MINUTES = Map.of(
            1L, new int[] {30, 30, 15, 15}, 2L, new int[] {50, 50, 30, 30}, 3L, new int[] {30, 30, 15, 15},
            4L, new int[] {15, 15, 15, 15}, 5L, new int[] {30, 30, 30, 30}, 6L, new int[] {15, 15, 30, 30});

    static List<ScoreEffect.Answer> answers(int weeks) {
        List<ScoreEffect.Answer> answers = new ArrayList<>();
        MINUTES.forEach((person, minutes) -> {
            for (int w = 0; w < weeks; w++) {
                answers.add(new ScoreEffect.Answer(person, W1.plusWeeks(w), minutes[w]));
            }
        });
        return answers;
    }

    static Map<Long, ScoreEffect.Wave> waves() {
        return Map.of(1L, FIRST, 2L, FIRST, 3L, FIRST, 4L, SECOND, 5L, SECOND, 6L, SECOND);
    }

    @Test
    void theEffectIsTheLiveWavesChangeLessTheWaitingWavesChange() {
        // Live change after go-live: (−15 − 20 − 15) / 3; waiting: (0 + 0 + 15) / 3 = 5. Both weeks alike.
        double effect = -50.0 / 3 - 5;
        // Leave-one-person-out estimates: without 1 or 3: −17.5 − 5; without 2: −15 − 5; without 4 or 5:
        // −50/3 − 7.5; without 6: −50/3 − 0.
        double[] leftOut = {-22.5, -20, -22.5, -50.0 / 3 - 7.5, -50.0 / 3 - 7.5, -50.0 / 3};
        double mean = -130.0 / 6;
        double squares = 0;
        for (double x : leftOut) {
            squares += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(5.0 / 6 * squares);
        double t = 2.570582; // Student's t, 5 degrees of freedom, 97.5 %

        Effect result = SCORE.estimate(answers(4), waves(), W1.plusWeeks(3));

        assertThat(result).isInstanceOfSatisfying(Effect.Estimate.class, e -> {
            assertThat(e.effect()).isCloseTo(effect, within(1e-9));
            // The estimator's t quantile is an approximation (2.5703 for 2.5706): equal to the shown decimals.
            assertThat(e.low()).isCloseTo(effect - t * se, within(0.005));
            assertThat(e.high()).isCloseTo(effect + t * se, within(0.005));
            assertThat(e.before()).isCloseTo(110.0 / 3, within(1e-9));
            assertThat(e.percent()).isCloseTo(effect / (110.0 / 3) * 100, within(1e-9));
            assertThat(e.people()).isEqualTo(6);
            assertThat(e.weeks()).isEqualTo(4);
        });
        assertThat(effect).isCloseTo(-21.667, within(1e-3));
        assertThat(effect - t * se).isCloseTo(-36.81, within(0.01));
        assertThat(effect + t * se).isCloseTo(-6.52, within(0.01));
    }

    @Test
    void beforeAnyGoLiveThereIsNoEstimateAndItSaysSo() {
        Effect result = SCORE.estimate(answers(2), waves(), W1.plusWeeks(1));

        assertThat(result).isEqualTo(new Effect.NotEstimable(Effect.Reason.TOO_FEW_WEEKS,
                "No wave has gone live yet."));
    }

    @Test
    void oneWeekAfterGoLiveIsTooFewWeeks() {
        Effect result = SCORE.estimate(answers(3), waves(), W1.plusWeeks(2));

        assertThat(result).isInstanceOfSatisfying(Effect.NotEstimable.class,
                n -> assertThat(n.reason()).isEqualTo(Effect.Reason.TOO_FEW_WEEKS));
    }

    @Test
    void belowTheAnonymityThresholdThereIsNoEstimate() {
        ScoreEffect five = new ScoreEffect(new EffectRules(5, 2, 2, 0.95), ANONYMITY);

        Effect result = five.estimate(answers(4), waves(), W1.plusWeeks(3));

        assertThat(result).isInstanceOfSatisfying(Effect.NotEstimable.class,
                n -> assertThat(n.reason()).isEqualTo(Effect.Reason.TOO_FEW_PEOPLE));
    }

    @Test
    void aPersonInTwoWavesCountsInTheOneLiveFirst() {
        assertThat(ScoreEffect.earlier(SECOND, FIRST)).isEqualTo(FIRST);
        assertThat(ScoreEffect.earlier(new ScoreEffect.Wave(3, null), FIRST).number()).isEqualTo(3);
        assertThat(ScoreEffect.periodDay("pre-rollout-2026-11-24")).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(ScoreEffect.periodDay("pre-rollout-manual-2026-11-24T10:05Z"))
                .isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(ScoreEffect.periodDay("manual-2026-11-24T10:05Z")).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(ScoreEffect.periodDay("2026-11-24")).isEqualTo(LocalDate.parse("2026-11-24"));
    }

    static WorkflowScore medianAndDelta(double median, Double delta) {
        Figure none = Figure.noData(Figure.Source.PULSE);
        Figure d = delta == null ? none : Figure.shown(delta, 6, Figure.Source.PULSE);
        return new WorkflowScore("w", "p", "Workflow", "pilot", 10, "owner@example.com", 6, none, none, none, none,
                none, List.of(), none, none, d, Figure.shown(median, 6, Figure.Source.PULSE), null, Verdict.ACTIVITY,
                List.of(), List.of(), List.of());
    }

    @Test
    void aTypedBaselineWinsOverOneSampledInChat() {
        ScoreEffect score = new ScoreEffect(new EffectRules(5, 2, 2, 0.95),
                new Anonymity(new MetricsSettings(5, 10, 90, 60, 15, 50, 25, 12, 9, 50)));

        WorkflowScore typed = score.baseline(medianAndDelta(15, -25.0), new java.math.BigDecimal("20"),
                new ScoreEffect.Sampled(30, 12));
        WorkflowScore sampled = score.baseline(medianAndDelta(15, null), null, new ScoreEffect.Sampled(30, 12));
        WorkflowScore tooFew = score.baseline(medianAndDelta(15, null), null, new ScoreEffect.Sampled(30, 4));

        assertThat(typed.cycleBaseline()).isEqualTo(new CycleBaseline(20, "typed", 0));
        assertThat(typed.cycleTimeDeltaPercent().value()).isEqualTo(-25.0);
        assertThat(sampled.cycleBaseline()).isEqualTo(new CycleBaseline(30, "sampled", 12));
        assertThat(sampled.cycleBaseline().words()).isEqualTo("sampled in chat, 12 people");
        // (15 − 30) ÷ 30
        assertThat(sampled.cycleTimeDeltaPercent()).isEqualTo(Figure.shown(-50.0, 6, Figure.Source.PULSE));
        assertThat(tooFew.cycleBaseline()).isNull();
        assertThat(tooFew.cycleTimeDeltaPercent().isShown()).isFalse();
    }
}
