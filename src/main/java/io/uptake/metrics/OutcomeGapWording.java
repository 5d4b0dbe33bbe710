package io.uptake.metrics;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words for a claimed outcome value beside the measured one, the same in the scorecard, digest and messages. */
public final class OutcomeGapWording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private OutcomeGapWording() {
    }

    /** "claimed 47, measured 44 on 30 Nov", or null unless both values exist. */
    public static String claimedVsMeasured(OutcomeProgress o) {
        if (o == null || o.claimed() == null || o.measured() == null || o.measuredOn() == null) {
            return null;
        }
        return "claimed " + number(o.claimed()) + ", measured " + number(o.measured()) + " on "
                + DAY.format(o.measuredOn());
    }

    /**
     * What the system of record measured, beside the claim when there is one: "claimed 47, measured 44 on 30 Nov", or
     * "measured 44 on 30 Nov" before the owner's first check-in; null when nothing was measured.
     */
    public static String measuredBeside(OutcomeProgress o) {
        String both = claimedVsMeasured(o);
        if (both != null || o == null || o.measured() == null || o.measuredOn() == null) {
            return both;
        }
        return "measured " + number(o.measured()) + " on " + DAY.format(o.measuredOn());
    }

    /** "claimed 47, measured 40 on 30 Nov: 17.5% apart (over 10%)", for a flagged gap. */
    public static String flag(OutcomeProgress o, BigDecimal threshold) {
        String apart = o.gapPercent() == null ? "the measured value is 0"
                : number(BigDecimal.valueOf(Math.abs(o.gapPercent()))) + "% apart";
        return "outcome " + claimedVsMeasured(o) + ": " + apart + " (over " + number(threshold) + "%)";
    }

    /** A number as people write it: no trailing zeros, no exponent. */
    public static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
