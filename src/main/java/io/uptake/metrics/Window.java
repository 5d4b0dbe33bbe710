package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The weeks a scorecard looks at: the scored week and the ones before it, oldest first. */
record Window(LocalDate scoredWeek, int weeks) {

    LocalDate first() {
        return scoredWeek.minusWeeks(weeks - 1L);
    }

    /** The day after the scored week. */
    LocalDate end() {
        return scoredWeek.plusWeeks(1);
    }

    LocalDate monday(int index) {
        return first().plusWeeks(index);
    }

    int current() {
        return weeks - 1;
    }

    /** How the period of a round sent by hand ("send now") begins, before the UTC minute it was sent. */
    static final String MANUAL = "manual-";

    /**
     * The week index of a round period ({@code 2026-11-24}, or {@code manual-2026-11-24T10:05Z} for a round sent by
     * hand) inside the window.
     */
    int index(String period) {
        String date = period.startsWith(MANUAL) ? period.substring(MANUAL.length()) : period;
        LocalDate day = LocalDate.parse(date.substring(0, 10));
        int index = (int) ChronoUnit.WEEKS.between(first(), day);
        return Math.max(0, Math.min(weeks - 1, index));
    }

    /**
     * SQL for the week index (0 = the window's first week) of a DATE column, with one date parameter: the window's
     * first day. Arithmetic, not a CASE, because it is evaluated for every usage row: SQLite keeps dates as epoch
     * milliseconds at midnight (the way the repositories write them; half a day is added so an hour of daylight
     * saving in the JVM's zone cannot move a day into the week before), PostgreSQL subtracts dates to days.
     */
    String weekNumber(Connection c, String column) throws SQLException {
        boolean sqlite = "SQLite".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        return sqlite ? "((" + column + " - ? + 43200000) / 604800000)" : "((" + column + " - CAST(? AS DATE)) / 7)";
    }
}
