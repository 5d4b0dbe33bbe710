package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A message ready for {@code chat.postMessage} or {@code chat.update}.
 *
 * @param text   the notification and accessibility fallback, already escaped for mrkdwn
 * @param blocks the Block Kit blocks; a fresh tree per render, not to be changed by callers
 */
public record SlackMessage(String text, ArrayNode blocks) {

    /** The blocks as the JSON string the Web API takes in its {@code blocks} argument. */
    public String blocksJson() {
        return blocks.toString();
    }
}
