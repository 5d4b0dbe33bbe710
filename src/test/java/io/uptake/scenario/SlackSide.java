package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.AnswerButtonValue;
import io.uptake.chat.slack.FakeSlackApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Slack workspace of the scenario: its directory on the fake Web API, and people's signed requests. */
final class SlackSide {

    static final String TEAM = "T0SCN";
    static final String TOKEN = "xoxb-scenario";
    static final String SECRET = "scenario-signing-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlackApi api = FakeSlackApi.start();
    private final Map<String, String> emailsById = new HashMap<>();

    FakeSlackApi api() {
        return api;
    }

    Map<String, String> settings() {
        String auth = "{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
        for (int i = 0; i < 50; i++) {
            api.answer("auth.test", 200, auth, Map.of());
        }
        return Map.of("uptake.slack.signing-secret", SECRET, "uptake.slack.bot-token", TOKEN, "uptake.slack.api-url",
                api.url());
    }

    /** Scripts the next directory read: every Slack person, a channel's and a user group's members. */
    void directory(List<ScenarioPerson> people, Map<String, Collection<String>> channels,
                   Map<String, Collection<String>> usergroups) {
        ArrayNode members = JSON.createArrayNode();
        for (ScenarioPerson p : people) {
            emailsById.put(p.chatId(), p.email());
            ObjectNode m = members.addObject().put("id", p.chatId()).put("name", p.email().split("@")[0])
                    .put("real_name", p.name()).put("tz", p.zone()).put("locale", p.locale().replace('-', '-'));
            m.putObject("profile").put("email", p.email()).put("real_name", p.name());
        }
        ObjectNode list = JSON.createObjectNode().put("ok", true);
        list.set("members", members);
        list.putObject("response_metadata").put("next_cursor", "");
        api.answer("users.list", 200, list.toString(), Map.of());
        channels.forEach((channel, ids) -> {
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            ids.forEach(answer.putArray("members")::add);
            answer.putObject("response_metadata").put("next_cursor", "");
            api.answer("conversations.members", 200, answer.toString(), Map.of());
        });
        usergroups.forEach((group, ids) -> {
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            ids.forEach(answer.putArray("users")::add);
            api.answer("usergroups.users.list", 200, answer.toString(), Map.of());
        });
    }

    /** A signed {@code /uptake} slash command as Slack posts it. */
    SignedBody command(Clock clock, String userId, String text) {
        return sign(clock, "command=%2Fuptake&text=" + enc(text) + "&team_id=" + TEAM + "&user_id=" + userId
                + "&user_name=u&channel_id=D" + userId.substring(1) + "&response_url=" + enc(api.url() + "response")
                + "&trigger_id=1.2.3");
    }

    /** A signed click on a pulse answer button. */
    SignedBody click(Clock clock, String userId, String actionId, String value) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"scn\"},"
                + "\"user\":{\"id\":\"" + userId + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"response_url\":\"" + api.url() + "response\","
                + "\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D" + userId.substring(1) + "\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":" + JSON.valueToTree(actionId) + ","
                + "\"block_id\":\"b\",\"value\":" + JSON.valueToTree(value) + ",\"action_ts\":\"1\"}]}";
        return sign(clock, "payload=" + enc(payload));
    }

    /** A signed submission of the comment modal opened from a comment button with this value. */
    SignedBody submitComment(Clock clock, String userId, String buttonValue, String text) {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", TEAM);
        payload.putObject("user").put("id", userId).put("team_id", TEAM);
        payload.put("api_app_id", "A1");
        ObjectNode view = payload.putObject("view").put("id", "V1").put("type", "modal")
                .put("callback_id", "pulse_comment_modal").put("private_metadata", buttonValue);
        view.putObject("state").putObject("values").putObject("comment").putObject("comment_text")
                .put("type", "plain_text_input").put("value", text);
        return sign(clock, "payload=" + enc(payload.toString()));
    }

    /**
     * A signed submission of the outcome check-in form (the modal {@code /uptake checkin} opens): the value, status,
     * confidence and a note, as Slack posts it when the owner presses Save.
     */
    SignedBody checkinSubmission(Clock clock, String userId, String workflowId, String value, String status,
                                 String confidence) {
        return checkinSubmission(clock, userId, workflowId, value, status, confidence, null);
    }

    /** The same, with an evidence link when {@code evidence} is not null. */
    SignedBody checkinSubmission(Clock clock, String userId, String workflowId, String value, String status,
                                 String confidence, String evidence) {
        ObjectNode values = JSON.createObjectNode();
        if (evidence != null) {
            values.putObject("evidence").putObject("evidence").put("type", "url_text_input").put("value", evidence);
        }
        values.putObject("value").putObject("value").put("type", "plain_text_input").put("value", value);
        values.putObject("status").putObject("status").put("type", "static_select")
                .putObject("selected_option").put("value", status);
        values.putObject("confidence").putObject("confidence").put("type", "static_select")
                .putObject("selected_option").put("value", confidence);
        values.putObject("note").putObject("note").put("type", "plain_text_input").put("value", "From the form");
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A1");
        payload.putObject("team").put("id", TEAM);
        payload.putObject("user").put("id", userId).put("team_id", TEAM);
        ObjectNode view = payload.putObject("view").put("id", "V1").put("type", "modal")
                .put("callback_id", "checkin_modal").put("private_metadata", workflowId);
        view.putObject("state").set("values", values);
        return sign(clock, "payload=" + enc(payload.toString()));
    }

    /** A body with the headers Slack signs it with. */
    record SignedBody(String body, String timestamp, String signature) {
    }

    private static SignedBody sign(Clock clock, String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hmac = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return new SignedBody(body, timestamp, "v0=" + HexFormat.of().formatHex(hmac));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer button of one question and value in a posted pulse message: its action id and value. */
    record Button(String actionId, String value, long roundId) {
    }

    /** The answer buttons of every pulse message posted to a user, oldest first, by round. */
    Map<Long, List<Button>> pulseButtons(String userId, int from) {
        Map<Long, List<Button>> rounds = new HashMap<>();
        List<FakeSlackApi.Call> posts = api.calls("chat.postMessage");
        for (int i = from; i < posts.size(); i++) {
            FakeSlackApi.Call post = posts.get(i);
            if (!userId.equals(post.params().get("channel"))) {
                continue;
            }
            List<Button> buttons = buttons(post.params().get("blocks"));
            if (!buttons.isEmpty()) {
                rounds.putIfAbsent(buttons.get(0).roundId(), buttons);
            }
        }
        return rounds;
    }

    static List<Button> buttons(String blocks) {
        List<Button> buttons = new ArrayList<>();
        if (blocks == null) {
            return buttons;
        }
        try {
            for (JsonNode element : JSON.readTree(blocks).findValues("elements")) {
                for (JsonNode e : element) {
                    Optional<?> parts = AnswerButtonValue.decode(e.path("value").asText(null));
                    if (parts.isPresent()) {
                        String[] fields = e.path("value").asText().split("\\|", -1);
                        buttons.add(new Button(e.path("action_id").asText(), e.path("value").asText(),
                                Long.parseLong(fields[1])));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return buttons;
    }

    /** The question and value a button answers. */
    static String[] questionAndValue(Button button) {
        String[] fields = button.value().split("\\|", -1);
        return new String[] {fields[2], fields[3]};
    }

    void close() {
        api.close();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
