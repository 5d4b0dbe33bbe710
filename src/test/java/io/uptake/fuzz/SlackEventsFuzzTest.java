package io.uptake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.FakeSlackApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code /slack/events} under mutated events, interactivity payloads and slash commands, each signed correctly
 * after mutation so the parsing is what is exercised: never a 5xx, never a stack trace, nothing stored for a
 * refused request, and the service healthy after.
 */
class SlackEventsFuzzTest {

    private static final String TEAM = "T0FUZZ";
    private static FakeSlackApi slackApi;
    private static FuzzServer server;
    private static String secret;
    private static final StatusTally EVENTS_TALLY = new StatusTally("POST /slack/events (events)");
    private static final StatusTally INTERACTIONS_TALLY = new StatusTally("POST /slack/events (interactivity)");
    private static final StatusTally COMMANDS_TALLY = new StatusTally("POST /slack/events (slash commands)");

    private static final List<String> EVENTS = List.of(
            "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"abc\"}",
            "{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\",\"event_id\":\"Ev1\","
                    + "\"event_time\":1,\"event\":{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\","
                    + "\"tab\":\"home\"}}",
            "{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\",\"event_id\":\"Ev2\","
                    + "\"event_time\":1,\"event\":{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]}}}");
    private static final List<String> PAYLOADS = List.of(
            "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},\"user\":{\"id\":\"U1\","
                    + "\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"container\":"
                    + "{\"type\":\"view\"},\"actions\":[{\"type\":\"button\",\"action_id\":\"home_optout\","
                    + "\"block_id\":\"b\",\"action_ts\":\"1\"}]}",
            "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\"},\"user\":{\"id\":\"U1\"},\"api_app_id\":"
                    + "\"A1\",\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D1\"},\"actions\":[{\"type\":"
                    + "\"button\",\"action_id\":\"answer:trust:3\",\"block_id\":\"b\",\"value\":\"1|trust|4|x\","
                    + "\"action_ts\":\"1\"}]}",
            "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\"},\"user\":{\"id\":\"U1\",\"team_id\":\""
                    + TEAM + "\"},\"api_app_id\":\"A1\",\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":"
                    + "\"comment\",\"private_metadata\":\"1|comment\",\"state\":{\"values\":{\"b\":{\"i\":{\"type\":"
                    + "\"plain_text_input\",\"value\":\"hi\"}}}}}}");

    @BeforeContainer
    static void start() {
        slackApi = FakeSlackApi.start();
        Map<String, String> settings = slackApi.singleWorkspace(TEAM, "xoxb-fuzz", Map.of());
        for (int i = 0; i < 2_000; i++) {
            slackApi.answer("auth.test", 200, "{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\","
                    + "\"bot_id\":\"BBOT\"}", Map.of());
        }
        secret = settings.get("uptake.slack.signing-secret");
        server = new FuzzServer(Map.copyOf(settings));
    }

    @AfterContainer
    static void stop() {
        try {
            server.assertHealthy();
            EVENTS_TALLY.write();
            INTERACTIONS_TALLY.write();
            COMMANDS_TALLY.write();
        } finally {
            server.close();
            slackApi.close();
        }
    }

    @Property
    void mutatedSignedEventsNeverFailTheServer(@ForAll long seed) throws Exception {
        Mutator mutate = new Mutator(new Random(seed));
        JsonNode event = Mutator.JSON.readTree(mutate.pick(EVENTS));
        if (event.has("event_id")) {
            // A fresh id per case: a repeated one is acknowledged as Slack's retry before Bolt reads the event.
            ((ObjectNode) event).put("event_id", "Ev" + Long.toHexString(seed));
        }
        send(EVENTS_TALLY, mutate, "application/json", mutate.any(event));
    }

    @Property
    void mutatedSignedInteractionsNeverFailTheServer(@ForAll long seed) throws Exception {
        Mutator mutate = new Mutator(new Random(seed));
        JsonNode payload = Mutator.JSON.readTree(mutate.pick(PAYLOADS));
        String json = mutate.chance(85) ? mutate.document(payload).toString() : payload.toString();
        byte[] body = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        if (mutate.chance(20)) {
            body = mutate.bytes(body);
        }
        send(INTERACTIONS_TALLY, mutate, "application/x-www-form-urlencoded", body);
    }

    @Property
    void mutatedSignedSlashCommandsNeverFailTheServer(@ForAll long seed) throws Exception {
        Mutator mutate = new Mutator(new Random(seed));
        send(COMMANDS_TALLY, mutate, "application/x-www-form-urlencoded", command(mutate));
    }

    private static void send(StatusTally tally, Mutator mutate, String contentType, byte[] body) throws Exception {
        if (mutate.chance(5)) {
            contentType = mutate.pick(List.of("text/plain", "multipart/form-data", "application/json",
                    "application/x-www-form-urlencoded; charset=latin1", ""));
        }
        FuzzServer.Mark before = server.mark();
        String timestamp = Long.toString(server.context().getBean(Clock.class).instant().getEpochSecond());
        FuzzServer.Answer answer = server.post("/slack/events", contentType.isEmpty() ? null : contentType,
                Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", sign(timestamp, body)), body);
        tally.add(answer.status());
        FuzzServer.assertSound(answer, new String(body, StandardCharsets.UTF_8));
        if (answer.status() >= 400) {
            server.assertNothingStoredSince(before, "a refused request");
        }
    }

    private static byte[] command(Mutator mutate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("command", "/uptake");
        form.put("text", mutate.pick(List.of("help", "pause 2w", "resume", "status claims-triage", "mydata",
                "checkin", "forget-me", "optout", "optin")));
        form.put("team_id", TEAM);
        form.put("user_id", "U1");
        form.put("user_name", "ana");
        form.put("channel_id", "D1");
        form.put("trigger_id", "1.2.3");
        int changes = mutate.chance(15) ? 0 : 1 + (mutate.chance(50) ? 1 : 0);
        List<String> keys = List.copyOf(form.keySet());
        for (int i = 0; i < changes; i++) {
            String key = mutate.pick(keys);
            switch (mutate.pick(List.of(0, 1, 2, 3))) {
                case 0 -> form.remove(key);
                case 1 -> form.put(key, mutate.junk());
                case 2 -> form.put(key, form.getOrDefault(key, "") + "x".repeat(mutate.chance(50) ? 70_000 : 300));
                default -> form.put(key + mutate.junk(), "v");
            }
        }
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(mutate.chance(3) ? v : URLEncoder.encode(v,
                StandardCharsets.UTF_8)));
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        return mutate.chance(15) ? mutate.bytes(body) : body;
    }

    private static String sign(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
