package io.uptake.catalog;

import java.math.BigDecimal;

/** The commercial outcome a workflow's owner is accountable for. */
public record Outcome(String metric, String unit, Direction direction, BigDecimal baseline, BigDecimal target,
                      Quarter by) {

    /** Which way the metric should move. */
    public enum Direction {
        UP, DOWN
    }
}
