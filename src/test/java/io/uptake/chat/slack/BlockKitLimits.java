package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks rendered blocks and lists every Block Kit limit they break, every escape they miss and every surrogate
 * pair they split. An empty list means Slack would take them.
 */
final class BlockKitLimits {

    private static final Pattern DATE = Pattern.compile("<!date\\^\\d+\\^\\{date_short_pretty} at \\{time}\\|[^<>|]*>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");

    private final List<String> problems = new ArrayList<>();

    private BlockKitLimits() {
    }

    static List<String> check(SlackMessage message) {
        BlockKitLimits limits = new BlockKitLimits();
        limits.blocks(message.blocks());
        limits.mrkdwn("text", message.text(), 4000);
        return limits.problems;
    }

    private void blocks(JsonNode blocks) {
        if (!blocks.isArray() || blocks.isEmpty() || blocks.size() > 50) {
            problems.add("a message holds 1 to 50 blocks, not " + blocks.size());
        }
        Set<String> blockIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String where = "block " + i;
            if (block.has("block_id") && (!blockIds.add(block.get("block_id").asText())
                    || block.get("block_id").asText().length() > 255)) {
                problems.add(where + ": block_id repeated or over 255");
            }
            switch (block.path("type").asText()) {
                case "header" -> plain(where, block.path("text"), 150);
                case "section" -> section(where, block);
                case "context" -> context(where, block.path("elements"));
                case "actions" -> actions(where, block.path("elements"));
                default -> problems.add(where + ": unexpected type " + block.path("type"));
            }
        }
    }

    private void section(String where, JsonNode block) {
        text(where, block.path("text"), 3000);
        if (block.has("fields")) {
            JsonNode fields = block.get("fields");
            if (!fields.isArray() || fields.isEmpty() || fields.size() > 10) {
                problems.add(where + ": a section holds 1 to 10 fields, not " + fields.size());
            }
            fields.forEach(f -> text(where + " field", f, 2000));
        }
    }

    private void context(String where, JsonNode elements) {
        if (elements.isEmpty() || elements.size() > 10) {
            problems.add(where + ": a context holds 1 to 10 elements");
        }
        elements.forEach(e -> text(where, e, 3000));
    }

    private void actions(String where, JsonNode elements) {
        if (elements.isEmpty() || elements.size() > 25) {
            problems.add(where + ": an actions block holds 1 to 25 elements, not " + elements.size());
        }
        Set<String> actionIds = new HashSet<>();
        for (JsonNode button : elements) {
            if (!"button".equals(button.path("type").asText())) {
                problems.add(where + ": unexpected element " + button.path("type"));
            }
            plain(where + " button", button.path("text"), 75);
            String actionId = button.path("action_id").asText();
            if (actionId.isEmpty() || actionId.length() > 255 || !actionIds.add(actionId)) {
                problems.add(where + ": action_id empty, over 255 or repeated in its block: " + actionId.length());
            }
            String value = button.path("value").asText();
            if (value.length() > 2000) {
                problems.add(where + ": button value over 2000: " + value.length());
            }
            if (button.has("style") && !Set.of("primary", "danger").contains(button.get("style").asText())) {
                problems.add(where + ": unknown button style");
            }
            whole(where + " action_id", actionId);
        }
    }

    private void text(String where, JsonNode text, int max) {
        switch (text.path("type").asText()) {
            case "plain_text" -> plain(where, text, max);
            case "mrkdwn" -> mrkdwn(where, text.path("text").asText(), max);
            default -> problems.add(where + ": not a text object");
        }
    }

    private void plain(String where, JsonNode text, int max) {
        String value = text.path("text").asText();
        if (!"plain_text".equals(text.path("type").asText())) {
            problems.add(where + ": expected plain_text");
        }
        length(where, value, max);
        whole(where, value);
    }

    private void mrkdwn(String where, String value, int max) {
        length(where, value, max);
        whole(where, value);
        String bare = ENTITY.matcher(DATE.matcher(value).replaceAll("")).replaceAll("");
        if (bare.indexOf('<') >= 0 || bare.indexOf('>') >= 0 || bare.indexOf('&') >= 0) {
            problems.add(where + ": unescaped & < or > in mrkdwn");
        }
    }

    private void length(String where, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            problems.add(where + ": text must have 1 to " + max + " characters, has " + value.length());
        }
    }

    /** No half of a surrogate pair on its own: a cut in the wrong place shows as a broken character. */
    private void whole(String where, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == value.length()
                    || !Character.isLowSurrogate(value.charAt(i + 1)))) {
                problems.add(where + ": split surrogate pair at " + i);
            } else if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                problems.add(where + ": split surrogate pair at " + i);
            }
        }
    }
}
