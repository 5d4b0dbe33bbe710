package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A nudge to someone who said twice running that they never use a workflow: its play and who to ask.
 *
 * @param playUrl the documented way of working, when the programmes file gives one
 * @param owner   the owner's name, or their email when no name is known
 */
@Serdeable
public record PlayNudge(String workflow, @Nullable String playUrl, String owner) implements ChatMessage {

    public static final String KIND = "play_nudge";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "You said you have not used " + workflow + " in the last two pulses. "
                + (playUrl == null ? "" : "Here is how the team does it: " + playUrl + ". ")
                + owner + " owns it and is glad to help.";
    }

    /**
     * It names the workflow's owner to someone else: once the platform has the message, the stored copy goes, so
     * erasing the owner leaves their name in no stored message to other people.
     */
    @Override
    public boolean forgetAfterSending() {
        return true;
    }
}
