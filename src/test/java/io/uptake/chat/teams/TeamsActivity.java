package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds inbound activities in the shapes Teams sends them (installationUpdate, conversationUpdate, message with
 * text or card data, invoke {@code adaptiveCard/action}), for one tenant and one user.
 */
final class TeamsActivity {

    static final String BOT_ID = "28:" + TeamsTestContext.APP_ID;

    private final ObjectNode json = FakeBotConnector.JSON.createObjectNode();

    private TeamsActivity(String type, String tenant) {
        json.put("type", type);
        json.put("id", "f:" + Long.toHexString(System.nanoTime()));
        json.put("timestamp", "2026-11-22T09:00:00.000Z");
        json.put("channelId", "msteams");
        json.put("serviceUrl", FakeBotConnector.get().url());
        json.put("locale", "en-GB");
        json.putObject("recipient").put("id", BOT_ID).put("name", "Uptake");
        json.putObject("channelData").putObject("tenant").put("id", tenant);
    }

    /** The app added to, or removed from, a user's personal scope. */
    static TeamsActivity installation(String action, String tenant, String userId) {
        TeamsActivity a = new TeamsActivity("installationUpdate", tenant).personal(tenant, userId);
        a.json.put("action", action);
        return a;
    }

    /** The bot added to a personal chat, as Teams reports it next to the installation. */
    static TeamsActivity personalChatStarted(String tenant, String userId) {
        TeamsActivity a = new TeamsActivity("conversationUpdate", tenant).personal(tenant, userId);
        a.json.putArray("membersAdded").add(account(BOT_ID));
        return a;
    }

    /** The bot added to a team, in its General channel. */
    static TeamsActivity botAddedToTeam(String tenant, String teamId, String installerId) {
        TeamsActivity a = new TeamsActivity("conversationUpdate", tenant)
                .channel(tenant, teamId, teamId, installerId);
        a.json.putArray("membersAdded").add(account(BOT_ID));
        a.channelData().put("eventType", "teamMemberAdded");
        return a;
    }

    static TeamsActivity botRemovedFromTeam(String tenant, String teamId, String userId) {
        TeamsActivity a = new TeamsActivity("conversationUpdate", tenant).channel(tenant, teamId, teamId, userId);
        a.json.putArray("membersRemoved").add(account(BOT_ID));
        a.channelData().put("eventType", "teamMemberRemoved");
        return a;
    }

    static TeamsActivity channelCreated(String tenant, String teamId, String channelId, String userId) {
        TeamsActivity a = new TeamsActivity("conversationUpdate", tenant).channel(tenant, teamId, channelId, userId);
        a.channelData().put("eventType", "channelCreated").putObject("channel").put("id", channelId);
        return a;
    }

    static TeamsActivity text(String tenant, String userId, String text) {
        TeamsActivity a = new TeamsActivity("message", tenant).personal(tenant, userId);
        a.json.put("text", text);
        a.json.put("textFormat", "plain");
        return a;
    }

    static TeamsActivity channelText(String tenant, String teamId, String userId, String text) {
        TeamsActivity a = new TeamsActivity("message", tenant).channel(tenant, teamId, teamId, userId);
        a.json.put("text", "<at>Uptake</at> " + text);
        return a;
    }

    /** An {@code Action.Submit} click: a message whose value is the button's data, replying to the card. */
    static TeamsActivity submit(String tenant, String userId, JsonNode data) {
        TeamsActivity a = new TeamsActivity("message", tenant).personal(tenant, userId);
        a.json.set("value", data);
        a.json.put("replyToId", "1:card");
        return a;
    }

    /** An {@code Action.Execute} click. */
    static TeamsActivity execute(String tenant, String userId, String verb, JsonNode data) {
        TeamsActivity a = new TeamsActivity("invoke", tenant).personal(tenant, userId);
        a.json.put("name", "adaptiveCard/action");
        ObjectNode action = a.json.putObject("value").put("trigger", "manual").putObject("action");
        action.put("type", "Action.Execute").put("verb", verb).put("id", "answer");
        action.set("data", data);
        return a;
    }

    static TeamsActivity invoke(String tenant, String userId, String name) {
        TeamsActivity a = new TeamsActivity("invoke", tenant).personal(tenant, userId);
        a.json.put("name", name);
        a.json.putObject("value");
        return a;
    }

    /** The locale the user's Teams client runs in. */
    TeamsActivity locale(String tag) {
        json.put("locale", tag);
        return this;
    }

    TeamsActivity serviceUrl(String url) {
        json.put("serviceUrl", url);
        return this;
    }

    String serviceUrl() {
        return json.path("serviceUrl").asText();
    }

    String json() {
        return json.toString();
    }

    private TeamsActivity personal(String tenant, String userId) {
        json.set("from", account(userId).put("name", "Ana Ortiz").put("aadObjectId", "aad-" + userId));
        json.putObject("conversation").put("conversationType", "personal").put("tenantId", tenant)
                .put("id", "a:chat-" + userId);
        json.put("localTimezone", "Europe/Madrid");
        return this;
    }

    private TeamsActivity channel(String tenant, String teamId, String channelId, String userId) {
        json.set("from", account(userId).put("aadObjectId", "aad-" + userId));
        json.putObject("conversation").put("conversationType", "channel").put("tenantId", tenant)
                .put("isGroup", true).put("id", channelId);
        ObjectNode data = channelData();
        data.putObject("team").put("id", teamId).put("name", "Claims");
        return this;
    }

    private ObjectNode channelData() {
        return (ObjectNode) json.get("channelData");
    }

    private static ObjectNode account(String id) {
        return FakeBotConnector.JSON.createObjectNode().put("id", id);
    }

    static ArrayNode members(ObjectNode... members) {
        ArrayNode array = FakeBotConnector.JSON.createArrayNode();
        for (ObjectNode m : members) {
            array.add(m);
        }
        return array;
    }

    /** A roster entry or member profile as the connector returns it. */
    static ObjectNode member(String userId, String email, String name) {
        return account(userId).put("name", name).put("email", email).put("userPrincipalName", email)
                .put("aadObjectId", "aad-" + userId).put("tenantId", "t");
    }
}
