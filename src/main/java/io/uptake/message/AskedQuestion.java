package io.uptake.message;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One question of a pulse.
 *
 * @param question the question kind, e.g. {@code trust}
 * @param options  the answers to choose from; empty for a free-text question
 * @param chosen   the value the person chose, if they answered
 * @param note     small print shown with the question, e.g. who will read a comment and when; may be null
 */
@Serdeable
public record AskedQuestion(String question, String prompt, List<AnswerOption> options, @Nullable String chosen,
                            @Nullable String note) {

    /**
     * Prefix of the question named by a "Withdraw my comment" action: {@code withdraw:comment} takes back the
     * person's answer to {@code comment} while the round is open.
     */
    public static final String WITHDRAW_PREFIX = "withdraw:";
    /** The label of that action, the same on every platform. */
    public static final String WITHDRAW_LABEL = "Withdraw my comment";

    @Creator
    public AskedQuestion {
        options = List.copyOf(options);
    }

    public AskedQuestion(String question, String prompt, List<AnswerOption> options, @Nullable String chosen) {
        this(question, prompt, options, chosen, null);
    }

    /** The question an action withdrawing this question's answer names. */
    public String withdrawal() {
        return WITHDRAW_PREFIX + question;
    }

    /** The same question with this small print. */
    public AskedQuestion withNote(@Nullable String text) {
        return new AskedQuestion(question, prompt, options, chosen, text);
    }

    public boolean freeText() {
        return options.isEmpty();
    }

    public boolean answered() {
        return chosen != null;
    }

    public AskedQuestion choose(@Nullable String value) {
        return new AskedQuestion(question, prompt, options, value, note);
    }

    /** The label of the chosen option, or the free text itself. */
    public @Nullable String chosenLabel() {
        if (chosen == null) {
            return null;
        }
        return options.stream().filter(o -> o.value().equals(chosen)).map(AnswerOption::label).findFirst()
                .orElse(chosen);
    }
}
