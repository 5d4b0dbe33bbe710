package io.uptake.web.programmes;

import io.uptake.metrics.Anonymity;
import io.uptake.metrics.Figure;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * How the pages word a {@link Figure}: its value with its unit, or why there is none. A suppressed figure carries
 * no value, so none can be printed; the page says only that it is hidden and why.
 */
@Singleton
class FigureText {

    private final int minRespondents;

    FigureText(Anonymity anonymity) {
        this.minRespondents = anonymity.minRespondents();
    }

    /** "42.5 %", "hidden: fewer than 5 people" or "no data". */
    String value(Figure figure, String unit) {
        return switch (figure.state()) {
            case SHOWN -> number(figure.value()) + unit;
            case SUPPRESSED -> hidden();
            case NO_DATA -> "no data";
        };
    }

    String hidden() {
        return "hidden: fewer than " + minRespondents + " people";
    }

    /** The n of a shown figure; a dash for one without a value (a suppressed figure's n would say too much). */
    static String n(Figure figure) {
        return figure.isShown() ? String.valueOf(figure.n()) : "–";
    }

    static String source(Figure figure) {
        return switch (figure.source()) {
            case TELEMETRY -> "telemetry";
            case SELF_REPORT -> "self-report";
            case PULSE -> "pulse answers";
            case CHECKIN -> "owner's check-in";
            case CATALOGUE -> "programmes file";
        };
    }

    static String state(Figure figure) {
        return switch (figure.state()) {
            case SHOWN -> "shown";
            case SUPPRESSED -> "hidden";
            case NO_DATA -> "no data";
        };
    }

    /** The value a chart may draw: only a shown one. */
    static Double plotted(Figure figure) {
        return figure.isShown() ? figure.value() : null;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + number(Math.abs(value));
    }
}
