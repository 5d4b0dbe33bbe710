package io.uptake.catalog;

import java.math.BigDecimal;

/** Number comparisons that ignore scale: a database may hand back 120.0000 for 120. */
final class Numbers {

    private Numbers() {
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.compareTo(b) == 0;
    }
}
