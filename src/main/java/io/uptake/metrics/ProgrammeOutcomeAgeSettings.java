package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How old a programme may grow with no outcome moving before it is flagged ("18 months in and no outcome"):
 * {@code uptake.metrics.programme-outcome-age.months}, 12 by default.
 *
 * @param months whole months, at least 1 and at most 120
 */
@Context
@ConfigurationProperties("uptake.metrics.programme-outcome-age")
public record ProgrammeOutcomeAgeSettings(@Bindable(defaultValue = "12") int months) {

    public ProgrammeOutcomeAgeSettings {
        if (months < 1 || months > 120) {
            throw new IllegalStateException("uptake.metrics.programme-outcome-age.months is " + months
                    + "; it needs whole months from 1 to 120, e.g. 12.");
        }
    }

    public static ProgrammeOutcomeAgeSettings defaults() {
        return new ProgrammeOutcomeAgeSettings(12);
    }
}
