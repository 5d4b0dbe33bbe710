package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The effect of going live on a workflow's outcome metric, estimated across its rollout waves from the values
 * measured for each wave's team (issue 19's measured effect, for the outcome beside cycle time).
 *
 * @param metric    the outcome's metric, as the programmes file names it
 * @param unit      its unit
 * @param direction {@code up} or {@code down}: the way the target lies from the baseline
 * @param teams     the waves' teams the estimate rests on; 0 without an estimate
 * @param effect    the estimate in the metric's unit, with its interval, people and weeks; or why there is none
 */
@Serdeable
public record OutcomeEffect(String metric, String unit, String direction, int teams, Effect effect) {

    /** Whether an estimate whose interval leaves out 0 lies the way the target does. */
    public boolean towardsTarget() {
        return effect instanceof Effect.Estimate e && e.excludesZero()
                && ("down".equalsIgnoreCase(direction) ? e.high() < 0 : e.low() > 0);
    }
}
