package io.uptake.connect.graph;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The report periods Graph offers for the Copilot usage report (version 1): the last 7, 30, 90 or 180 days up to
 * the report's refresh date. A pull asks for the shortest one reaching back to its first day.
 */
enum ReportPeriod {

    D7(7), D30(30), D90(90), D180(180);

    private final int days;

    ReportPeriod(int days) {
        this.days = days;
    }

    int days() {
        return days;
    }

    /**
     * The shortest period whose first day is on or before {@code from}, counting back from {@code today} (the
     * report's refresh date is never later, so its period starts no later either); D180 when none reaches.
     */
    static ReportPeriod covering(LocalDate from, LocalDate today) {
        long needed = ChronoUnit.DAYS.between(from, today) + 1;
        for (ReportPeriod period : values()) {
            if (period.days >= needed) {
                return period;
            }
        }
        return D180;
    }

    /** Whether this period, counted back from {@code today}, leaves out days on or after {@code from}. */
    boolean startsAfter(LocalDate from, LocalDate today) {
        return ChronoUnit.DAYS.between(from, today) + 1 > days;
    }
}
