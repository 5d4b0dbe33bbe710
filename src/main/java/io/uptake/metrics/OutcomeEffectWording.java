package io.uptake.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The words for the effect of going live on a workflow's outcome, the same in the digest on every platform and on
 * the dashboard: "Claims per handler: down 6.1 claims (95% CI −9.0 to −3.2) from going live, towards the target ·
 * 3 teams, 24 people, 12 weeks", or "No estimate: " and the plain reason there is none.
 */
public final class OutcomeEffectWording {

    /** The label the line goes under, in the digest and on the workflow page. */
    public static final String LABEL = "Measured effect on outcome";

    private OutcomeEffectWording() {
    }

    /** The line for an outcome effect; null when the workflow has none (no outcome, or not rolled out in waves). */
    public static String line(OutcomeEffect outcome) {
        if (outcome == null) {
            return null;
        }
        if (outcome.effect() instanceof Effect.NotEstimable n) {
            return "No estimate: " + n.words();
        }
        Effect.Estimate e = (Effect.Estimate) outcome.effect();
        double effect = Rounding.oneDecimal(e.effect());
        String change = effect == 0 ? "no change" : (effect < 0 ? "down " : "up ") + decimal(Math.abs(effect)) + " "
                + outcome.unit();
        String which = !e.excludesZero() ? "no clear change" : outcome.towardsTarget() ? "towards the target"
                : "away from the target";
        return outcome.metric() + ": " + change + " (" + Rounding.whole(e.confidence() * 100) + "% CI "
                + signed(e.low()) + " to " + signed(e.high()) + ") from going live, " + which + " · " + outcome.teams()
                + " teams, " + e.people() + " people, " + e.weeks() + " weeks";
    }

    /** A figure to one decimal, always with its decimal: 6.1, 9.0. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** To one decimal with its sign as a minus (−) or plus (+); 0.0 without one. */
    static String signed(double value) {
        double rounded = Rounding.oneDecimal(value);
        return rounded < 0 ? "−" + decimal(-rounded) : rounded > 0 ? "+" + decimal(rounded) : "0.0";
    }
}
