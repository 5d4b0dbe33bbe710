package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One question of a pulse.
 *
 * @param question the question kind, e.g. {@code trust}
 * @param options  the answers to choose from; empty for a free-text question
 * @param chosen   the value the person chose, if they answered
 */
@Serdeable
public record AskedQuestion(String question, String prompt, List<AnswerOption> options, @Nullable String chosen) {

    public AskedQuestion {
        options = List.copyOf(options);
    }

    public boolean freeText() {
        return options.isEmpty();
    }

    public boolean answered() {
        return chosen != null;
    }

    public AskedQuestion choose(@Nullable String value) {
        return new AskedQuestion(question, prompt, options, value);
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
