package io.uptake.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure as the oracle expects an output to show it: a value with its n and source, suppressed, or no data.
 * Values are exact to one decimal, rounded half away from zero.
 */
record Fig(State state, BigDecimal value, int n, String source) {

    enum State { SHOWN, SUPPRESSED, NO_DATA }

    static Fig shown(BigDecimal value, int n, String source) {
        return new Fig(State.SHOWN, value, n, source);
    }

    static Fig suppressed(String source) {
        return new Fig(State.SUPPRESSED, null, 0, source);
    }

    static Fig noData(String source) {
        return new Fig(State.NO_DATA, null, 0, source);
    }

    /** Shown from {@code min} answers up, suppressed below. */
    static Fig score(BigDecimal value, int n, int min, String source) {
        return n >= min ? shown(value, n, source) : suppressed(source);
    }

    /** {@code part} of {@code whole} in percent, one decimal. */
    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal oneDecimal(BigDecimal exact) {
        return exact.setScale(1, RoundingMode.HALF_UP);
    }

    boolean isShown() {
        return state == State.SHOWN;
    }

    /** As a digest words it: the whole number, half away from zero, of the one-decimal figure. */
    long whole() {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    @Override
    public String toString() {
        return switch (state) {
            case SHOWN -> value.stripTrailingZeros().toPlainString() + " (n=" + n + ", " + source + ")";
            case SUPPRESSED -> "suppressed (" + source + ")";
            case NO_DATA -> "n/a (" + source + ")";
        };
    }
}
