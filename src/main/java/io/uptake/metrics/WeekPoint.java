package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;

/** One ISO week of a workflow's history, for trends and the chart. */
@Serdeable
public record WeekPoint(String week, Figure wauPercent, Figure trustIndex) {
}
