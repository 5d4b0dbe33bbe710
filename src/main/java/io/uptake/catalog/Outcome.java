package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The commercial outcome a workflow's owner is accountable for.
 *
 * @param declared the day the outcome and its baseline were fixed, as the file's {@code declared:} key says; null
 *                 when the file does not say (the day a catalog load first found it stands in)
 */
public record Outcome(String metric, String unit, Direction direction, BigDecimal baseline, BigDecimal target,
                      Quarter by, @Nullable LocalDate declared) {

    /** An outcome whose file gives no {@code declared:} date. */
    public Outcome(String metric, String unit, Direction direction, BigDecimal baseline, BigDecimal target,
                   Quarter by) {
        this(metric, unit, direction, baseline, target, by, null);
    }

    /** Which way the metric should move. */
    public enum Direction {
        UP, DOWN
    }
}
