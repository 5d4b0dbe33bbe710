package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a rendered Adaptive Card and lists every documented limit it breaks: schema 1.5 element and action types
 * only, at most 5 actions per ActionSet and per card, required fields present, input ids unique, no half
 * surrogate pair, and the size Teams counts (UTF-16) within 80 KB for the card and 100 KB for the activity. An
 * empty list means Teams would show it.
 */
final class AdaptiveCardLimits {

    static final int MAX_ACTIONS = 5;
    static final int CARD_BYTES = 80 * 1024;
    static final int ACTIVITY_BYTES = 100 * 1024;

    private static final Set<String> ELEMENTS = Set.of("TextBlock", "Image", "Container", "ColumnSet", "Column",
            "FactSet", "ActionSet", "Input.Text", "Input.Number", "Input.ChoiceSet", "Input.Date", "Input.Toggle",
            "RichTextBlock", "ImageSet", "Table");
    private static final Set<String> ACTIONS = Set.of("Action.Execute", "Action.Submit", "Action.OpenUrl",
            "Action.ShowCard", "Action.ToggleVisibility");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> inputIds = new HashSet<>();

    private AdaptiveCardLimits() {
    }

    /** The card's problems. */
    static List<String> check(JsonNode card) {
        AdaptiveCardLimits limits = new AdaptiveCardLimits();
        limits.card(card);
        return limits.problems;
    }

    /** The card's problems and the whole activity's size, as the bot sends it. */
    static List<String> check(JsonNode card, String activityJson) {
        List<String> problems = check(card);
        if (activityJson.length() * 2 > ACTIVITY_BYTES) {
            problems.add("the activity is " + activityJson.length() * 2 + " bytes in UTF-16, over 100 KB");
        }
        return problems;
    }

    private void card(JsonNode card) {
        if (!"AdaptiveCard".equals(card.path("type").asText())) {
            problems.add("not an AdaptiveCard");
        }
        if (!"1.5".equals(card.path("version").asText())) {
            problems.add("version is not 1.5: " + card.path("version"));
        }
        int size = card.toString().length() * 2;
        if (size > CARD_BYTES) {
            problems.add("the card is " + size + " bytes in UTF-16, over 80 KB");
        }
        JsonNode body = card.path("body");
        if (!body.isArray() || body.isEmpty()) {
            problems.add("the card has no body");
        }
        elements("body", body);
        if (card.has("actions")) {
            actions("card actions", card.get("actions"));
        }
        whole("fallbackText", card.path("fallbackText").asText());
    }

    private void elements(String where, JsonNode elements) {
        for (int i = 0; i < elements.size(); i++) {
            element(where + "[" + i + "]", elements.get(i));
        }
    }

    private void element(String where, JsonNode element) {
        String type = element.path("type").asText();
        if (!ELEMENTS.contains(type)) {
            problems.add(where + ": unknown element type " + element.path("type"));
        }
        switch (type) {
            case "TextBlock" -> text(where, element.path("text"));
            case "Image" -> required(where, element, "url");
            case "Container", "Column" -> elements(where + ".items", element.path("items"));
            case "ColumnSet" -> elements(where + ".columns", element.path("columns"));
            case "FactSet" -> element.path("facts").forEach(f -> {
                text(where + " fact title", f.path("title"));
                text(where + " fact value", f.path("value"));
            });
            case "ActionSet" -> actions(where, element.path("actions"));
            case "Input.ChoiceSet" -> {
                input(where, element);
                JsonNode choices = element.path("choices");
                if (!choices.isArray() || choices.isEmpty()) {
                    problems.add(where + ": a choice set without choices");
                }
                Set<String> values = new HashSet<>();
                choices.forEach(c -> {
                    text(where + " choice", c.path("title"));
                    if (!c.path("value").isTextual() || !values.add(c.path("value").asText())) {
                        problems.add(where + ": a choice value missing or repeated");
                    }
                });
            }
            default -> {
                if (type.startsWith("Input.")) {
                    input(where, element);
                }
            }
        }
    }

    private void input(String where, JsonNode input) {
        String id = input.path("id").asText();
        if (id.isEmpty() || !inputIds.add(id)) {
            problems.add(where + ": input id empty or repeated: " + id);
        }
    }

    private void actions(String where, JsonNode actions) {
        if (!actions.isArray() || actions.isEmpty() || actions.size() > MAX_ACTIONS) {
            problems.add(where + ": holds 1 to " + MAX_ACTIONS + " actions, not " + actions.size());
        }
        for (JsonNode action : actions) {
            action(where, action);
        }
    }

    private void action(String where, JsonNode action) {
        String type = action.path("type").asText();
        if (!ACTIONS.contains(type)) {
            problems.add(where + ": unknown action type " + action.path("type"));
        }
        text(where + " title", action.path("title"));
        if (type.equals("Action.Execute")) {
            required(where, action, "verb");
        }
        if (type.equals("Action.OpenUrl")) {
            required(where, action, "url");
        }
        if (action.has("style") && !Set.of("default", "positive", "destructive").contains(action.get("style")
                .asText())) {
            problems.add(where + ": unknown action style " + action.get("style"));
        }
        if (action.has("fallback") && action.get("fallback").isObject()) {
            action(where + " fallback", action.get("fallback"));
        }
    }

    private void required(String where, JsonNode node, String field) {
        if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
            problems.add(where + ": '" + field + "' missing");
        }
    }

    private void text(String where, JsonNode text) {
        if (!text.isTextual() || text.asText().isEmpty()) {
            problems.add(where + ": text missing or empty");
            return;
        }
        whole(where, text.asText());
    }

    private void whole(String where, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean broken = Character.isHighSurrogate(c) ? i + 1 == value.length()
                    || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (broken) {
                problems.add(where + ": split surrogate pair at " + i);
                return;
            }
        }
    }
}
