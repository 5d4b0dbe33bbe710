package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the usage cohorts cut a week: a person of the audience with no day of use is in none, with 1 to
 * {@code lightMaxDays} days light, up to {@code moderateMaxDays} moderate, and above that heavy.
 *
 * <p>The defaults (light 1 day, moderate 2–3 days, heavy 4 or more days of the week) are Uptake's own reading of
 * days of use per week, not a vendor's numbers. Microsoft's Copilot Dashboard reports active users and how
 * intensely they use Copilot, and DX's AI measurement framework speaks of no adoption, light, moderate and heavy
 * users (its documentation cuts them at percentiles of an organisation's own 4-week usage volume); Uptake counts
 * days, which every source it reads can give. Set your own where your organisation counts differently.
 *
 * @param lightMaxDays    the most days of use in a week that still count as light; at least 1
 * @param moderateMaxDays the most days that still count as moderate; above light and below 7, so heavy is possible
 */
@Context
@ConfigurationProperties("uptake.metrics.cohorts")
public record CohortSettings(
        @Bindable(defaultValue = "1") int lightMaxDays,
        @Bindable(defaultValue = "3") int moderateMaxDays) {

    public CohortSettings {
        if (lightMaxDays < 1 || moderateMaxDays <= lightMaxDays || moderateMaxDays >= 7) {
            throw new IllegalStateException("uptake.metrics.cohorts: light-max-days is " + lightMaxDays
                    + " and moderate-max-days " + moderateMaxDays + "; they need 1 <= light-max-days"
                    + " < moderate-max-days < 7 so each cohort can hold someone.");
        }
    }

    public static CohortSettings defaults() {
        return new CohortSettings(1, 3);
    }
}
