package io.uptake.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The weeks a scorecard looks at: the scored week and the ones before it, oldest first, and how SQL sorts a row
 * into one of them with a CASE over bound parameters (the same text on SQLite and PostgreSQL).
 */
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

    /** The week index of a round period ({@code 2026-11-24} or {@code 2026-11-24T10:05}) inside the window. */
    int index(String period) {
        LocalDate day = LocalDate.parse(period.substring(0, 10));
        int index = (int) java.time.temporal.ChronoUnit.WEEKS.between(first(), day);
        return Math.max(0, Math.min(weeks - 1, index));
    }

    /**
     * SQL for the week index (0 = the window's first week) of a DATE column, with one date parameter: the window's
     * first day. Arithmetic, not a CASE, because it is evaluated for every usage row: SQLite keeps dates as epoch
     * milliseconds at UTC midnight (the way the repositories write them), PostgreSQL subtracts dates to days.
     */
    String weekNumber(java.sql.Connection c, String column) throws java.sql.SQLException {
        boolean sqlite = "SQLite".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        return sqlite ? "((" + column + " - ?) / 604800000)" : "((" + column + " - CAST(? AS DATE)) / 7)";
    }

    /**
     * {@code CASE WHEN col < ? THEN 0 ... ELSE n-1 END}: the week index of {@code column}, whose rows the caller
     * has already limited to the window. Dates are bound as dates; text columns (round periods such as
     * {@code 2026-11-24} or {@code 2026-11-24T10:05}) as ISO date strings, which sort the same way.
     */
    Sql.Fragment bucket(String column, boolean asText) {
        StringBuilder sql = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = 1; i < weeks; i++) {
            sql.append(" WHEN ").append(column).append(" < ? THEN ").append(i - 1);
            params.add(asText ? monday(i).toString() : monday(i));
        }
        sql.append(" ELSE ").append(weeks - 1).append(" END");
        return new Sql.Fragment(sql.toString(), params);
    }
}
