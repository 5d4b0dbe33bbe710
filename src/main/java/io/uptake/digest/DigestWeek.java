package io.uptake.digest;

import io.uptake.metrics.IsoWeek;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** The last week complete in {@code zone} at {@code at} (the rule is {@link IsoWeek}'s). */
    public static DigestWeek lastComplete(Instant at, ZoneId zone) {
        return new DigestWeek(IsoWeek.lastComplete(at, zone));
    }

    /** The week still running in {@code zone} at {@code at}. */
    public static DigestWeek running(Instant at, ZoneId zone) {
        return new DigestWeek(IsoWeek.running(at, zone));
    }

    /** Whether this week is complete in {@code zone} at {@code at}. */
    public boolean completeAt(Instant at, ZoneId zone) {
        return IsoWeek.complete(monday, at, zone);
    }

    /** The week containing the given day. */
    public static DigestWeek of(LocalDate day) {
        return new DigestWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public String name() {
        return IsoWeek.format(monday);
    }

    /** Reads {@code 2026-W47} as the scorecard API does; empty for anything else. */
    public static java.util.Optional<DigestWeek> parse(String text) {
        return IsoWeek.parse(text).map(DigestWeek::of);
    }
}
