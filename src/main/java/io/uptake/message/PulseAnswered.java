package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/** The pulse message again, edited in place to show what the person answered; they can still change it. */
@Serdeable
public record PulseAnswered(PulseCard card) implements ChatMessage {

    public static final String KIND = "pulse_answered";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Thanks, your answer is recorded. You can change it until the pulse closes.";
    }

    @Override
    public boolean forgetAfterSending() {
        return card.anonymous();
    }
}
