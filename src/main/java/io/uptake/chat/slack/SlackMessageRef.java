package io.uptake.chat.slack;

import java.util.Optional;

/**
 * Where a posted message lives, stored as the outbox's message reference: {@code channel|ts}.
 *
 * <p>{@code chat.update} needs the conversation the message is in; for a direct message that is the {@code D…}
 * channel Slack opened, which the recipient's user id does not name, so the channel travels with the ts.
 */
record SlackMessageRef(String channel, String ts) {

    private static final char SEPARATOR = '|';

    static Optional<SlackMessageRef> parse(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        int at = ref.indexOf(SEPARATOR);
        if (at <= 0 || at == ref.length() - 1 || ref.indexOf(SEPARATOR, at + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new SlackMessageRef(ref.substring(0, at), ref.substring(at + 1)));
    }

    String encode() {
        return channel + SEPARATOR + ts;
    }
}
