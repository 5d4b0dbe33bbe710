package io.uptake.digest.board;

import io.uptake.catalog.Quarter;
import io.uptake.metrics.IsoWeek;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Which weeks a quarter's board summary covers and on which day it is sent.
 *
 * <p>A quarter's weeks are the ISO weeks whose Thursday falls in it (the ISO rule that gives each week to one year,
 * applied to quarters), so no week counts in two quarters. The summary is sent on the first Monday after the
 * quarter's last day: by then every week of the quarter is complete, and nothing of the next quarter is in it.
 */
final class BoardQuarter {

    private BoardQuarter() {
    }

    /** The Mondays of the quarter's weeks, oldest first. */
    static List<LocalDate> weeks(Quarter quarter) {
        List<LocalDate> mondays = new ArrayList<>();
        LocalDate thursday = quarter.firstDay().with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        for (; !thursday.isAfter(quarter.lastDay()); thursday = thursday.plusWeeks(1)) {
            mondays.add(IsoWeek.monday(thursday));
        }
        return mondays;
    }

    /** The day the summary of the quarter is sent: the first Monday after its last day. */
    static LocalDate sendDay(Quarter quarter) {
        return quarter.lastDay().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** The quarter before. */
    static Quarter previous(Quarter quarter) {
        return quarter.quarter() == 1 ? new Quarter(quarter.year() - 1, 4)
                : new Quarter(quarter.year(), quarter.quarter() - 1);
    }
}
