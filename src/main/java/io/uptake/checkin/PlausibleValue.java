package io.uptake.checkin;

import java.math.BigDecimal;

/**
 * Whether a value is believable for an outcome: not more than three times the baseline-to-target span beyond
 * either end. A value further out is more often a slip (a decimal mark misread, a digit too many) than news, so
 * the form asks before saving it.
 */
final class PlausibleValue {

    static final BigDecimal SPANS = BigDecimal.valueOf(3);

    private PlausibleValue() {
    }

    static boolean farOutside(BigDecimal value, BigDecimal baseline, BigDecimal target) {
        BigDecimal low = baseline.min(target);
        BigDecimal high = baseline.max(target);
        BigDecimal margin = high.subtract(low).multiply(SPANS);
        return value.compareTo(low.subtract(margin)) < 0 || value.compareTo(high.add(margin)) > 0;
    }
}
