package io.uptake.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * A weekly schedule: the days, the local time of day, and the zone that time is read in.
 *
 * @param zone the zone, or empty when the time is read in each recipient's own zone ({@code zone: recipient})
 */
public record Schedule(Set<DayOfWeek> days, LocalTime at, Optional<ZoneId> zone) {

    public Schedule {
        days = Set.copyOf(days);
    }

    public boolean recipientZone() {
        return zone.isEmpty();
    }
}
