package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinRecords;
import io.uptake.checkin.CheckinRow;
import io.uptake.checkin.CheckinWorld;
import io.uptake.checkin.EscalateMissedCheckins;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.checkin.SendCheckinReminders;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Outcome check-ins over real HTTP into {@code /slack/events}: the owner's DM, the modal opened from its button
 * or from {@code /uptake checkin}, a refused and then an accepted submission, a non-owner refused, a stage change.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackCheckinTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T0TEAM";
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    ApplicationContext context;
    @Inject
    OpenCheckinCycles openCycles;
    @Inject
    Dispatcher dispatcher;
    @Inject
    CheckinRecords records;
    @Inject
    SendCheckinReminders reminders;
    @Inject
    EscalateMissedCheckins escalate;
    @Inject
    CatalogLookup catalog;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-e2e", Map.of());
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void theOwnerOpensTheFormFromTheDmAndABadValueIsRefusedInlineThenSaved() throws Exception {
        world("wf-modal", "olga@example.com", "UOLGA", "Olga");
        openCycles.run();
        clock.set(MONDAY);
        dispatcher.dispatchDue();
        FakeSlackApi.Call dm = slackApi.calls("chat.postMessage").stream()
                .filter(c -> "UOLGA".equals(c.params().get("channel"))).findFirst().orElseThrow();
        assertThat(dm.params().get("text")).contains("check-in for Workflow wf-modal is due");

        http.toBlocking().exchange(signed().form(buttonClick("UOLGA", buttonValue(dm))));
        JsonNode view = lastOpenedView();
        assertThat(view.path("callback_id").asText()).isEqualTo(CheckinModalView.CALLBACK);
        assertThat(view.path("private_metadata").asText()).isEqualTo("wf-modal");

        String refused = http.toBlocking().retrieve(signed().form(submission("UOLGA", "wf-modal", "about 130", "7")));
        assertThat(JSON.readTree(refused).path("response_action").asText()).isEqualTo("errors");
        assertThat(JSON.readTree(refused).path("errors").path(CheckinCommand.VALUE).asText())
                .contains("is not a number");
        assertThat(records.latest("wf-modal")).isEmpty();

        String saved = http.toBlocking().retrieve(signed().form(submission("UOLGA", "wf-modal", "131.5", "7")));
        assertThat(JSON.readTree(saved).path("response_action").asText()).isEqualTo("update");
        assertThat(saved).contains("Check-in saved");
        CheckinRow row = records.latest("wf-modal").orElseThrow();
        assertThat(row.value()).isEqualByComparingTo(new BigDecimal("131.5"));
        assertThat(row.status()).isEqualTo("at_risk");
        assertThat(row.confidence()).isEqualTo(7);
        assertThat(row.evidenceUrl()).isEqualTo("https://wiki.example.com/claims");
        assertThat(row.note()).isEqualTo("Two fewer temps this quarter");
        assertThat(records.cycle("wf-modal", "2026-Q4").orElseThrow().completedAt()).isEqualTo(row.submittedAt());
    }

    @Test
    void aConfidenceOutOfRangeIsRefusedWithItsOwnFieldError() throws Exception {
        world("wf-range", "rob@example.com", "UROB", "Rob");

        String refused = http.toBlocking().retrieve(signed().form(submission("UROB", "wf-range", "131", "11")));

        assertThat(JSON.readTree(refused).path("errors").path(CheckinCommand.CONFIDENCE).asText())
                .contains("0 to 10");
        assertThat(JSON.readTree(refused).path("errors").has(CheckinCommand.VALUE)).isFalse();
        assertThat(records.latest("wf-range")).isEmpty();
    }

    @Test
    void theSlashCommandOpensTheOwnersOnlyWorkflow() throws Exception {
        world("wf-slash", "sara@example.com", "USARA", "Sara");

        HttpResponse<String> reply = http.toBlocking().exchange(signed().form(slash("USARA", "checkin", "9.9.9")),
                String.class);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.getBody().orElse("")).doesNotContain("Only");
        FakeSlackApi.Call open = slackApi.calls("views.open").get(slackApi.calls("views.open").size() - 1);
        assertThat(open.params().get("trigger_id")).isEqualTo("9.9.9");
        assertThat(JSON.readTree(open.params().get("view")).path("private_metadata").asText()).isEqualTo("wf-slash");
    }

    @Test
    void whenSlackDoesNotOpenTheFormTheOwnerIsToldAfterTheAck() throws Exception {
        world("wf-expired", "ida@example.com", "UIDA", "Ida");
        slackApi.answer("views.open", 200, "{\"ok\":false,\"error\":\"expired_trigger_id\"}", Map.of());
        int told = slackApi.calls("response").size();

        HttpResponse<String> reply = http.toBlocking().exchange(signed().form(slash("UIDA", "checkin", "5.5.5")),
                String.class);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.getBody().orElse("")).as("the ack itself says nothing").isEmpty();
        assertThat(slackApi.calls("views.open").get(slackApi.calls("views.open").size() - 1).params()
                .get("trigger_id")).isEqualTo("5.5.5");
        List<FakeSlackApi.Call> responses = slackApi.calls("response");
        assertThat(responses).hasSize(told + 1);
        assertThat(responses.get(told).params().toString()).contains(CheckinModal.NOT_OPENED);
    }

    @Test
    void anOwnerSeenForTheFirstTimeIsFoundByTheEmailSlackGivesForThem() throws Exception {
        CheckinWorld.in(context).workflow("wf-first", "fay@example.com").declare();
        slackApi.answer("users.info", 200, "{\"ok\":true,\"user\":{\"id\":\"UFAY\",\"name\":\"fay\","
                + "\"real_name\":\"Fay\",\"tz\":\"Europe/Paris\",\"profile\":{\"email\":\"Fay@Example.com\"}}}",
                Map.of());

        HttpResponse<String> reply = http.toBlocking().exchange(signed().form(slash("UFAY", "checkin", "7.7.7")),
                String.class);

        assertThat(reply.getBody().orElse("")).doesNotContain("Only");
        FakeSlackApi.Call open = slackApi.calls("views.open").get(slackApi.calls("views.open").size() - 1);
        assertThat(open.params().get("trigger_id")).isEqualTo("7.7.7");
        assertThat(slackApi.calls("users.info")).anyMatch(c -> "UFAY".equals(c.params().get("user")));
    }

    @Test
    void someoneElseIsToldWhoTheOwnerIsAndCannotSubmit() throws Exception {
        world("wf-other", "nina@example.com", "UNINA", "Nina");
        CheckinWorld.in(context).slackUser("pete@example.com", "UPETE", "Pete", "Europe/London");
        int opened = slackApi.calls("views.open").size();

        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(slash("UPETE", "checkin wf-other", "1.1")),
                Map.class);
        String forged = http.toBlocking().retrieve(signed().form(submission("UPETE", "wf-other", "140", "8")));

        assertThat(reply.get("text").toString()).isEqualTo("Only Nina (nina@example.com) can log Workflow wf-other's "
                + "check-in.");
        assertThat(slackApi.calls("views.open")).hasSize(opened);
        assertThat(JSON.readTree(forged).path("errors").path(CheckinCommand.VALUE).asText()).startsWith("Only Nina");
        assertThat(records.latest("wf-other")).isEmpty();
    }

    @Test
    void theOwnerMovesTheWorkflowToProductionAndTheNextCatalogueSyncKeepsIt() {
        CheckinWorld world = world("wf-stage", "paula@example.com", "UPAULA", "Paula");

        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(slash("UPAULA", "stage wf-stage production",
                "2.2")), Map.class);
        world.declare();

        assertThat(reply.get("text").toString()).isEqualTo("Workflow wf-stage is now in production, since 2026-11-22."
                + " Recorded in its stage history.");
        var row = catalog.workflow("wf-stage").orElseThrow();
        assertThat(row.stage()).isEqualTo("production");
        assertThat(row.stageSince()).isEqualTo("2026-11-22");
    }

    @Test
    void remindersReachTheOwnerOnDaysTwoAndFiveAndTheSponsorHearsOnDaySeven() {
        world("wf-late", "liam@example.com", "ULIAM", "Liam");
        CheckinWorld.in(context).slackUser(CheckinWorld.SPONSOR, "UCFO", "Carla", "Europe/London");
        openCycles.run();

        List<String> sent = new java.util.ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            clock.set(MutableClock.START.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
            int before = slackApi.calls("chat.postMessage").size();
            reminders.run();
            escalate.run();
            dispatcher.dispatchDue();
            int day0 = day;
            slackApi.calls("chat.postMessage").stream().skip(before)
                    .filter(c -> List.of("ULIAM", "UCFO").contains(c.params().get("channel")))
                    .forEach(c -> sent.add("day " + day0 + " " + c.params().get("channel") + ": "
                            + c.params().get("text").split(":")[0]));
        }

        assertThat(sent).containsExactly(
                "day 1 ULIAM: The 2026-Q4 outcome check-in for Workflow wf-late is due.",
                "day 2 ULIAM: Reminder",
                "day 5 ULIAM: Reminder",
                "day 8 UCFO: Missed check-in");
        assertThat(records.cycle("wf-late", "2026-Q4").orElseThrow().escalatedAt())
                .isEqualTo(MutableClock.START.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
    }

    @Test
    void someoneElseCannotChangeTheStage() {
        world("wf-stage-other", "quentin@example.com", "UQUENTIN", "Quentin");
        CheckinWorld.in(context).slackUser("rex@example.com", "UREX", "Rex", "Europe/London");

        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(slash("UREX", "stage wf-stage-other retired",
                "3.3")), Map.class);

        assertThat(reply.get("text").toString()).isEqualTo(
                "Only Quentin (quentin@example.com) can change the stage of Workflow wf-stage-other.");
        assertThat(catalog.workflow("wf-stage-other").orElseThrow().stage()).isEqualTo("pilot");
    }

    @Test
    void aGermanOwnersDecimalCommaIsSavedAsTheDecimalTheyMeant() throws Exception {
        CheckinWorld world = CheckinWorld.in(context).workflow("wf-komma", "greta@example.com").declare();
        world.slackUser("greta@example.com", "UGRETA", "Greta", "Europe/Berlin", "de-DE");

        String saved = http.toBlocking().retrieve(signed().form(submission("UGRETA", "wf-komma", "47,5", "7")));

        assertThat(JSON.readTree(saved).path("response_action").asText()).isEqualTo("update");
        assertThat(saved).contains("47.5 claims");
        assertThat(records.latest("wf-komma").orElseThrow().value()).isEqualByComparingTo(new BigDecimal("47.5"));
    }

    @Test
    void aCommaBeforeThreeDigitsIsRefusedWithBothReadingsWhenTheOwnersLocaleIsUnknown() throws Exception {
        CheckinWorld world = CheckinWorld.in(context).workflow("wf-unclear", "hugo@example.com").declare();
        world.slackUser("hugo@example.com", "UHUGO", "Hugo", "Europe/London", null);

        String refused = http.toBlocking().retrieve(signed().form(submission("UHUGO", "wf-unclear", "47,500", "7")));

        assertThat(JSON.readTree(refused).path("response_action").asText()).isEqualTo("errors");
        assertThat(JSON.readTree(refused).path("errors").path(CheckinCommand.VALUE).asText())
                .isEqualTo("\"47,500\" could be 47500 or 47.5. Type 47500 for the whole number, or 47.5 with a "
                        + "decimal point.");
        assertThat(records.latest("wf-unclear")).isEmpty();
    }

    @Test
    void aValueFarFromBaselineAndTargetIsAskedAboutInTheFormAndSavedOnlyOnceConfirmed() throws Exception {
        world("wf-far", "ivan@example.com", "UIVAN", "Ivan");
        // Baseline 120, target 150: a span of 30, so anything above 150 + 3 × 30 = 240 is far out.

        String asked = http.toBlocking().retrieve(signed().form(submission("UIVAN", "wf-far", "475", "7")));

        JsonNode update = JSON.readTree(asked);
        assertThat(update.path("response_action").asText()).isEqualTo("update");
        JsonNode view = update.path("view");
        assertThat(view.path("private_metadata").asText()).isEqualTo("wf-far");
        assertThat(view.toString()).contains("475 claims is far from this outcome's baseline (120) and target (150)");
        JsonNode box = block(view, CheckinCommand.CONFIRM).path("element");
        assertThat(box.path("type").asText()).isEqualTo("checkboxes");
        assertThat(box.path("options").path(0).path("value").asText()).isEqualTo("475");
        assertThat(block(view, CheckinCommand.VALUE).path("element").path("initial_value").asText()).isEqualTo("475");
        assertThat(block(view, CheckinCommand.STATUS).path("element").path("initial_option").path("value").asText())
                .isEqualTo("at_risk");
        assertThat(records.latest("wf-far")).isEmpty();

        String changed = http.toBlocking().retrieve(signed().form(submission("UIVAN", "wf-far", "4750", "7", "475")));
        assertThat(JSON.readTree(changed).path("view").toString()).contains("4750 claims is far");
        assertThat(records.latest("wf-far")).as("a box ticked for another value confirms nothing").isEmpty();

        String saved = http.toBlocking().retrieve(signed().form(submission("UIVAN", "wf-far", "475", "7", "475")));
        assertThat(saved).contains("Check-in saved");
        assertThat(records.latest("wf-far").orElseThrow().value()).isEqualByComparingTo(new BigDecimal("475"));
    }

    private static JsonNode block(JsonNode view, String blockId) {
        for (JsonNode block : view.path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private CheckinWorld world(String workflowId, String email, String userId, String name) {
        CheckinWorld world = CheckinWorld.in(context).workflow(workflowId, email).declare();
        world.slackUser(email, userId, name, "Europe/London");
        return world;
    }

    private SignedSlackRequests signed() {
        return new SignedSlackRequests(clock);
    }

    private JsonNode lastOpenedView() throws Exception {
        List<FakeSlackApi.Call> opens = slackApi.calls("views.open");
        return JSON.readTree(opens.get(opens.size() - 1).params().get("view"));
    }

    private static String buttonValue(FakeSlackApi.Call post) throws Exception {
        for (JsonNode block : JSON.readTree(post.params().get("blocks"))) {
            for (JsonNode element : block.path("elements")) {
                if (CheckinBlocks.OPEN_ACTION.equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no Log check-in button");
    }

    private String buttonClick(String user, String value) {
        return "payload=" + enc("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D1\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + CheckinBlocks.OPEN_ACTION + "\","
                + "\"block_id\":\"b\",\"value\":" + JSON.valueToTree(value) + ",\"action_ts\":\"1\"}]}");
    }

    private String submission(String user, String workflowId, String value, String confidence) {
        return submission(user, workflowId, value, confidence, null);
    }

    /** A view_submission of the form; {@code confirmed}, when given, is the value of the ticked confirm box. */
    private String submission(String user, String workflowId, String value, String confidence, String confirmed) {
        ObjectNode values = JSON.createObjectNode();
        if (confirmed != null) {
            values.putObject(CheckinCommand.CONFIRM).putObject(CheckinCommand.CONFIRM).put("type", "checkboxes")
                    .putArray("selected_options").addObject().put("value", confirmed);
        }
        values.putObject(CheckinCommand.VALUE).putObject(CheckinCommand.VALUE).put("type", "plain_text_input")
                .put("value", value);
        values.putObject(CheckinCommand.STATUS).putObject(CheckinCommand.STATUS).put("type", "static_select")
                .putObject("selected_option").put("value", "at_risk");
        values.putObject(CheckinCommand.CONFIDENCE).putObject(CheckinCommand.CONFIDENCE)
                .put("type", "static_select").putObject("selected_option").put("value", confidence);
        values.putObject(CheckinCommand.EVIDENCE).putObject(CheckinCommand.EVIDENCE).put("type", "url_text_input")
                .put("value", "https://wiki.example.com/claims");
        values.putObject(CheckinCommand.NOTE).putObject(CheckinCommand.NOTE).put("type", "plain_text_input")
                .put("value", "Two fewer temps this quarter");
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A1");
        payload.putObject("team").put("id", TEAM);
        payload.putObject("user").put("id", user).put("team_id", TEAM);
        ObjectNode view = payload.putObject("view").put("id", "V1").put("type", "modal")
                .put("callback_id", CheckinModalView.CALLBACK).put("private_metadata", workflowId);
        view.putObject("state").set("values", values);
        return "payload=" + enc(payload.toString());
    }

    private String slash(String user, String text, String triggerId) {
        return "command=%2Fuptake&text=" + enc(text) + "&team_id=" + TEAM + "&user_id=" + user + "&user_name=x"
                + "&channel_id=D9&response_url=" + enc(slackApi.url() + "response") + "&trigger_id=" + triggerId;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
