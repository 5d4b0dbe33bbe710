package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.teams.FakeBotConnector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The scenario's Teams tenant: team rosters on the fake Bot Connector, and activities people send. */
final class TeamsSide {

    static final String TENANT = "tenant-scenario";
    static final String BOT = "28:scenario-bot";
    private static final ObjectMapper JSON = FakeBotConnector.JSON;

    private final FakeBotConnector connector = FakeBotConnector.get();
    private final int firstCall = connector.calls().size();
    private final int firstRefusal = connector.refusals().size();

    FakeBotConnector connector() {
        return connector;
    }

    /** The cards of this run that Teams would have refused, with what each broke. */
    List<String> refusals() {
        List<String> all = connector.refusals();
        return all.subList(Math.min(firstRefusal, all.size()), all.size());
    }

    Map<String, String> settings() {
        return Map.of("uptake.teams.insecure-local", "true", "uptake.teams.service-url", connector.url(),
                "uptake.teams.test.real-gateway", "true");
    }

    void roster(String teamId, Collection<ScenarioPerson> members) {
        ArrayNode page = JSON.createArrayNode();
        for (ScenarioPerson p : members) {
            page.addObject().put("id", p.chatId()).put("name", p.name()).put("email", p.email())
                    .put("userPrincipalName", p.email()).put("aadObjectId", "aad-" + p.chatId())
                    .put("tenantId", TENANT);
        }
        connector.roster(teamId, List.of(page));
    }

    /** The bot added to a team, in its General channel, as Teams announces it. */
    String botAddedToTeam(String teamId, String installerId) {
        ObjectNode a = base("conversationUpdate", installerId);
        a.set("from", JSON.createObjectNode().put("id", installerId).put("aadObjectId", "aad-" + installerId));
        a.putObject("conversation").put("conversationType", "channel").put("tenantId", TENANT).put("isGroup", true)
                .put("id", teamId);
        ((ObjectNode) a.get("channelData")).put("eventType", "teamMemberAdded").putObject("team").put("id", teamId)
                .put("name", teamId);
        a.putArray("membersAdded").addObject().put("id", BOT);
        return a.toString();
    }

    String text(String userId, String text) {
        ObjectNode a = personal(base("message", userId), userId);
        a.put("text", text).put("textFormat", "plain");
        return a.toString();
    }

    String execute(String userId, JsonNode data) {
        return execute(userId, "uptake.answer", data);
    }

    /** An {@code Action.Execute} of a card's action with its verb, e.g. {@code uptake.checkin}. */
    String execute(String userId, String verb, JsonNode data) {
        ObjectNode a = personal(base("invoke", userId), userId);
        a.put("name", "adaptiveCard/action");
        ObjectNode action = a.putObject("value").put("trigger", "manual").putObject("action");
        action.put("type", "Action.Execute").put("verb", verb).put("id", "answer");
        action.set("data", data);
        return a.toString();
    }

    private ObjectNode base(String type, String userId) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type).put("id", "f:" + Long.toHexString(System.nanoTime())).put("channelId", "msteams")
                .put("serviceUrl", connector.url()).put("locale", "en-GB");
        a.putObject("recipient").put("id", BOT).put("name", "Uptake");
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        return a;
    }

    private static ObjectNode personal(ObjectNode a, String userId) {
        a.set("from", JSON.createObjectNode().put("id", userId).put("aadObjectId", "aad-" + userId));
        a.putObject("conversation").put("conversationType", "personal").put("tenantId", TENANT)
                .put("id", "a:chat-" + userId);
        return a;
    }

    static String conversation(FakeBotConnector.Call call) {
        return call.path().split("/")[3];
    }

    /** Whose personal chat a call went to, or null for a channel or an unknown chat. */
    String userOf(FakeBotConnector.Call call) {
        String conversation = conversation(call);
        return conversation.startsWith("a:chat-") ? conversation.substring("a:chat-".length())
                : connector.openedFor(conversation);
    }

    /** Posts (new activities) since the scenario started, oldest first. */
    List<FakeBotConnector.Call> posted() {
        List<FakeBotConnector.Call> mine = new ArrayList<>();
        List<FakeBotConnector.Call> calls = connector.calls();
        for (int i = firstCall; i < calls.size(); i++) {
            FakeBotConnector.Call c = calls.get(i);
            if (c.method().equals("POST") && c.path().contains("/activities")) {
                mine.add(c);
            }
        }
        return mine;
    }

    /**
     * The answer actions' data of a pulse card, or none when the card is not a pulse: a button's carries its
     * value; a choice input's Send button carries none, the client merges the chosen value in.
     */
    static List<JsonNode> answerData(JsonNode card) {
        List<JsonNode> data = new ArrayList<>();
        for (JsonNode parent : card.findParents("verb")) {
            JsonNode d = parent.path("data");
            if (d.has("roundId") && d.has("question")) {
                data.add(d);
            }
        }
        return data;
    }
}
