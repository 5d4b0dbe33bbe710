package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where trust calibration cuts trust and the correction rate. A trust index at or above {@code highTrust} is high
 * trust, at or below {@code lowTrust} low trust; a correction rate at or above {@code frequentCorrections} percent
 * is frequent, at or below {@code rareCorrections} rare. A value equal to a threshold counts as past it.
 *
 * <p>The defaults (high trust 60, low trust 40 on the 0–100 trust index; frequent corrections 30 %, rare 10 %) are
 * Uptake's own: no survey vendor or standard publishes cut-offs for reading trust against corrections. 60 and 40
 * sit one step of a 1–5 answer (25 points) apart around the scale's middle (50, "3"), and 30 % and 10 % say "about
 * one answer in three says output often needs fixing" and "about one in ten". Set your own where your
 * organisation reads them differently.
 *
 * @param highTrust           the trust index (0–100) from which trust is high
 * @param lowTrust            the trust index up to which trust is low; below {@code highTrust}
 * @param frequentCorrections the share (percent) answering "often" or "always" from which corrections are frequent
 * @param rareCorrections     the share up to which corrections are rare; below {@code frequentCorrections}
 */
@Context
@Serdeable
@ConfigurationProperties("uptake.metrics.calibration")
public record CalibrationSettings(
        @Bindable(defaultValue = "60") int highTrust,
        @Bindable(defaultValue = "40") int lowTrust,
        @Bindable(defaultValue = "30") int frequentCorrections,
        @Bindable(defaultValue = "10") int rareCorrections) {

    public CalibrationSettings {
        if (!(0 <= lowTrust && lowTrust < highTrust && highTrust <= 100)) {
            throw new IllegalStateException("uptake.metrics.calibration: low-trust is " + lowTrust
                    + " and high-trust " + highTrust + "; they need 0 <= low-trust < high-trust <= 100 on the trust"
                    + " index, or one workflow could be both high and low trust.");
        }
        if (!(0 <= rareCorrections && rareCorrections < frequentCorrections && frequentCorrections <= 100)) {
            throw new IllegalStateException("uptake.metrics.calibration: rare-corrections is " + rareCorrections
                    + " and frequent-corrections " + frequentCorrections + "; they need 0 <= rare-corrections"
                    + " < frequent-corrections <= 100 (percent), or corrections could be both rare and frequent.");
        }
    }

    public static CalibrationSettings defaults() {
        return new CalibrationSettings(60, 40, 30, 10);
    }
}
