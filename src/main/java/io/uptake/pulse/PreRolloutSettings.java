package io.uptake.pulse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The pre-rollout pulse: how many weeks before a wave's go-live its members are asked the cycle-time question alone
 * (the wave's "before"), each time the workflow's pulse opens a round. {@code UPTAKE_PULSES_PRE_ROLLOUT_WEEKS}; 0
 * sends none.
 *
 * @param weeks weeks before a go-live in which the pre-rollout pulse goes out
 */
@ConfigurationProperties("uptake.pulses.pre-rollout")
public record PreRolloutSettings(@Bindable(defaultValue = "4") int weeks) {

    public PreRolloutSettings {
        if (weeks < 0) {
            throw new IllegalArgumentException("uptake.pulses.pre-rollout.weeks must be 0 or more, not " + weeks);
        }
    }
}
