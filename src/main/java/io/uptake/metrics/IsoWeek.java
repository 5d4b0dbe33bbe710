package io.uptake.metrics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO weeks as the scorecard names them ({@code 2026-W47}), identified by their Monday, and the one rule for which
 * week is complete: a week is complete in a zone once its Sunday 24:00 there has passed. A digest scores the last
 * complete week in its own zone; the admin API, the digest preview and chat status reckon in UTC. The week that
 * is not yet complete is the running one, shown only as "so far".
 */
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

    /** Whether the week of {@code day} is complete in {@code zone} at {@code at}: its Sunday 24:00 there passed. */
    public static boolean complete(LocalDate day, Instant at, ZoneId zone) {
        return !at.isBefore(monday(day).plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    /** The Monday of the week running in {@code zone} at {@code at}. */
    public static LocalDate running(Instant at, ZoneId zone) {
        return monday(LocalDate.ofInstant(at, zone));
    }

    /** The Monday of the last week complete in {@code zone} at {@code at}. */
    public static LocalDate lastComplete(Instant at, ZoneId zone) {
        return running(at, zone).minusWeeks(1);
    }

    /** The Monday of the last week that has fully ended in UTC at the clock's instant. */
    public static LocalDate lastComplete(Clock clock) {
        return lastComplete(clock.instant(), ZoneOffset.UTC);
    }
}
