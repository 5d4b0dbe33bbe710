package io.uptake.metrics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO weeks as the scorecard names them ({@code 2026-W47}), identified by their Monday. */
public final class IsoWeek {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-W(\\d{2})");

    private IsoWeek() {
    }

    /** The Monday of a week written {@code 2026-W47}, or empty when the text is not such a week. */
    public static Optional<LocalDate> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate monday = LocalDate.parse(m.group(1) + "-W" + m.group(2) + "-1",
                    DateTimeFormatter.ISO_WEEK_DATE);
            return format(monday).equals(m.group(0)) ? Optional.of(monday) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String format(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The Monday of the last week that has fully ended (in UTC) at the clock's instant. */
    public static LocalDate lastComplete(Clock clock) {
        return monday(LocalDate.now(clock.withZone(ZoneOffset.UTC))).minusWeeks(1);
    }
}
