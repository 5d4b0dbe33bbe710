package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A number as a person typed it, read with the separators their locale writes: {@code 47,5} is forty-seven and a
 * half for a German owner, and never 475. Spaces and apostrophes group thousands in every locale. Only text that
 * two locales read differently ({@code 1,234}: one thousand and more, or one and a fraction) depends on the
 * locale; without one, a point is the decimal mark (as the form's own examples write) and a comma before exactly
 * three digits is refused as ambiguous rather than guessed.
 */
sealed interface TypedNumber {

    /** Read as {@code value}. */
    record Read(BigDecimal value) implements TypedNumber {
    }

    /** Not a number in any locale. */
    record NotANumber() implements TypedNumber {
    }

    /** Either a whole number with a thousands separator or a decimal, and nothing says which. */
    record Ambiguous(String typed, BigDecimal asThousands, BigDecimal asDecimal) implements TypedNumber {
    }

    Pattern SPACES_AND_APOSTROPHES = Pattern.compile("[\\s\\u00A0\\u202F'\\u2019]");
    Pattern SIGNED = Pattern.compile("[-+]?[0-9.,]*[0-9][0-9.,]*");

    static TypedNumber read(String text, @Nullable Locale locale) {
        String cleaned = SPACES_AND_APOSTROPHES.matcher(text).replaceAll("").replace('\u2212', '-');
        if (!SIGNED.matcher(cleaned).matches()) {
            return new NotANumber();
        }
        int digits = cleaned.charAt(0) == '-' || cleaned.charAt(0) == '+' ? 1 : 0;
        String sign = cleaned.startsWith("-") ? "-" : "";
        String body = cleaned.substring(digits);
        int lastPoint = body.lastIndexOf('.');
        int lastComma = body.lastIndexOf(',');
        if (lastPoint >= 0 && lastComma >= 0) {
            char decimal = lastPoint > lastComma ? '.' : ',';
            return grouped(sign, body, decimal == '.' ? ',' : '.', decimal);
        }
        if (lastPoint < 0 && lastComma < 0) {
            return new Read(new BigDecimal(sign + body));
        }
        char mark = lastPoint >= 0 ? '.' : ',';
        if (body.indexOf(mark) != body.lastIndexOf(mark)) {
            return grouped(sign, body, mark, null);
        }
        String whole = body.substring(0, body.indexOf(mark));
        String fraction = body.substring(body.indexOf(mark) + 1);
        BigDecimal asDecimal = new BigDecimal(sign + (whole.isEmpty() ? "0" : whole) + "."
                + (fraction.isEmpty() ? "0" : fraction));
        boolean couldGroup = fraction.length() == 3 && !whole.isEmpty() && whole.length() <= 3
                && whole.charAt(0) != '0';
        if (!couldGroup) {
            return new Read(asDecimal);
        }
        BigDecimal asThousands = new BigDecimal(sign + whole + fraction);
        Character localeDecimal = decimalMark(locale);
        if (localeDecimal == null) {
            return mark == '.' ? new Read(asDecimal) : new Ambiguous(text.trim(), asThousands, asDecimal);
        }
        return new Read(localeDecimal == mark ? asDecimal : asThousands);
    }

    /** Digits grouped in threes by {@code group}, with an optional decimal part after {@code decimal}. */
    private static TypedNumber grouped(String sign, String body, char group, @Nullable Character decimal) {
        int point = decimal == null ? -1 : body.indexOf(decimal);
        if (decimal != null && point != body.lastIndexOf(decimal)) {
            return new NotANumber();
        }
        String whole = point < 0 ? body : body.substring(0, point);
        String fraction = point < 0 ? "" : body.substring(point + 1);
        String g = Pattern.quote(String.valueOf(group));
        if (!whole.matches("[1-9][0-9]{0,2}(" + g + "[0-9]{3})+") || !fraction.matches("[0-9]*")) {
            return new NotANumber();
        }
        return new Read(new BigDecimal(sign + whole.replace(String.valueOf(group), "")
                + (fraction.isEmpty() ? "" : "." + fraction)));
    }

    /** The locale's decimal mark when it is a point or a comma; null when unknown. */
    private static Character decimalMark(@Nullable Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty()) {
            return null;
        }
        char mark = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return mark == '.' || mark == ',' ? mark : null;
    }
}
