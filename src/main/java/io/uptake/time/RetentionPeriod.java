package io.uptake.time;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a retention period: a number and a unit ({@code 24m} months, {@code 2y}, {@code 104w}, {@code 730d}), or
 * the ISO form {@code P24M}. Months are {@code m} here, as a retention period in minutes would make no sense.
 * Anything kept at all is kept at least 4 weeks.
 */
public final class RetentionPeriod {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,4})\\s*([dwmy])");

    private RetentionPeriod() {
    }

    /**
     * The period the text names.
     *
     * @param setting the setting the text came from, named in the message when the text cannot be used
     * @throws IllegalArgumentException when the text is not a period or is shorter than 4 weeks
     */
    public static Period parse(String setting, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        Period period;
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            period = switch (m.group(2)) {
                case "d" -> Period.ofDays(n);
                case "w" -> Period.ofWeeks(n);
                case "m" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
        } else {
            try {
                period = Period.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(setting + ": '" + text + "' is not a period; write it like 24m "
                        + "(months), 2y, 104w, 730d or P24M");
            }
        }
        if (period.isNegative() || period.isZero() || period.toTotalMonths() * 31 + period.getDays() < 28) {
            throw new IllegalArgumentException(setting + ": keep at least 4 weeks, was '" + text + "'");
        }
        return period;
    }
}
