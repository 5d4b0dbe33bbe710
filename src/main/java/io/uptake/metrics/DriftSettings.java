package io.uptake.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * When a workflow's weekly active use counts as drifting back to the old way, and how long its first quarter is.
 *
 * <p>The defaults are Uptake's own reading, not a vendor's numbers: three falls in a row is the shortest run that is
 * more than a bad week and its echo; a quarter below the recent peak is a loss a leader would act on in a team of any
 * size (a fall of one person in a team of four is 25 %, so small teams need a run to be flagged, not a blip); 13
 * weeks is a calendar quarter, the span the programme's outcome check-ins are kept over.
 *
 * @param fallingWeeks         weeks in a row of falling weekly active use that raise a flag; 1 to 11, as the
 *                             history holds 12 weeks
 * @param peakWeeks            weeks the peak is taken over: the scored week and the ones before it; 2 to 12
 * @param dropFromPeakPercent  a fall from that peak of more than this share of it, in percent, raises a flag; 1 to 99
 * @param firstQuarterWeeks    weeks from launch within which a majority should be weekly active; 1 to 52
 */
@Context
@ConfigurationProperties("uptake.metrics.drift")
public record DriftSettings(
        @Bindable(defaultValue = "3") int fallingWeeks,
        @Bindable(defaultValue = "4") int peakWeeks,
        @Bindable(defaultValue = "25") int dropFromPeakPercent,
        @Bindable(defaultValue = "13") int firstQuarterWeeks) {

    public DriftSettings {
        check(fallingWeeks, 1, 11, "falling-weeks", "the history holds 12 weeks, so at most 11 falls");
        check(peakWeeks, 2, 12, "peak-weeks", "a peak needs 2 weeks and the history holds 12");
        check(dropFromPeakPercent, 1, 99, "drop-from-peak-percent", "a share of the peak, in percent");
        check(firstQuarterWeeks, 1, 52, "first-quarter-weeks", "weeks from launch, up to a year");
    }

    public static DriftSettings defaults() {
        return new DriftSettings(3, 4, 25, 13);
    }

    private static void check(int value, int min, int max, String key, String why) {
        if (value < min || value > max) {
            throw new IllegalStateException("uptake.metrics.drift." + key + " is " + value + " but must be from "
                    + min + " to " + max + ": " + why + ".");
        }
    }
}
