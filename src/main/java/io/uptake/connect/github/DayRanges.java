package io.uptake.connect.github;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Days written for a note: runs of consecutive days as one range, so a quarter without reports is one line. */
final class DayRanges {

    private DayRanges() {
    }

    /** {@code 2026-11-02, 2026-11-05 to 2026-11-09}. */
    static String of(List<LocalDate> days) {
        List<String> ranges = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        for (LocalDate day : new TreeSet<>(days)) {
            if (end != null && day.equals(end.plusDays(1))) {
                end = day;
                continue;
            }
            if (start != null) {
                ranges.add(between(start, end));
            }
            start = day;
            end = day;
        }
        if (start != null) {
            ranges.add(between(start, end));
        }
        return String.join(", ", ranges);
    }

    static String between(LocalDate first, LocalDate last) {
        return first.equals(last) ? first.toString() : first + " to " + last;
    }
}
