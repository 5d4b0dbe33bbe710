package io.uptake.web.programmes;

import io.micronaut.core.annotation.Nullable;
import io.uptake.metrics.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The week a page shows, chosen with {@code ?week=2026-W47}: the last complete week (UTC) when none is given, the
 * running one shown as "so far", never one that has not begun. The dashboard reckons weeks in UTC, as the admin API
 * and the digest preview do.
 *
 * @param monday   the Monday of the chosen week
 * @param running  the Monday of the week running now
 */
record WeekChoice(LocalDate monday, LocalDate running) {

    /** What was asked for could not be shown, said in plain words for a 400 page. */
    static final class BadWeek extends Exception {
        BadWeek(String message) {
            super(message);
        }
    }

    static WeekChoice of(@Nullable String asked, Instant now) throws BadWeek {
        LocalDate running = IsoWeek.running(now, ZoneOffset.UTC);
        if (asked == null || asked.isBlank()) {
            return new WeekChoice(IsoWeek.lastComplete(now, ZoneOffset.UTC), running);
        }
        String text = asked.strip();
        Optional<LocalDate> monday = IsoWeek.parse(text);
        if (monday.isEmpty()) {
            throw new BadWeek("“" + shorten(text) + "” is not a week. Write a week as the year, W and the week "
                    + "number, for example " + IsoWeek.format(running) + ".");
        }
        if (monday.get().isAfter(running)) {
            throw new BadWeek("Week " + IsoWeek.format(monday.get()) + " has not begun yet. The latest week is "
                    + IsoWeek.format(running) + ", shown so far.");
        }
        return new WeekChoice(monday.get(), running);
    }

    String week() {
        return IsoWeek.format(monday);
    }

    boolean soFar() {
        return monday.equals(running);
    }

    String previous() {
        return IsoWeek.format(monday.minusWeeks(1));
    }

    /** The week after, or null when this is the running week. */
    @Nullable
    String next() {
        return soFar() ? null : IsoWeek.format(monday.plusWeeks(1));
    }

    String runningWeek() {
        return IsoWeek.format(running);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
