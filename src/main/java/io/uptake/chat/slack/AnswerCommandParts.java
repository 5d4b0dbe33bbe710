package io.uptake.chat.slack;

import io.micronaut.core.annotation.Nullable;
import io.uptake.pulse.AnswerCommand;

/**
 * What an answer button carries back when it is clicked; the person is known from the click itself.
 *
 * @param value  the option's value; empty on the "Write a comment" button, whose text comes from the modal
 * @param ballot in anonymous rounds, the secret the person's own message carries; otherwise absent
 */
public record AnswerCommandParts(long roundId, String question, String value, @Nullable String ballot) {

    /** The same parts with the value the person typed, for free-text questions. */
    public AnswerCommandParts withValue(String typed) {
        return new AnswerCommandParts(roundId, question, typed, ballot);
    }

    public AnswerCommand toCommand(long personId) {
        return new AnswerCommand(roundId, personId, question, value, ballot);
    }
}
