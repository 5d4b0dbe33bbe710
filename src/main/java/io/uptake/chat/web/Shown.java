package io.uptake.chat.web;

import io.micronaut.core.annotation.Nullable;
import io.uptake.message.ChatMessage;
import io.uptake.message.DigestMessage;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One message of a conversation ready for the page: the neutral message the bot sent (rendered by its kind), or
 * the words typed and replied.
 *
 * @param message the message, for bot messages; null for typed words and replies
 * @param text    the words, for typed words and replies
 */
public record Shown(TranscriptEntry entry, @Nullable ChatMessage message, @Nullable String text) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'",
            Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    public String kind() {
        return entry.kind();
    }

    /** Whether the person wrote it, as opposed to the bot. */
    public boolean typed() {
        return TranscriptEntry.TYPED.equals(entry.kind());
    }

    public String when() {
        return WHEN.format(entry.sentAt());
    }

    public @Nullable String edited() {
        return entry.editedAt() == null ? null : WHEN.format(entry.editedAt());
    }

    /** When the pulse this message asks closes; empty for other messages. */
    public String closes() {
        return message instanceof PulseQuestion q ? WHEN.format(q.card().closesAt())
                : message instanceof PulseReminder r ? WHEN.format(r.card().closesAt())
                : message instanceof PulseAnswered a ? WHEN.format(a.card().closesAt())
                : message instanceof PulseClosed c ? WHEN.format(c.card().closesAt()) : "";
    }

    /** What a digest's short labels mean, shown under its last part. */
    public String legend() {
        return DigestMessage.LEGEND;
    }

    /** The element id the page gives it, so a redirect can land on it. */
    public String anchor() {
        return "m" + entry.id();
    }
}
