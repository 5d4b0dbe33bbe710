package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * When a pilot's owner is asked to decide: from this day of the pilot on, a pilot whose use or trust is falling,
 * whose pulse too few answer or whose check-in was missed gets one early warning (the thresholds of those signals
 * are the flags' own: {@code uptake.metrics.trust-drop-flag}, {@code uptake.metrics.response-rate-flag} and
 * {@code uptake.metrics.drift.falling-weeks}).
 *
 * @param earlyWarningDay the day of the pilot spell the early warning may go from; 7 to 365
 */
@Context
@ConfigurationProperties("uptake.metrics.sequencing")
public record SequencingSettings(@Bindable(defaultValue = "60") int earlyWarningDay) {

    public SequencingSettings {
        if (earlyWarningDay < 7 || earlyWarningDay > 365) {
            throw new IllegalStateException("uptake.metrics.sequencing.early-warning-day is " + earlyWarningDay
                    + " but must be from 7 to 365: a day of the pilot, within its first year.");
        }
    }

    public static SequencingSettings defaults() {
        return new SequencingSettings(60);
    }
}
