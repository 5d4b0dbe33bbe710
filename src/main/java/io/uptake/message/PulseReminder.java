package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/** A reminder, sent as a new message, to someone who has not answered a pulse yet. */
@Serdeable
public record PulseReminder(PulseCard card, int number) implements ChatMessage {

    public static final String KIND = "pulse_reminder";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Reminder: " + card.intro();
    }
}
