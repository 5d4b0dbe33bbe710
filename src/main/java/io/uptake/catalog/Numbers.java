package io.uptake.catalog;

import java.math.BigDecimal;

/** Number comparisons that ignore scale: a database may hand back 120.0000 for 120. */
final class Numbers {

    private Numbers() {
    }

    /** The number without trailing zeros and without an exponent: 120.0000 becomes 120, 1.50 becomes 1.5. */
    static BigDecimal plain(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.compareTo(b) == 0;
    }
}
