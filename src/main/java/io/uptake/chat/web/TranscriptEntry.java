package io.uptake.chat.web;

import io.micronaut.core.annotation.Nullable;
import io.uptake.platform.Platform;
import java.time.Instant;

/**
 * One message in a simulated conversation, as the platform holds it.
 *
 * @param kind    a {@link io.uptake.message.ChatMessage} kind, or {@link #TYPED} / {@link #REPLY} for what a
 *                person typed and the bot's direct answer to it
 * @param payload the message as JSON, or the text typed or replied
 */
public record TranscriptEntry(long id, Platform platform, String recipient, String ref, String kind, String payload,
                              Instant sentAt, @Nullable Instant editedAt) {

    /** What the person typed to the bot. */
    public static final String TYPED = "typed";
    /** The bot's immediate answer to a command (Slack shows it to the person only; Teams in the chat). */
    public static final String REPLY = "reply";

    public boolean conversational() {
        return TYPED.equals(kind) || REPLY.equals(kind);
    }
}
