package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether a workflow's use is drifting back to the old way: weekly active use falling, people who tried and
 * stopped, people who never started, and whether a majority of the target team was weekly active within the first
 * quarter since launch.
 *
 * @param fallingWeeks     consecutive weeks, up to the scored one, in which WAU fell against the week before; a week
 *                         whose WAU is not shown (suppressed, no data) ends the run
 * @param peakWauPercent   the highest shown WAU of the last peak-weeks weeks (4), the scored one included
 * @param dropFromPeak     (peak − this week's WAU) ÷ peak, in percent of the peak
 * @param triedAndStopped  share of the audience active in an earlier window and not since: the cohorts' figure
 * @param neverStarted     share of the audience at the end of the week with no use at all on record
 * @param firstQuarter     the "majority weekly active within the first quarter since launch" check
 * @param flags            the drift flags in plain words; empty when nothing drifts. They are among the
 *                         workflow's flags too
 * @param peakWeeks        the weeks the peak is taken over (peak-weeks)
 * @param judgedOn         the ISO week all of this was judged on when the scored week is still running: the last
 *                         complete one, since a week so far (a Monday's WAU of 0%) would read as a fall that never
 *                         happened; null when it is the scored week itself
 */
@Serdeable
public record Drift(int fallingWeeks, Figure peakWauPercent, Figure dropFromPeak, Figure triedAndStopped,
                    Figure neverStarted, FirstQuarter firstQuarter, List<String> flags, int peakWeeks,
                    @Nullable String judgedOn) {

    /** How the flag of a first quarter missed begins; an owner is alerted to it only in the week it is missed. */
    public static final String FIRST_QUARTER_MISSED = "majority not weekly active within the first quarter";

    public Drift {
        flags = List.copyOf(flags);
    }

    /** Drift judged on the scored week itself. */
    public Drift(int fallingWeeks, Figure peakWauPercent, Figure dropFromPeak, Figure triedAndStopped,
                 Figure neverStarted, FirstQuarter firstQuarter, List<String> flags, int peakWeeks) {
        this(fallingWeeks, peakWauPercent, dropFromPeak, triedAndStopped, neverStarted, firstQuarter, flags, peakWeeks,
                null);
    }

    /** The same drift, said to be judged on {@code week} (an ISO week such as 2026-W49). */
    public Drift judgedOn(String week) {
        return new Drift(fallingWeeks, peakWauPercent, dropFromPeak, triedAndStopped, neverStarted, firstQuarter,
                flags, peakWeeks, week);
    }

    public static Drift noData() {
        Figure none = Figure.noData(Figure.Source.SELF_REPORT);
        return new Drift(0, none, none, none, none, FirstQuarter.notLaunched(), List.of(),
                DriftSettings.defaults().peakWeeks());
    }

    /**
     * The first-quarter check.
     *
     * @param launched the day the workflow first went into pilot (or production), null before
     * @param deadline launched plus the first quarter (first-quarter-weeks, 13)
     * @param state    MET, MISSED, PENDING (deadline not reached and not met yet) or NOT_LAUNCHED
     * @param metOn    the Monday of the first week a majority was weekly active, when met
     */
    @Serdeable
    public record FirstQuarter(@Nullable LocalDate launched, @Nullable LocalDate deadline, String state,
                               @Nullable LocalDate metOn) {

        public static FirstQuarter notLaunched() {
            return new FirstQuarter(null, null, "NOT_LAUNCHED", null);
        }
    }
}
