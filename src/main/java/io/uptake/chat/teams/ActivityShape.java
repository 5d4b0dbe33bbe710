package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that an activity carries what the bot reads, each field of the type the channel sends, and that it is
 * small enough to handle: done on the JSON before anything else reads it. The SDK's readers assume these fields
 * (a sender, a mention's text and account), and failed inside the turn with a 503 without this check.
 */
final class ActivityShape {

    /** Far longer than anything a person types in Teams (about 28,000 characters). */
    static final int MAX_TEXT_CHARS = 40_000;
    /** Far more mentions, cards and other entities than one real message carries. */
    static final int MAX_ENTITIES = 64;

    private ActivityShape() {
    }

    /** Refuses, with 413, an activity too large to handle; checked before anything else reads it. */
    static void bounds(JsonNode activity) throws Activities.NotAnActivity {
        JsonNode text = activity.get("text");
        if (text != null && text.isTextual() && text.asText().length() > MAX_TEXT_CHARS) {
            throw new Activities.NotAnActivity(413, "The activity's text is longer than " + MAX_TEXT_CHARS
                    + " characters.");
        }
        JsonNode entities = activity.get("entities");
        if (entities != null && entities.isArray() && entities.size() > MAX_ENTITIES) {
            throw new Activities.NotAnActivity(413, "The activity has more than " + MAX_ENTITIES + " entities.");
        }
    }

    /** Refuses, with 400, an activity without the fields the bot reads or with one of the wrong type. */
    static void check(JsonNode activity) throws Activities.NotAnActivity {
        JsonNode entities = activity.get("entities");
        optionalString(activity, "type");
        optionalString(activity, "text");
        optionalString(activity, "name");
        optionalString(activity, "locale");
        account(activity.get("from"), "from", true);
        account(activity.get("recipient"), "recipient", false);
        optionalObject(activity, "conversation");
        optionalObject(activity, "channelData");
        members(activity, "membersAdded");
        members(activity, "membersRemoved");
        if (entities != null && !entities.isNull()) {
            if (!entities.isArray()) {
                throw bad("'entities' must be an array");
            }
            for (JsonNode entity : entities) {
                entity(entity);
            }
        }
    }

    private static void entity(JsonNode entity) throws Activities.NotAnActivity {
        if (!entity.isObject()) {
            throw bad("each of the 'entities' must be an object");
        }
        optionalString(entity, "type");
        if (!"mention".equals(entity.path("type").asText())) {
            return;
        }
        JsonNode text = entity.get("text");
        if (text == null || !text.isTextual()) {
            throw bad("a mention entity needs its 'text'");
        }
        account(entity.get("mentioned"), "the mention entity's 'mentioned'", true);
    }

    private static void members(JsonNode activity, String name) throws Activities.NotAnActivity {
        JsonNode members = activity.get(name);
        if (members == null || members.isNull()) {
            return;
        }
        if (!members.isArray()) {
            throw bad("'" + name + "' must be an array");
        }
        for (JsonNode member : members) {
            account(member, name + "[]", true);
        }
    }

    private static void account(JsonNode account, String name, boolean required) throws Activities.NotAnActivity {
        if (account == null || account.isNull()) {
            if (required) {
                throw bad("'" + name + "' is missing");
            }
            return;
        }
        if (!account.isObject()) {
            throw bad("'" + name + "' must be an object");
        }
        JsonNode id = account.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw bad("'" + name + ".id' must be a non-empty string");
        }
        optionalString(account, "name");
        optionalString(account, "aadObjectId");
    }

    private static void optionalObject(JsonNode parent, String name) throws Activities.NotAnActivity {
        JsonNode value = parent.get(name);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw bad("'" + name + "' must be an object");
        }
    }

    private static void optionalString(JsonNode parent, String name) throws Activities.NotAnActivity {
        JsonNode value = parent.get(name);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw bad("'" + name + "' must be a string");
        }
    }

    private static Activities.NotAnActivity bad(String why) {
        return new Activities.NotAnActivity("The activity is malformed: " + why + ".");
    }
}
