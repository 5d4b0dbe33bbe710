package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/** The pulse message edited in place once the round has closed: no more buttons. */
@Serdeable
public record PulseClosed(PulseCard card, boolean answered) implements ChatMessage {

    public static final String KIND = "pulse_closed";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return answered ? "This pulse has closed. Thanks for answering." : "This pulse has closed.";
    }

    @Override
    public boolean forgetAfterSending() {
        return card.anonymous();
    }
}
