package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The thresholds of the anonymity rules, the flags and the verdict.
 *
 * @param minRespondents      fewest answers (or deliveries) an answer-based figure may rest on; never below 3
 * @param minFreeText         fewest answers before free-text comments may be shown
 * @param pilotMaxAgeDays     a pilot older than this is flagged
 * @param responseRateFlag    a response rate below this percentage is flagged
 * @param trustDropFlag       a trust fall of at least this many points against the previous 4 weeks is flagged
 * @param leverageWauPercent  leverage needs weekly active use above this share of the target team
 * @param emergingWauPercent  weekly active use at or above this share makes a workflow at least emerging
 * @param habitWeeks          weeks of the habit window
 * @param habitMinWeeks       weeks in the window a person must have used the workflow to count as a habit
 * @param programmeLeverageShare percentage of a programme's workflows that must be at leverage for the programme
 */
@ConfigurationProperties("uptake.metrics")
public record MetricsSettings(
        @Bindable(defaultValue = "5") int minRespondents,
        @Bindable(defaultValue = "10") int minFreeText,
        @Bindable(defaultValue = "90") int pilotMaxAgeDays,
        @Bindable(defaultValue = "60") int responseRateFlag,
        @Bindable(defaultValue = "15") int trustDropFlag,
        @Bindable(defaultValue = "50") int leverageWauPercent,
        @Bindable(defaultValue = "25") int emergingWauPercent,
        @Bindable(defaultValue = "12") int habitWeeks,
        @Bindable(defaultValue = "9") int habitMinWeeks,
        @Bindable(defaultValue = "50") int programmeLeverageShare) {

    /** The lowest min-respondents allowed: below it a figure points at individuals. */
    public static final int FLOOR = 3;

    public static MetricsSettings defaults() {
        return new MetricsSettings(5, 10, 90, 60, 15, 50, 25, 12, 9, 50);
    }
}
