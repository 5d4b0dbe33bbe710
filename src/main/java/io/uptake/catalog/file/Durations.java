package io.uptake.catalog.file;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the short durations of the programmes file, such as {@code 90m}, {@code 24h}, {@code 2d}. */
final class Durations {

    // Six digits is already years of minutes; the bound keeps arithmetic far from overflow.
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([mhdw])");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
        });
    }

    /** The duration in the file's own notation, in the largest whole unit up to days. */
    static String format(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toMinutes() % 60 == 0) {
            return duration.toHours() + "h";
        }
        return duration.toMinutes() + "m";
    }
}
