package io.uptake.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding of figures: half away from zero, so −43.75 shows as −43.8 as 43.75 shows as 43.8 ({@code
 * Math.round} would give −43.7). Figures are computed exactly and rounded once, here, where they are made or
 * worded.
 */
public final class Rounding {

    private Rounding() {
    }

    /** To one decimal, as the API and the CSV exports show figures. */
    public static double oneDecimal(double value) {
        return round(value, 1).doubleValue();
    }

    /** To a whole number, as chat messages word figures. */
    public static long whole(double value) {
        return round(value, 0).longValue();
    }

    private static BigDecimal round(double value, int decimals) {
        // valueOf reads the double's shortest decimal form, so 43.75 is exactly 43.75, not 43.749999…
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
