package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds single Block Kit blocks and elements, each cut to Slack's limits for its kind so that no text, however
 * long, makes Slack reject the whole message with {@code invalid_blocks}.
 *
 * <p>No block gets a {@code block_id}: Slack asks for a new one on every edit of a message, and nothing here
 * needs one because each button's value says what was clicked.
 */
final class Blocks {

    static final int MAX_BLOCKS = 50;
    static final int MAX_HEADER = 150;
    static final int MAX_TEXT = 3000;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_ELEMENTS = 25;
    /**
     * The most text, summed over every text field, that a message's blocks are given. Slack's reference publishes
     * no total, but {@code chat.postMessage} answers {@code msg_blocks_too_long} past about 12,000 characters (a
     * Slack engineer's figure; refusals were reported from about 11,300: slackapi/bolt-js issues 2509 and 2867).
     */
    static final int MAX_MESSAGE_TEXT = 9000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Blocks() {
    }

    /** The characters of every {@code text} field in these blocks, as {@link #MAX_MESSAGE_TEXT} counts them. */
    static int textLength(JsonNode node) {
        int total = node.isObject() && node.path("text").isTextual() ? node.get("text").asText().length() : 0;
        for (JsonNode child : node) {
            total += textLength(child);
        }
        return total;
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }

    static ObjectNode header(String plain) {
        ObjectNode block = JSON.objectNode().put("type", "header");
        block.set("text", plainText(SlackText.plainLine(SlackText.orElse(plain, "Pulse"), MAX_HEADER)));
        return block;
    }

    /** A section of mrkdwn the caller has escaped and kept within {@link #MAX_TEXT}. */
    static ObjectNode section(String mrkdwn) {
        ObjectNode block = JSON.objectNode().put("type", "section");
        block.set("text", mrkdwnText(mrkdwn));
        return block;
    }

    /** One line of small print, in mrkdwn the caller has escaped. */
    static ObjectNode context(String mrkdwn) {
        ObjectNode block = JSON.objectNode().put("type", "context");
        block.putArray("elements").add(mrkdwnText(mrkdwn));
        return block;
    }

    /** An actions block of at most {@link #MAX_ELEMENTS} elements. */
    static ObjectNode actions(List<ObjectNode> elements) {
        if (elements.isEmpty() || elements.size() > MAX_ELEMENTS) {
            throw new IllegalArgumentException("an actions block holds 1 to " + MAX_ELEMENTS + " elements");
        }
        ObjectNode block = JSON.objectNode().put("type", "actions");
        block.putArray("elements").addAll(elements);
        return block;
    }

    /** A button; the action id and value must already be within Slack's limits. */
    static ObjectNode button(String label, String actionId, String value, boolean primary) {
        ObjectNode button = JSON.objectNode().put("type", "button");
        button.set("text", plainText(SlackText.plainLine(SlackText.orElse(label, SlackText.ELLIPSIS),
                MAX_BUTTON_TEXT)));
        button.put("action_id", actionId).put("value", value);
        if (primary) {
            button.put("style", "primary");
        }
        return button;
    }

    private static ObjectNode plainText(String text) {
        return JSON.objectNode().put("type", "plain_text").put("text", SlackText.orElse(text, SlackText.ELLIPSIS));
    }

    /** Cut as a last guard only: callers budget their text so that this never has to cut an escape in half. */
    private static ObjectNode mrkdwnText(String text) {
        String fitted = SlackText.cut(SlackText.orElse(text, SlackText.ELLIPSIS), MAX_TEXT);
        return JSON.objectNode().put("type", "mrkdwn").put("text", fitted);
    }
}
