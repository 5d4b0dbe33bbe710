package io.uptake.chat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that a signed, well-formed Slack request carries the fields Uptake reads, each of the type Slack sends:
 * ids are short alphanumeric strings, objects are objects. Bolt reads payloads into typed classes and fails with
 * an exception on a wrong type, and Uptake's listeners need the workspace and the person: without this check such
 * a request ended as a 503, which tells Slack to retry a request that can never succeed.
 */
final class SlackPayloadShape {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SLACK_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private SlackPayloadShape() {
    }

    /** An Events API body (JSON). */
    static void event(String text) throws SlackRequestCheck.Malformed {
        JsonNode body = tree(text);
        String type = body.path("type").asText();
        optionalText(body, "event_id");
        optionalText(body, "token");
        if (type.equals("url_verification")) {
            text(body, "challenge");
        }
        if (type.equals("event_callback")) {
            // Every event Uptake handles is about one workspace, looked up by the envelope's team.
            id("team_id", body.get("team_id"));
            optionalId(body, "api_app_id");
            JsonNode event = body.get("event");
            if (event == null || !event.isObject()) {
                throw new SlackRequestCheck.Malformed("an event_callback needs an 'event' object");
            }
            text(event, "event.type", event.get("type"));
            JsonNode user = event.get("user");
            if ("app_home_opened".equals(event.get("type").asText())) {
                // A home tab is one person's: without the person there is nothing to show.
                id("event.user", user);
            } else if (user != null && user.isObject()) {
                // Events about a person's profile (user_change, team_join) carry the person as an object, whose
                // id Bolt's IgnoringSelfEvents reads as a string: without one it threw inside Bolt.
                id("event.user.id", user.get("id"));
            } else if (user != null) {
                // Bolt's IgnoringSelfEvents reads event.user, and event.bot_id, as strings: a JSON null or an
                // array there threw inside Bolt.
                id("event.user", user);
            }
            JsonNode bot = event.get("bot_id");
            if (bot != null) {
                id("event.bot_id", bot);
            }
        }
    }

    /** An interactivity payload: a click, a modal submission, a shortcut. */
    static void interaction(String payloadJson) throws SlackRequestCheck.Malformed {
        JsonNode payload = tree(payloadJson);
        JsonNode user = payload.get("user");
        if (user == null || !user.isObject()) {
            throw new SlackRequestCheck.Malformed("the payload needs a 'user' object");
        }
        id("user.id", user.get("id"));
        // Uptake's handlers find the workspace from the payload's team: without one there is nobody to answer.
        JsonNode team = payload.get("team");
        if (team == null || !team.isObject()) {
            throw new SlackRequestCheck.Malformed("the payload needs a 'team' object");
        }
        id("team.id", team.get("id"));
        JsonNode actions = payload.get("actions");
        if (actions != null && !actions.isNull()) {
            if (!actions.isArray()) {
                throw new SlackRequestCheck.Malformed("the payload's 'actions' must be an array");
            }
            for (JsonNode action : actions) {
                if (!action.isObject()) {
                    throw new SlackRequestCheck.Malformed("each of the payload's 'actions' must be an object");
                }
                text(action, "actions[].action_id", action.get("action_id"));
                optionalText(action, "value");
            }
        }
        JsonNode view = payload.get("view");
        if (view != null && !view.isNull() && !view.isObject()) {
            throw new SlackRequestCheck.Malformed("the payload's 'view' must be an object");
        }
    }

    /** A slash command's form fields. */
    static void command(Map<String, String> form) throws SlackRequestCheck.Malformed {
        if (form.getOrDefault("command", "").isBlank()) {
            throw new SlackRequestCheck.Malformed("a slash command needs a 'command'");
        }
        formId(form, "team_id");
        formId(form, "user_id");
    }

    private static JsonNode tree(String text) throws SlackRequestCheck.Malformed {
        try {
            JsonNode tree = JSON.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new SlackRequestCheck.Malformed("the body is not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new SlackRequestCheck.Malformed("the body is not valid JSON");
        }
    }

    private static void formId(Map<String, String> form, String name) throws SlackRequestCheck.Malformed {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new SlackRequestCheck.Malformed("a slash command needs a '" + name + "'");
        }
        if (!SLACK_ID.matcher(value).matches()) {
            throw new SlackRequestCheck.Malformed("the slash command's '" + name + "' is not a Slack id");
        }
    }

    private static void id(String name, JsonNode value) throws SlackRequestCheck.Malformed {
        if (value == null || value.isNull()) {
            throw new SlackRequestCheck.Malformed("'" + name + "' is missing");
        }
        if (!value.isTextual() || !SLACK_ID.matcher(value.asText()).matches()) {
            throw new SlackRequestCheck.Malformed("'" + name + "' is not a Slack id");
        }
    }

    private static void optionalId(JsonNode parent, String name) throws SlackRequestCheck.Malformed {
        JsonNode value = parent.get(name);
        if (value != null && !value.isNull()) {
            id(name, value);
        }
    }

    private static void text(JsonNode parent, String name) throws SlackRequestCheck.Malformed {
        text(parent, name, parent.get(name));
    }

    private static void text(JsonNode parent, String name, JsonNode value) throws SlackRequestCheck.Malformed {
        if (value == null || !value.isTextual()) {
            throw new SlackRequestCheck.Malformed("'" + name + "' must be a string");
        }
    }

    private static void optionalText(JsonNode parent, String name) throws SlackRequestCheck.Malformed {
        JsonNode value = parent.get(name);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new SlackRequestCheck.Malformed("'" + name + "' must be a string");
        }
    }
}
