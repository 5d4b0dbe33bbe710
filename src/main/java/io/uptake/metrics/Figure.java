package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One figure as an output may show it: a value with the number of people or answers behind it and where it came
 * from, or the reason there is no value. Only {@link Anonymity} makes figures from answers, so a suppressed
 * figure never carries its value.
 *
 * @param value  the value when {@code state} is {@link State#SHOWN}, otherwise null
 * @param n      how many people (or answers, or deliveries) the figure rests on; 0 when suppressed
 * @param source where the data came from
 */
@Serdeable
public record Figure(@Nullable Double value, int n, Source source, State state) {

    /** Whether a value is shown. */
    public enum State {
        SHOWN,
        /** Too few respondents to show a value (or hidden so a neighbour cannot be recovered). */
        SUPPRESSED,
        /** Nothing to compute from yet, e.g. habit before 12 weeks of data. */
        NO_DATA
    }

    /** Where a figure's data came from. */
    public enum Source {
        TELEMETRY, SELF_REPORT, PULSE, CHECKIN, CATALOGUE
    }

    public static Figure shown(double value, int n, Source source) {
        return new Figure(value, n, source, State.SHOWN);
    }

    public static Figure suppressed(Source source) {
        return new Figure(null, 0, source, State.SUPPRESSED);
    }

    public static Figure noData(Source source) {
        return new Figure(null, 0, source, State.NO_DATA);
    }

    public boolean isShown() {
        return state == State.SHOWN;
    }
}
