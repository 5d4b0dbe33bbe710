package io.uptake.pulse;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Works out when a message may reach a person: at a local time, out of quiet hours and weekends. */
public final class SendTimes {

    private final LocalTime quietStart;
    private final LocalTime quietEnd;
    private final boolean skipWeekends;

    public SendTimes(PulseSettings settings) {
        this(settings.quietStart(), settings.quietEnd(), settings.skipWeekends());
    }

    SendTimes(LocalTime quietStart, LocalTime quietEnd, boolean skipWeekends) {
        this.quietStart = quietStart;
        this.quietEnd = quietEnd;
        this.skipWeekends = skipWeekends;
    }

    /** The instant a pulse scheduled for {@code date} at {@code time} reaches someone living in {@code zone}. */
    Instant due(LocalDate date, LocalTime time, ZoneId zone) {
        return allowedFrom(ZonedDateTime.of(date, time, zone).toInstant(), zone);
    }

    /** The first instant at or after {@code instant} that is neither in quiet hours nor on a weekend there. */
    public Instant allowedFrom(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        for (int guard = 0; guard < 8; guard++) {
            if (quiet(t.toLocalTime())) {
                LocalDate day = t.toLocalTime().isBefore(quietEnd) ? t.toLocalDate() : t.toLocalDate().plusDays(1);
                t = ZonedDateTime.of(day, quietEnd, zone);
            }
            if (skipWeekends && weekend(t.getDayOfWeek())) {
                t = ZonedDateTime.of(t.toLocalDate().plusDays(t.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1),
                        t.toLocalTime(), zone);
                continue;
            }
            return t.toInstant();
        }
        return t.toInstant();
    }

    boolean allowedAt(Instant instant, ZoneId zone) {
        return allowedFrom(instant, zone).equals(instant);
    }

    private boolean quiet(LocalTime time) {
        if (quietStart.equals(quietEnd)) {
            return false;
        }
        if (quietStart.isAfter(quietEnd)) {
            return !time.isBefore(quietStart) || time.isBefore(quietEnd);
        }
        return !time.isBefore(quietStart) && time.isBefore(quietEnd);
    }

    private static boolean weekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
