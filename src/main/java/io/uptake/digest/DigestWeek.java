package io.uptake.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * An ISO week, named as in {@code 2026-W47}.
 *
 * @param monday the first day of the week
 */
public record DigestWeek(LocalDate monday) {

    public DigestWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
    }

    /** The last complete ISO week before the given day: the digest on a Monday covers the week just ended. */
    public static DigestWeek lastCompleteBefore(LocalDate day) {
        return new DigestWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1));
    }

    /** The week containing the given day. */
    public static DigestWeek of(LocalDate day) {
        return new DigestWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public String name() {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Reads {@code 2026-W47}; empty for anything else. */
    public static java.util.Optional<DigestWeek> parse(String text) {
        if (text == null || !text.matches("\\d{4}-W\\d{2}")) {
            return java.util.Optional.empty();
        }
        int year = Integer.parseInt(text.substring(0, 4));
        int number = Integer.parseInt(text.substring(6));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (number < 1 || number > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(of(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)));
    }
}
