package io.uptake.catalog.file;

import io.uptake.catalog.Quarter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads single values of the programmes file (ids, emails, numbers, dates, links, durations, choices).
 *
 * <p>Each reader answers empty after reporting what was wrong and what is allowed instead.
 */
final class Scalars {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;.]+(\\.[^@\\s,;.]+)+");

    // Plain decimals only: exponents such as 1e999999999 would make error messages and comparisons costly.
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]{1,15}(\\.[0-9]{1,9})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Scalars() {
    }

    /** Text that must not be blank. */
    static Optional<String> text(Field field) {
        Optional<String> text = field.text();
        if (text.isPresent() && text.get().isEmpty()) {
            field.error("must not be blank");
            return Optional.empty();
        }
        return text;
    }

    static Optional<String> id(Field field) {
        return check(field, text(field), ID,
                "is not a valid id; use 1 to 64 lower-case letters, digits and hyphens, not starting with a hyphen");
    }

    /** An email address, lower-cased because people are matched across platforms by email. */
    /**
     * A list of email addresses, each once: every item that is not an address, or repeats an earlier one, is
     * reported at its line ("list each {@code who} once").
     */
    static Optional<List<String>> distinctEmails(List<Field> items, String who) {
        List<String> emails = new ArrayList<>();
        Map<String, Integer> firstLines = new HashMap<>();
        boolean valid = true;
        for (Field item : items) {
            Optional<String> email = email(item);
            valid &= email.isPresent();
            if (email.isPresent()) {
                Integer first = firstLines.putIfAbsent(email.get(), item.line());
                if (first != null) {
                    item.error(Field.quote(email.get()) + " is already listed on line " + first + "; list each "
                            + who + " once");
                    valid = false;
                }
                emails.add(email.get());
            }
        }
        return valid ? Optional.of(List.copyOf(emails)) : Optional.empty();
    }

    static Optional<String> email(Field field) {
        return text(field).flatMap(text -> email(field, text));
    }

    /** Checks {@code text}, taken from {@code field}, as an email address. */
    static Optional<String> email(Field field, String text) {
        return check(field, Optional.of(text), EMAIL, "is not an email address; write it like name@example.com")
                .map(email -> email.toLowerCase(Locale.ROOT));
    }

    static Optional<BigDecimal> number(Field field) {
        return check(field, text(field), NUMBER, "is not a number; write digits with an optional decimal point,"
                + " such as 120 or 4.5").map(BigDecimal::new);
    }

    static Optional<Integer> wholeNumber(Field field, int min, int max) {
        Optional<String> text = text(field);
        if (text.isPresent() && text.get().matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        }
        text.ifPresent(value -> field.error(Field.quote(value) + " is not allowed; use a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
        return Optional.empty();
    }

    static Optional<LocalDate> date(Field field) {
        Optional<String> text = text(field);
        if (text.isPresent() && DATE.matcher(text.get()).matches()) {
            try {
                return Optional.of(LocalDate.parse(text.get()));
            } catch (DateTimeParseException notADay) {
                // reported below with the other malformed dates
            }
        }
        text.ifPresent(value -> field.error(Field.quote(value)
                + " is not a date; write it as yyyy-MM-dd, such as 2026-09-01"));
        return Optional.empty();
    }

    static Optional<Quarter> quarter(Field field) {
        Optional<String> text = text(field);
        Optional<Quarter> quarter = text.flatMap(Quarter::parse);
        if (text.isPresent() && quarter.isEmpty()) {
            field.error(Field.quote(text.get()) + " is not a quarter; write it like 2027-Q1 (Q1 to Q4)");
        }
        return quarter;
    }

    /** An absolute http or https link, the only kind a chat client can open for everyone. */
    static Optional<URI> webLink(Field field) {
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException malformed) {
            // reported below with the other links that cannot be opened
        }
        field.error(Field.quote(text.get()) + " is not a web link; write an absolute http or https URL,"
                + " such as https://wiki.example.com/plays/claims-triage");
        return Optional.empty();
    }

    static Optional<Duration> duration(Field field) {
        Optional<String> text = text(field);
        Optional<Duration> duration = text.flatMap(Durations::parse);
        if (text.isPresent() && duration.isEmpty()) {
            field.error(Field.quote(text.get()) + " is not a duration; write a whole number of 1 or more followed by"
                    + " m, h, d or w, such as 90m, 24h, 2d or 1w");
        }
        return duration;
    }

    /** One of an enum's values, written as its lower-case, hyphenated name and compared without regard to case. */
    static <E extends Enum<E>> Optional<E> choice(Field field, E[] values) {
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E value : values) {
            if (code(value).equalsIgnoreCase(text.get())) {
                return Optional.of(value);
            }
        }
        field.error(Field.quote(text.get()) + " is not allowed; use one of "
                + String.join(", ", Arrays.stream(values).map(Scalars::code).toList()));
        return Optional.empty();
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<String> check(Field field, Optional<String> text, Pattern pattern, String complaint) {
        if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
            field.error(Field.quote(text.get()) + " " + complaint);
            return Optional.empty();
        }
        return text;
    }
}
