package io.uptake.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of question a pulse can ask. {@link #BLOCKERS_COMMENT} is not listed in a programmes file: it is the
 * optional comment asked right after {@link #BLOCKERS}, stored under its own name.
 */
public enum Question {
    USAGE("usage"), TRUST("trust"), CORRECTION("correction"), CYCLE_TIME("cycle-time"), COMMENT("comment"),
    BLOCKERS("blockers"), BLOCKERS_COMMENT("blockers-comment");

    private final String code;

    Question(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kinds a programmes file may list in a pulse's {@code questions}. */
    public static Question[] listable() {
        return Arrays.stream(values()).filter(q -> q != BLOCKERS_COMMENT).toArray(Question[]::new);
    }

    /** The question asked right after this one without being listed, if any. */
    public Optional<Question> followUp() {
        return this == BLOCKERS ? Optional.of(BLOCKERS_COMMENT) : Optional.empty();
    }

    /**
     * The questions as a round asks them: each listed one followed by its follow-up, none twice. A list that
     * already holds the follow-ups (as stored) comes back unchanged.
     */
    public static List<Question> asAsked(List<Question> listed) {
        List<Question> asked = new ArrayList<>();
        for (Question q : listed) {
            if (q == BLOCKERS_COMMENT || asked.contains(q)) {
                continue;
            }
            asked.add(q);
            q.followUp().ifPresent(asked::add);
        }
        return asked;
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
