package io.uptake.metrics;

import java.math.BigDecimal;

/**
 * The words for the effect of going live on cycle time, the same in the digest on every platform and on the
 * dashboard: "Cycle time −6 min (−9 to −3, 95%) from going live · 48 people, 14 weeks", or "No estimate: " and
 * the plain reason there is none.
 */
public final class EffectWording {

    /** The label the line goes under, in the digest and on the workflow page. */
    public static final String LABEL = "Measured effect";

    private EffectWording() {
    }

    /** The line for an effect; null when the workflow has none (a single wave). */
    public static String line(Effect effect) {
        if (effect == null) {
            return null;
        }
        if (effect instanceof Effect.NotEstimable n) {
            return "No estimate: " + n.words();
        }
        Effect.Estimate e = (Effect.Estimate) effect;
        return "Cycle time " + minutes(e.effect()) + " min (" + minutes(e.low()) + " to " + minutes(e.high()) + ", "
                + Rounding.whole(e.confidence() * 100) + "%) from going live · " + e.people() + " people, "
                + e.weeks() + " weeks";
    }

    /** A whole number of minutes with its sign as a minus (−) or plus (+); 0 without one. */
    static String minutes(double value) {
        long whole = Rounding.whole(value);
        return whole < 0 ? "−" + (-whole) : whole > 0 ? "+" + whole : "0";
    }

    /** A figure to one decimal as the CSV writes it, no trailing zeros. */
    public static String oneDecimal(double value) {
        return OutcomeGapWording.number(BigDecimal.valueOf(Rounding.oneDecimal(value)));
    }
}
