package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outcome effect from the values measured per wave: a week's value is the mean of the wave's values that week,
 * a wave's people its target team size, and the plain reasons when there is nothing to estimate.
 */
class ScoreOutcomeEffectTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    static final Window WINDOW = new Window(MONDAY, 12);
    static final ScoreOutcomeEffect SCORE = new ScoreOutcomeEffect(new EffectRules(5, 2, 2, 0.95));

    static WaveReads.WaveFacts wave(int number, String goLive, int team) {
        return new WaveReads.WaveFacts(number, "wf", number, "emails", goLive == null ? null
                : LocalDate.parse(goLive), team, new int[WINDOW.weeks()]);
    }

    @Test
    void aWeeksValueIsTheMeanOfTheWavesValuesThatWeek() {
        // Weeks W41–W48 (8 weeks); wave 1 live from W45, wave 2 waiting. Wave 1 posts twice a week, 10 and 12 before
        // (mean 11), 7 and 9 after (mean 8); wave 2 posts 20 every Tuesday. The effect: (8 − 11) − (20 − 20) = −3.
        List<ScoreOutcomeEffect.Value> values = new ArrayList<>();
        for (int week = 0; week < 8; week++) {
            LocalDate monday = LocalDate.parse("2026-10-05").plusWeeks(week);
            boolean live = week >= 4;
            values.add(new ScoreOutcomeEffect.Value(1, monday.plusDays(1), live ? 7 : 10));
            values.add(new ScoreOutcomeEffect.Value(1, monday.plusDays(3), live ? 9 : 12));
            values.add(new ScoreOutcomeEffect.Value(2, monday.plusDays(1), 20));
        }
        EstimateEffect.ByTeam byTeam = SCORE.estimate(values, List.of(wave(1, "2026-11-02", 5),
                wave(2, "2027-01-04", 6)), new Window(LocalDate.parse("2026-11-23"), 12));

        Effect.Estimate e = (Effect.Estimate) byTeam.effect();
        assertThat(e.effect()).isCloseTo(-3, within(1e-9));
        assertThat(e.before()).isCloseTo(11, within(1e-9));
        assertThat(e.people()).isEqualTo(11);
        assertThat(e.weeks()).isEqualTo(8);
        assertThat(byTeam.teams()).isEqualTo(2);
    }

    @Test
    void saysPlainlyWhyThereIsNoEstimate() {
        List<ScoreOutcomeEffect.Value> one = List.of(new ScoreOutcomeEffect.Value(1, MONDAY, 3));

        assertThat(words(SCORE.estimate(one, List.of(wave(1, "2026-11-02", 5)), WINDOW)))
                .startsWith("A single wave");
        assertThat(words(SCORE.estimate(List.of(), List.of(wave(1, "2026-11-02", 5), wave(2, "2027-01-04", 5)),
                WINDOW))).startsWith("No outcome values per wave yet");
        assertThat(words(SCORE.estimate(one, List.of(wave(1, "2026-12-14", 5), wave(2, "2027-01-04", 5)),
                WINDOW))).isEqualTo("No wave has gone live yet.");
        assertThat(words(SCORE.estimate(one, List.of(wave(1, "2026-11-02", 5), wave(2, "2027-01-04", 5)),
                WINDOW))).startsWith("Outcome values for only one wave");
    }

    @Test
    void theWordingSaysWhichWayTheOutcomeMovedAgainstItsTarget() {
        Effect.Estimate down = new Effect.Estimate(-6.06, -9.04, -3.16, 0.95, 40, -15.2, 24, 12, "m");
        Effect.Estimate unclear = new Effect.Estimate(1.04, -0.5, 2.55, 0.95, 40, 2.6, 24, 12, "m");

        assertThat(OutcomeEffectWording.line(new OutcomeEffect("Claims per handler", "claims", "up", 3, down)))
                .isEqualTo("Claims per handler: down 6.1 claims (95% CI −9.0 to −3.2) from going live, away from the "
                        + "target · 3 teams, 24 people, 12 weeks");
        assertThat(OutcomeEffectWording.line(new OutcomeEffect("Hours per claim", "hours", "down", 3, down)))
                .contains("towards the target");
        assertThat(OutcomeEffectWording.line(new OutcomeEffect("Hours per claim", "hours", "down", 3, unclear)))
                .contains("up 1.0 hours (95% CI −0.5 to +2.6) from going live, no clear change");
        assertThat(OutcomeEffectWording.line(null)).isNull();
    }

    private static String words(EstimateEffect.ByTeam byTeam) {
        return ((Effect.NotEstimable) byTeam.effect()).words();
    }
}
