package io.uptake.catalog;

import java.math.BigDecimal;

/** The targeted task and how long it took before the redesign. */
public record CycleTime(String task, BigDecimal baselineMinutes) {
}
