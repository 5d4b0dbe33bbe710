package io.uptake.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The fixed answers to "What's most in the way?", in the order the question shows them. The stored answer is the
 * category's {@link #value()} (1 to 8), the code names it in the API, the CSV and the dashboard, and the label is
 * how the question words it. Metrics, digest and pages all read the categories from here.
 */
public enum BlockerCategory {
    DATA_ACCESS(1, "data-access", "Data access", "data access"),
    INTEGRATION(2, "integration", "Integration with the tools I use", "integration"),
    RULES(3, "rules", "Rules or approval", "rules or approval"),
    TRUST(4, "trust", "I don't trust the output", "output not trusted"),
    TRAINING(5, "training", "I don't understand it / no training", "no training"),
    TIME(6, "time", "No time", "no time"),
    FIT(7, "fit", "Doesn't fit my work", "doesn't fit the work"),
    NOTHING(8, "nothing", "Nothing — it works", "nothing in the way");

    private final int value;
    private final String code;
    private final String label;
    private final String shortName;

    BlockerCategory(int value, String code, String label, String shortName) {
        this.value = value;
        this.code = code;
        this.label = label;
        this.shortName = shortName;
    }

    /** The category in a few lower-case words, as a leaders' digest names it. */
    public String shortName() {
        return shortName;
    }

    /** The answer's stored value, and the value its button carries. */
    public int value() {
        return value;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether this is a reason at all: {@link #NOTHING} says nothing is in the way. */
    public boolean isBlocker() {
        return this != NOTHING;
    }

    /** Every category in the question's order. */
    public static List<BlockerCategory> inOrder() {
        return List.of(values());
    }

    public static Optional<BlockerCategory> ofValue(int value) {
        return value >= 1 && value <= values().length ? Optional.of(values()[value - 1]) : Optional.empty();
    }
}
