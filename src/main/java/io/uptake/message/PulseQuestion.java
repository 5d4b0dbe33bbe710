package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/** The first message of a pulse round to one person. */
@Serdeable
public record PulseQuestion(PulseCard card) implements ChatMessage {

    public static final String KIND = "pulse_question";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return card.intro();
    }
}
