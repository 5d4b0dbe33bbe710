package io.uptake.metrics;

/**
 * One unit's value of a metric in one week, as the effect estimate reads it: for example a person's median
 * cycle time in minutes that week.
 *
 * @param unit  who the value belongs to (a person or a team); a unit belongs to one wave
 * @param wave  the rollout wave the unit is in
 * @param week  the week, as a week index (consecutive weeks differ by 1)
 * @param value the metric's value that week
 */
public record EffectObservation(String unit, String wave, int week, double value) {

    public EffectObservation {
        if (unit == null || unit.isBlank() || wave == null || wave.isBlank()) {
            throw new IllegalArgumentException("an observation needs a unit and a wave");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the value of " + unit + " in week " + week + " is not a number");
        }
    }
}
