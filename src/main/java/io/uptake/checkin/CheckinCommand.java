package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A check-in as an owner typed it into a form, before validation: every field is the text the form sent.
 *
 * @param value      the outcome's current value, a number
 * @param status     {@code on_track}, {@code at_risk} or {@code off_track}
 * @param confidence a whole number from 0 to 10
 * @param evidence   an optional http(s) link
 * @param note       optional: what changed commercially because of this workflow
 * @param locale     the language tag of the locale the person writes numbers in ({@code de-DE}), when the
 *                   platform says; otherwise their stored locale is used
 * @param confirmed  the value the person confirmed when the form asked whether an unlikely value is right
 */
public record CheckinCommand(String workflowId, long personId, @Nullable String value, @Nullable String status,
                             @Nullable String confidence, @Nullable String evidence, @Nullable String note,
                             @Nullable String locale, @Nullable String confirmed) {

    public static final String VALUE = "value";
    public static final String STATUS = "status";
    public static final String CONFIDENCE = "confidence";
    public static final String EVIDENCE = "evidence";
    public static final String NOTE = "note";
    /** The form's control that confirms a value far from the outcome's baseline and target. */
    public static final String CONFIRM = "confirm";
    public static final Set<String> STATUSES = Set.of("on_track", "at_risk", "off_track");
    public static final int MAX_NOTE = 2000;
    public static final int MAX_URL = 3000;
    /** The stored column is NUMERIC(18, 4): 14 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1e14");

    /** A check-in that passed validation. */
    record Valid(BigDecimal value, String status, int confidence, @Nullable String evidenceUrl,
                 @Nullable String note) {
    }

    /** The same command read in {@code fallback} when it names no locale of its own. */
    CheckinCommand inLocale(@Nullable String fallback) {
        return blank(locale) ? new CheckinCommand(workflowId, personId, value, status, confidence, evidence, note,
                fallback, confirmed) : this;
    }

    /** Whether the person confirmed exactly this value. */
    boolean confirms(BigDecimal number) {
        return !blank(confirmed) && confirmed.trim().equals(CheckinForms.plain(number));
    }

    /** The field errors, by field name, in form order; empty when the check-in is valid. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (number(value) == null) {
            errors.put(VALUE, valueError());
        }
        if (blank(status) || !STATUSES.contains(status.trim().toLowerCase(Locale.ROOT))) {
            errors.put(STATUS, "Choose on track, at risk or off track.");
        }
        if (confidenceValue() == null) {
            errors.put(CONFIDENCE, "Give your confidence as a whole number from 0 to 10.");
        }
        if (!blank(evidence) && !link(evidence.trim())) {
            errors.put(EVIDENCE, "Give a link that starts with https:// or http://, or leave it empty.");
        }
        if (!blank(note) && note.length() > MAX_NOTE) {
            errors.put(NOTE, "Keep the note under " + MAX_NOTE + " characters.");
        }
        return errors;
    }

    /** The validated values; call only when {@link #errors()} is empty. */
    Valid valid() {
        return new Valid(number(value), status.trim().toLowerCase(Locale.ROOT), confidenceValue(),
                blank(evidence) ? null : evidence.trim(), blank(note) ? null : note.trim());
    }

    private Integer confidenceValue() {
        if (blank(confidence) || !confidence.trim().matches("\\d{1,2}")) {
            return null;
        }
        int c = Integer.parseInt(confidence.trim());
        return c <= 10 ? c : null;
    }

    private String valueError() {
        if (blank(value)) {
            return "Enter the current value, a number such as 132 or 4.5.";
        }
        if (TypedNumber.read(value, numberLocale()) instanceof TypedNumber.Ambiguous ambiguous) {
            return "\"" + cut(ambiguous.typed()) + "\" could be " + CheckinForms.plain(ambiguous.asThousands())
                    + " or " + CheckinForms.plain(ambiguous.asDecimal()) + ". Type "
                    + CheckinForms.plain(ambiguous.asThousands()) + " for the whole number, or "
                    + CheckinForms.plain(ambiguous.asDecimal()) + " with a decimal point.";
        }
        return "\"" + cut(value.trim()) + "\" is not a number. Use digits, such as 132 or 4.5.";
    }

    private BigDecimal number(String text) {
        if (blank(text) || !(TypedNumber.read(text, numberLocale()) instanceof TypedNumber.Read read)) {
            return null;
        }
        BigDecimal number = read.value();
        return number.abs().compareTo(LIMIT) >= 0 ? null : number.setScale(Math.min(4, Math.max(0, number.scale())),
                java.math.RoundingMode.HALF_UP);
    }

    private Locale numberLocale() {
        return blank(locale) ? null : Locale.forLanguageTag(locale.trim().replace('_', '-'));
    }

    private static boolean link(String text) {
        if (text.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
