package io.uptake.chat.slack;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes and reads the {@code value} of a pulse answer button: {@code 1|roundId|question|value|ballot}.
 *
 * <p>Slack hands the value back untouched on a click, so it carries everything the answer needs and the
 * interactivity handler looks nothing up to know what was clicked. In each field {@code %} is written
 * {@code %25} and {@code |} is written {@code %7C}; an absent ballot is an empty field. The leading {@code 1}
 * is the format's version, so buttons already sitting in people's messages stay readable if it changes.
 * Anything a click brings back is untrusted input: {@link #decode} rejects what this class did not write.
 */
public final class AnswerButtonValue {

    /** Slack's limit on a button's value. */
    public static final int MAX_LENGTH = 2000;

    private static final String VERSION = "1";
    private static final char SEPARATOR = '|';
    private static final Pattern ROUND_ID = Pattern.compile("-?\\d{1,19}");

    private AnswerButtonValue() {
    }

    /**
     * The value for one button.
     *
     * @param value  the option's value, or empty for the comment button
     * @param ballot the anonymous ballot, or null
     * @throws IllegalArgumentException when the question is empty or the result would pass {@link #MAX_LENGTH}
     */
    public static String encode(long roundId, String question, String value, @Nullable String ballot) {
        if (!complete(question, value)) {
            throw new IllegalArgumentException("an answer button needs a question and a value");
        }
        String encoded = join(roundId, question, value, ballot);
        if (encoded.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an answer button value holds at most " + MAX_LENGTH
                    + " characters; this one needs " + encoded.length());
        }
        return encoded;
    }

    /** Whether {@link #encode} accepts these parts. */
    static boolean fits(long roundId, String question, String value, @Nullable String ballot) {
        return complete(question, value) && join(roundId, question, value, ballot).length() <= MAX_LENGTH;
    }

    /** The parts of a value this class wrote; empty for anything else, never an exception. */
    public static Optional<AnswerCommandParts> decode(@Nullable String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] fields = text.split(Pattern.quote(String.valueOf(SEPARATOR)), -1);
        if (fields.length != 5 || !VERSION.equals(fields[0]) || !ROUND_ID.matcher(fields[1]).matches()) {
            return Optional.empty();
        }
        long roundId;
        try {
            roundId = Long.parseLong(fields[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String question = unescape(fields[2]);
        String value = unescape(fields[3]);
        String ballot = unescape(fields[4]);
        if (question == null || question.isEmpty() || value == null || ballot == null) {
            return Optional.empty();
        }
        return Optional.of(new AnswerCommandParts(roundId, question, value, ballot.isEmpty() ? null : ballot));
    }

    private static boolean complete(String question, String value) {
        return question != null && !question.isEmpty() && value != null;
    }

    private static String join(long roundId, String question, String value, @Nullable String ballot) {
        return VERSION + SEPARATOR + roundId + SEPARATOR + escape(question) + SEPARATOR + escape(value)
                + SEPARATOR + escape(ballot == null ? "" : ballot);
    }

    private static String escape(String field) {
        return field.replace("%", "%25").replace("|", "%7C");
    }

    /** The field as written before escaping, or null when it holds an escape this class never writes. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (field.startsWith("25", i + 1)) {
                out.append('%');
                i += 2;
            } else if (field.startsWith("7C", i + 1)) {
                out.append(SEPARATOR);
                i += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
