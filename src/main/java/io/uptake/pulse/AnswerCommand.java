package io.uptake.pulse;

import io.micronaut.core.annotation.Nullable;

/**
 * A person's answer to one question, as a chat adapter received it.
 *
 * @param ballot in anonymous rounds, the secret their updated message carries; absent on a first answer
 */
public record AnswerCommand(long roundId, long personId, String question, String value, @Nullable String ballot) {
}
