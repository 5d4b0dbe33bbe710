package io.uptake.catalog;

import java.util.Locale;
import java.util.Optional;

/** The kinds of question a pulse can ask. */
public enum Question {
    USAGE("usage"), TRUST("trust"), CORRECTION("correction"), CYCLE_TIME("cycle-time"), COMMENT("comment");

    private final String code;

    Question(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Question> fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Question q : values()) {
            if (q.code.equals(wanted)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
