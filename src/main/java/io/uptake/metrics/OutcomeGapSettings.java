package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.math.BigDecimal;

/**
 * How far an owner's claimed outcome value may lie from the measured one before the workflow is flagged and its
 * sponsor told: claimed and measured more than {@code percent} of the measured value apart (10 % by default; a gap
 * of exactly the share is not flagged).
 *
 * @param percent the share, in percent of the measured value; above 0 and at most 1000
 */
@Context
@ConfigurationProperties("uptake.metrics.outcome-gap")
public record OutcomeGapSettings(@Bindable(defaultValue = "10") BigDecimal percent) {

    public OutcomeGapSettings {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalStateException("uptake.metrics.outcome-gap.percent is " + percent + "; it needs a share"
                    + " above 0 and at most 1000 (percent of the measured value), e.g. 10.");
        }
    }

    public static OutcomeGapSettings defaults() {
        return new OutcomeGapSettings(BigDecimal.TEN);
    }
}
