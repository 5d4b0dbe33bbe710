package io.uptake.catalog.file;

import io.uptake.catalog.Schedule;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a weekly schedule: {@code every}, {@code at} and {@code zone}. */
final class ScheduleReader {

    static final List<String> KEYS = List.of("every", "at", "zone");
    static final String RECIPIENT = "recipient";

    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");

    private final boolean forChannel;

    private ScheduleReader(boolean forChannel) {
        this.forChannel = forChannel;
    }

    /** Pulses go to people, so their time may be read in each recipient's own zone, which is the default. */
    static ScheduleReader forPeople() {
        return new ScheduleReader(false);
    }

    /** A channel has no zone of its own, so a digest's schedule must name one. */
    static ScheduleReader forChannel() {
        return new ScheduleReader(true);
    }

    Optional<Schedule> read(Field field) {
        return field.mapping(KEYS).flatMap(mapping -> {
            Optional<Set<DayOfWeek>> days = mapping.require("every").flatMap(this::days);
            Optional<LocalTime> at = mapping.require("at").flatMap(this::time);
            Optional<Optional<ZoneId>> zone = zone(mapping);
            if (days.isEmpty() || at.isEmpty() || zone.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Schedule(days.get(), at.get(), zone.get()));
        });
    }

    private Optional<Set<DayOfWeek>> days(Field field) {
        return field.oneOrList().flatMap(items -> {
            if (items.isEmpty()) {
                field.error("name at least one day: MONDAY to SUNDAY, a list of them, or weekdays");
                return Optional.empty();
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            boolean valid = true;
            for (Field item : items) {
                Optional<Set<DayOfWeek>> named = Scalars.text(item).flatMap(text -> day(item, text));
                valid &= named.isPresent();
                named.ifPresent(days::addAll);
            }
            return valid ? Optional.of(days) : Optional.empty();
        });
    }

    private Optional<Set<DayOfWeek>> day(Field item, String text) {
        if (text.equalsIgnoreCase("weekdays")) {
            return Optional.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(text)) {
                return Optional.of(EnumSet.of(day));
            }
        }
        item.error(Field.quote(text) + " is not a day; use MONDAY to SUNDAY, a list of them, or weekdays");
        return Optional.empty();
    }

    private Optional<LocalTime> time(Field field) {
        Optional<String> text = Scalars.text(field);
        Matcher m = TIME.matcher(text.orElse(""));
        if (m.matches()) {
            return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        text.ifPresent(value -> field.error(Field.quote(value) + " is not a time of day; write it as \"HH:mm\""
                + " on the 24-hour clock, such as \"09:30\" or \"17:00\""));
        return Optional.empty();
    }

    /** Present when the zone is usable: itself, or empty for each recipient's own zone. */
    private Optional<Optional<ZoneId>> zone(Mapping mapping) {
        Optional<Field> field = forChannel
                ? mapping.require("zone", "missing required key 'zone'; a digest posts to a channel, so name the"
                        + " zone its time is read in, such as Europe/London")
                : mapping.get("zone");
        if (field.isEmpty()) {
            return forChannel ? Optional.empty() : Optional.of(Optional.empty());
        }
        Optional<String> text = Scalars.text(field.get());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equalsIgnoreCase(RECIPIENT)) {
            if (!forChannel) {
                return Optional.of(Optional.empty());
            }
            field.get().error("'recipient' is not allowed here; a digest posts to a channel, so name a zone"
                    + " such as Europe/London");
            return Optional.empty();
        }
        if (ZoneId.getAvailableZoneIds().contains(text.get())) {
            return Optional.of(Optional.of(ZoneId.of(text.get())));
        }
        field.get().error("unknown time zone " + Field.quote(text.get()) + "; use an IANA zone id such as Europe/London"
                + (forChannel ? "" : ", or recipient for each recipient's own zone"));
        return Optional.empty();
    }
}
