package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks what the Slack adapter sends (messages, modal and Home tab views, text replies) and lists every Block Kit
 * limit it breaks, every escape it misses and every surrogate pair it splits. An empty list means Slack would take
 * it and show it as written.
 *
 * <p>The limits, each from Slack's reference (docs.slack.dev) and, where PLATFORM.md gives one, the number there;
 * where two sources disagree the smaller is enforced. Lengths are counted in UTF-16 units, never fewer than the
 * characters Slack counts.
 * <ul>
 *   <li>Message: 1 to 50 blocks ({@code reference/block-kit/blocks}); {@code text} kept within 4,000 characters
 *       ({@code reference/methods/chat.postMessage}, "Truncating content": limit {@code text} to 4,000 characters
 *       for best results, Slack truncates past 40,000; PLATFORM.md "keep under 4,000"). A slash command's or
 *       {@code response_url}'s reply text is held to the same 4,000.</li>
 *   <li>Modal view ({@code reference/views/modal-views}): 1 to 100 blocks; {@code title}, {@code submit},
 *       {@code close} plain text of at most 24 characters; {@code submit} required when there is an input block;
 *       {@code private_metadata} at most 3,000; {@code callback_id} at most 255. Home tab view
 *       ({@code reference/views/home-tab-views}): at most 100 blocks. PLATFORM.md gives the same numbers.</li>
 *   <li>{@code block_id} and {@code action_id} at most 255 ({@code reference/block-kit/blocks},
 *       {@code reference/block-kit/block-elements}); block ids unique in a message or view, action ids unique in
 *       their block.</li>
 *   <li>Header: plain text, at most 150. Section: text at most 3,000; at most 10 fields, each at most 2,000.
 *       Context: 1 to 10 elements, each text at most 3,000. Actions: 1 to 25 elements. Input: {@code label} plain
 *       text at most 2,000, {@code hint} at most 2,000. Divider: nothing else.</li>
 *   <li>Button ({@code reference/block-kit/block-elements/button-element}): text plain, at most 75; {@code value}
 *       at most 2,000; {@code url} at most 3,000; {@code style} {@code primary} or {@code danger}.</li>
 *   <li>Plain-text input ({@code block-elements/plain-text-input-element}): {@code max_length} 1 to 3,000,
 *       {@code min_length} 0 to 3,000, an {@code initial_value} within {@code max_length}; placeholders of every
 *       element at most 150.</li>
 *   <li>Static select ({@code block-elements/select-menu-element}): 1 to 100 options, an {@code initial_option}
 *       that is one of them. Checkboxes ({@code block-elements/checkboxes-element}): 1 to 10 options. Option object
 *       ({@code composition-objects/option-object}): text at most 75, {@code value} at most 150 in Slack's
 *       reference and 75 in PLATFORM.md, so 75; values distinct within their element.</li>
 *   <li>Every text object: not blank (Slack refuses empty text), {@code plain_text} or {@code mrkdwn} as the field
 *       allows; in {@code mrkdwn} every {@code &}, {@code <} and {@code >} escaped except in the two forms the
 *       renderers mean: a date ({@code <!date^…|…>}) and a link to an {@code http(s)} address
 *       ({@code <https://…|label>}), so no name can open a mention or {@code <!channel>}.</li>
 * </ul>
 *
 *
 * <p>One limit Slack's reference does not publish: {@code chat.postMessage} answers {@code msg_blocks_too_long} to a
 * message whose blocks hold too much text in total, though every block is within its own limit. A Slack engineer
 * put it at "12,000 text characters with a buffer for block containers" (quoted in slackapi/bolt-js issue 2867), and
 * reports measured refusals from about 11,300 (bolt-js 2867) and 13,200 (bolt-js 2509). A message's blocks are
 * held to {@value #MESSAGE_TEXT_TOTAL} characters of text in all, summed over every {@code text} field, well
 * under the lowest refusal reported.
 */
final class BlockKitLimits {

    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int TEXT = 4000;
    static final int MESSAGE_TEXT_TOTAL = 10_000;

    private static final Pattern DATE = Pattern.compile("<!date\\^\\d+\\^\\{date_short_pretty} at \\{time}\\|[^<>|]*>");
    private static final Pattern LINK = Pattern.compile("<https?://[^\\s<>|]+(\\|[^<>|]+)?>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
    private static final Set<String> STYLES = Set.of("primary", "danger");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> blockIds = new HashSet<>();

    private BlockKitLimits() {
    }

    /** A message for {@code chat.postMessage}, {@code chat.update} or a reply with blocks. */
    static List<String> check(SlackMessage message) {
        BlockKitLimits limits = new BlockKitLimits();
        limits.blocks("message", message.blocks(), MESSAGE_BLOCKS);
        limits.mrkdwn("text", message.text(), TEXT);
        int total = textTotal(message.blocks());
        if (total > MESSAGE_TEXT_TOTAL) {
            limits.problems.add("message: its blocks hold " + total + " characters of text, over "
                    + MESSAGE_TEXT_TOTAL + " (msg_blocks_too_long)");
        }
        return limits.problems;
    }

    /** A view for {@code views.open}, {@code views.update}, {@code views.push} or {@code views.publish}. */
    static List<String> checkView(JsonNode view) {
        BlockKitLimits limits = new BlockKitLimits();
        limits.view(view);
        return limits.problems;
    }

    /** A reply of text only, as a slash command's answer or through a {@code response_url}. */
    static List<String> checkText(String text) {
        BlockKitLimits limits = new BlockKitLimits();
        limits.mrkdwn("reply", text == null ? "" : text, TEXT);
        return limits.problems;
    }

    /** The characters of every {@code text} field in the blocks. */
    static int textTotal(JsonNode node) {
        int total = 0;
        if (node.isObject() && node.path("text").isTextual()) {
            total += node.get("text").asText().length();
        }
        for (JsonNode child : node) {
            total += textTotal(child);
        }
        return total;
    }

    private void view(JsonNode view) {
        String type = view.path("type").asText();
        if (!type.equals("modal") && !type.equals("home")) {
            problems.add("view: type is neither modal nor home: " + view.path("type"));
        }
        JsonNode blocks = view.path("blocks");
        blocks("view", blocks, VIEW_BLOCKS);
        if (view.has("callback_id")) {
            id("view callback_id", view.get("callback_id").asText());
        }
        if (view.path("private_metadata").asText().length() > 3000) {
            problems.add("view: private_metadata over 3000: " + view.path("private_metadata").asText().length());
        }
        if (type.equals("modal")) {
            plain("view title", view.path("title"), 24);
            for (String button : List.of("submit", "close")) {
                if (view.has(button)) {
                    plain("view " + button, view.get(button), 24);
                }
            }
            boolean inputs = false;
            for (JsonNode block : blocks) {
                inputs |= block.path("type").asText().equals("input");
            }
            if (inputs && !view.has("submit")) {
                problems.add("view: a modal with input blocks needs a submit button");
            }
        }
    }

    private void blocks(String where, JsonNode blocks, int max) {
        if (!blocks.isArray() || blocks.isEmpty() || blocks.size() > max) {
            problems.add(where + ": holds 1 to " + max + " blocks, not " + blocks.size());
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String at = where + " block " + i;
            if (block.has("block_id") && (!blockIds.add(block.get("block_id").asText())
                    || block.get("block_id").asText().isEmpty() || block.get("block_id").asText().length() > 255)) {
                problems.add(at + ": block_id empty, repeated or over 255");
            }
            switch (block.path("type").asText()) {
                case "header" -> plain(at, block.path("text"), 150);
                case "section" -> section(at, block);
                case "context" -> context(at, block.path("elements"));
                case "actions" -> actions(at, block.path("elements"));
                case "input" -> input(at, block);
                case "divider" -> {
                }
                default -> problems.add(at + ": unexpected type " + block.path("type"));
            }
        }
    }

    private void section(String where, JsonNode block) {
        if (block.has("text") || !block.has("fields")) {
            text(where, block.path("text"), 3000);
        }
        if (block.has("fields")) {
            JsonNode fields = block.get("fields");
            if (!fields.isArray() || fields.isEmpty() || fields.size() > 10) {
                problems.add(where + ": a section holds 1 to 10 fields, not " + fields.size());
            }
            fields.forEach(f -> text(where + " field", f, 2000));
        }
    }

    private void context(String where, JsonNode elements) {
        if (!elements.isArray() || elements.isEmpty() || elements.size() > 10) {
            problems.add(where + ": a context holds 1 to 10 elements, not " + elements.size());
        }
        elements.forEach(e -> text(where, e, 3000));
    }

    private void actions(String where, JsonNode elements) {
        if (!elements.isArray() || elements.isEmpty() || elements.size() > 25) {
            problems.add(where + ": an actions block holds 1 to 25 elements, not " + elements.size());
        }
        Set<String> actionIds = new HashSet<>();
        for (JsonNode element : elements) {
            if (!"button".equals(element.path("type").asText())) {
                problems.add(where + ": unexpected element " + element.path("type"));
                continue;
            }
            button(where + " button", element);
            if (!actionIds.add(element.path("action_id").asText())) {
                problems.add(where + ": action_id repeated in its block: " + element.path("action_id").asText());
            }
        }
    }

    private void button(String where, JsonNode button) {
        plain(where, button.path("text"), 75);
        id(where + " action_id", button.path("action_id").asText());
        if (button.path("value").asText().length() > 2000) {
            problems.add(where + ": value over 2000: " + button.path("value").asText().length());
        }
        if (button.path("url").asText().length() > 3000) {
            problems.add(where + ": url over 3000");
        }
        if (button.has("style") && !STYLES.contains(button.get("style").asText())) {
            problems.add(where + ": unknown button style " + button.get("style"));
        }
    }

    private void input(String where, JsonNode block) {
        plain(where + " label", block.path("label"), 2000);
        if (block.has("hint")) {
            plain(where + " hint", block.get("hint"), 2000);
        }
        JsonNode element = block.path("element");
        String at = where + " " + element.path("type").asText();
        id(at + " action_id", element.path("action_id").asText());
        if (element.has("placeholder")) {
            plain(at + " placeholder", element.get("placeholder"), 150);
        }
        switch (element.path("type").asText()) {
            case "plain_text_input" -> textInput(at, element);
            case "url_text_input" -> {
            }
            case "static_select" -> options(at, element, 100, true);
            case "checkboxes" -> options(at, element, 10, false);
            default -> problems.add(where + ": unexpected input element " + element.path("type"));
        }
    }

    private void textInput(String where, JsonNode element) {
        int max = element.path("max_length").asInt(3000);
        if (max < 1 || max > 3000) {
            problems.add(where + ": max_length must be 1 to 3000, not " + max);
        }
        int min = element.path("min_length").asInt(0);
        if (min < 0 || min > 3000 || min > max) {
            problems.add(where + ": min_length must be 0 to 3000 and at most max_length, not " + min);
        }
        if (element.has("initial_value")) {
            String value = element.get("initial_value").asText();
            if (value.length() > max) {
                problems.add(where + ": initial_value longer than max_length " + max + ": " + value.length());
            }
            whole(where + " initial_value", value);
        }
    }

    private void options(String where, JsonNode element, int most, boolean plainOnly) {
        JsonNode options = element.path("options");
        if (!options.isArray() || options.isEmpty() || options.size() > most) {
            problems.add(where + ": holds 1 to " + most + " options, not " + options.size());
        }
        Set<String> values = new HashSet<>();
        for (JsonNode option : options) {
            if (plainOnly) {
                plain(where + " option", option.path("text"), 75);
            } else {
                text(where + " option", option.path("text"), 75);
            }
            String value = option.path("value").asText();
            if (value.isEmpty() || value.length() > 75 || !values.add(value)) {
                problems.add(where + ": option value empty, over 75 or repeated: " + value.length());
            }
            whole(where + " option value", value);
        }
        if (element.has("initial_option") && !values.contains(element.at("/initial_option/value").asText())) {
            problems.add(where + ": initial_option is not one of the options");
        }
    }

    private void id(String where, String id) {
        if (id.isEmpty() || id.length() > 255) {
            problems.add(where + ": must have 1 to 255 characters, has " + id.length());
        }
        whole(where, id);
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
        String meant = LINK.matcher(DATE.matcher(value).replaceAll("")).replaceAll("");
        String bare = ENTITY.matcher(meant).replaceAll("");
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
