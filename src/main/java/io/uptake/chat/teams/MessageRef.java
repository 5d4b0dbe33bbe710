package io.uptake.chat.teams;

import java.util.Optional;

/**
 * What the outbox keeps of a sent Teams message so it can be edited: the conversation and the activity id,
 * written {@code activityId|conversationId} (activity ids never hold a bar; conversation ids may hold most else).
 */
record MessageRef(String conversationId, String activityId) {

    String format() {
        return activityId + "|" + conversationId;
    }

    static Optional<MessageRef> parse(String ref) {
        int bar = ref == null ? -1 : ref.indexOf('|');
        if (bar <= 0 || bar == ref.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new MessageRef(ref.substring(bar + 1), ref.substring(0, bar)));
    }
}
