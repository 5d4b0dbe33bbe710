package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import io.uptake.catalog.Stage;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.Workflow;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.LinkIdentity;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The whole Slack loop over real HTTP: signed requests in, Web API calls out to a fake Slack on loopback. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackEndToEndTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T0TEAM";

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    SyncCatalog syncCatalog;
    @Inject
    SyncSlackAudiences syncAudiences;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    LinkIdentity identities;
    @Inject
    PersonRepository people;
    @Inject
    io.micronaut.context.ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-e2e", Map.of());
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    SignedSlackRequests signed() {
        return new SignedSlackRequests(clock);
    }

    @Test
    @Order(1)
    void urlVerificationEchoesTheChallenge() {
        HttpResponse<String> response = http.toBlocking().exchange(signed().json(
                "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"abc123\"}"), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("abc123");
    }

    @Test
    @Order(2)
    void aPulseReachesAChannelAudienceInDmsAndAClickIsRecordedOnceAndShownInTheMessage() throws Exception {
        declareChannelAudience();
        slackApi.answer("users.list", 200, """
                {"ok":true,"members":[
                 {"id":"U1","name":"ana","real_name":"Ana","tz":"Europe/London","locale":"en-GB",
                  "profile":{"email":"ana@example.com"}},
                 {"id":"U2","name":"bo","real_name":"Bo","tz":"America/New_York","profile":{"email":"bo@example.com"}},
                 {"id":"UB","name":"robot","is_bot":true,"profile":{}}],
                 "response_metadata":{"next_cursor":""}}""", Map.of());
        slackApi.answer("conversations.members", 200,
                "{\"ok\":true,\"members\":[\"U1\",\"U2\",\"UB\"],\"response_metadata\":{\"next_cursor\":\"\"}}",
                Map.of());

        SyncSlackAudiences.Report report = syncAudiences.run();
        var opened = (OpenRound.Result.Opened) openRound.now("e2e-weekly");
        dispatcher.dispatchDue();

        assertThat(report.joined()).isEqualTo(2);
        assertThat(opened.recipients()).isEqualTo(2);
        List<FakeSlackApi.Call> posts = slackApi.calls("chat.postMessage");
        assertThat(posts).extracting(c -> c.params().get("channel")).containsExactlyInAnyOrder("U1", "U2");
        assertThat(posts).allSatisfy(c -> assertThat(c.token()).isEqualTo("xoxb-e2e"));
        long ana = people.findByEmail("ana@example.com").orElseThrow().id();
        assertThat(people.findById(ana).orElseThrow().timeZone()).isEqualTo("Europe/London");

        String value = buttonValue(posts.stream().filter(c -> c.params().get("channel").equals("U1")).findFirst()
                .orElseThrow(), "4");
        HttpResponse<?> first = http.toBlocking().exchange(signed().form(blockAction("U1", value)));
        HttpResponse<?> again = http.toBlocking().exchange(signed().form(blockAction("U1", value)));
        dispatcher.dispatchDue();

        assertThat(first.code()).isEqualTo(200);
        assertThat(again.code()).isEqualTo(200);
        List<FakeSlackApi.Call> updates = slackApi.calls("chat.update");
        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.params().get("channel")).startsWith("D");
            assertThat(u.params().get("blocks")).contains("Thanks, recorded");
        });
    }

    @Test
    @Order(3)
    void slashCommandPauseRepliesOnlyToThePersonAndPauses() throws Exception {
        String body = "command=%2Fuptake&text=pause+2w&team_id=" + TEAM + "&user_id=U9&user_name=cy"
                + "&channel_id=D9&response_url=" + enc(slackApi.url() + "response") + "&trigger_id=1.2";

        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(body), Map.class);

        assertThat(reply.get("text").toString()).startsWith("Paused until");
        assertThat(reply.get("response_type")).isIn(null, "ephemeral");
        long cy = identities.find(Platform.SLACK, TEAM, "U9").orElseThrow();
        assertThat(people.findById(cy).orElseThrow().pausedUntil())
                .isEqualTo(clock.instant().plus(Duration.ofDays(14)));
    }

    @Test
    @Order(4)
    void aRetriedEventIsHandledOnce() {
        String event = "{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\",\"event_id\":"
                + "\"Ev42\",\"event_time\":1,\"event\":{\"type\":\"app_home_opened\",\"user\":\"U1\","
                + "\"channel\":\"D1\","
                + "\"tab\":\"home\"}}";
        int before = slackApi.calls("views.publish").size();

        var first = http.toBlocking().exchange(signed().json(event));
        var retry = signed().json(event);
        retry.header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout");
        var second = http.toBlocking().exchange(retry);

        assertThat(first.code()).isEqualTo(200);
        assertThat(second.code()).isEqualTo(200);
        assertThat(slackApi.calls("views.publish")).hasSize(before + 1);
        assertThat(slackApi.calls("views.publish").get(before).params().get("view"))
                .contains("Your open pulses", "Your recent answers", "What Uptake collects");
    }

    @Test
    @Order(5)
    void anUnknownPayloadTypeIsNotA5xx() {
        String payload = enc("{\"type\":\"message_action\",\"team\":{\"id\":\"" + TEAM + "\"},\"user\":{\"id\":\"U1\"},"
                + "\"callback_id\":\"nobody\"}");
        int status;
        try {
            status = http.toBlocking().exchange(signed().form("payload=" + payload)).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            status = e.getStatus().getCode();
        }

        assertThat(status).isIn(200, 404);
    }

    @Test
    @Order(6)
    void aCommentIsWrittenInAModalAndAnEmptyOneIsRefusedInline() throws Exception {
        FakeSlackApi.Call post = slackApi.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("channel").equals("U1")).findFirst().orElseThrow();
        String value = commentValue(post);

        http.toBlocking().exchange(signed().form(commentClick("U1", value)));
        String empty = http.toBlocking().retrieve(signed().form(viewSubmission("U1", value, "  ")));
        var written = http.toBlocking().exchange(signed().form(viewSubmission("U1", value, "Saves me an hour a day")),
                String.class);

        assertThat(slackApi.calls("views.open")).singleElement()
                .satisfies(c -> assertThat(c.params().get("trigger_id")).isEqualTo("1.2.3"));
        assertThat(empty).contains("\"response_action\":\"errors\"", "characters");
        assertThat(written.code()).isEqualTo(200);
        long ana = people.findByEmail("ana@example.com").orElseThrow().id();
        assertThat(context.getBean(io.uptake.pulse.PersonalPulses.class).recentAnswers(ana))
                .anySatisfy(a -> assertThat(a.answer()).isEqualTo("Saves me an hour a day"));
    }

    @Test
    @Order(7)
    void theHomeTabSwitchOptsAPersonOutAndBackIn() {
        long ana = people.findByEmail("ana@example.com").orElseThrow().id();

        http.toBlocking().exchange(signed().form(homeClick("U1", HomeTabView.OPT_OUT)));
        assertThat(people.findById(ana).orElseThrow().optedOutAt()).isNotNull();
        http.toBlocking().exchange(signed().form(homeClick("U1", HomeTabView.OPT_IN)));
        assertThat(people.findById(ana).orElseThrow().optedOutAt()).isNull();
        assertThat(slackApi.calls("views.publish").get(slackApi.calls("views.publish").size() - 1).params()
                .get("view")).contains(HomeTabView.OPT_OUT);
    }

    @Test
    @Order(8)
    void someoneNotAskedIsToldPrivatelyAndNothingIsStored() throws Exception {
        FakeSlackApi.Call post = slackApi.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("channel").equals("U1")).findFirst().orElseThrow();
        identities.link(new LinkIdentity.ChatUser(Platform.SLACK, TEAM, "U7", null, null, null, null, null, null));
        dispatcher.dispatchDue();
        int updates = slackApi.calls("chat.update").size();

        var response = http.toBlocking().exchange(signed().form(blockAction("U7", buttonValue(post, "2"))));
        dispatcher.dispatchDue();

        assertThat(response.code()).isEqualTo(200);
        assertThat(slackApi.calls("response")).singleElement().satisfies(c -> assertThat(c.params().toString())
                .contains("was not sent to you"));
        assertThat(slackApi.calls("chat.update")).hasSize(updates);
    }

    @Test
    @Order(9)
    void revokedTokensAreAcknowledged() {
        String event = "{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"EvRevoke\",\"event_time\":1,\"event\":{\"type\":\"tokens_revoked\","
                + "\"tokens\":{\"bot\":[\"UBOT\"]}}}";

        assertThat(http.toBlocking().exchange(signed().json(event)).code()).isEqualTo(200);
    }

    private String commentClick(String user, String value) {
        return "payload=" + enc(actionPayload(user, PulseActions.COMMENT_PREFIX + "comment", value));
    }

    private String homeClick(String user, String actionId) {
        return "payload=" + enc(actionPayload(user, actionId, null));
    }

    private String actionPayload(String user, String actionId, String value) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"view\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\","
                + (value == null ? "" : "\"value\":" + JSON.valueToTree(value) + ",") + "\"action_ts\":\"1\"}]}";
    }

    private String viewSubmission(String user, String metadata, String text) {
        String payload = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"" + CommentModal.CALLBACK + "\","
                + "\"private_metadata\":" + JSON.valueToTree(metadata) + ",\"state\":{\"values\":{\""
                + CommentModal.BLOCK + "\":{\"" + CommentModal.INPUT + "\":{\"type\":\"plain_text_input\",\"value\":"
                + JSON.valueToTree(text) + "}}}}}}";
        return "payload=" + enc(payload);
    }

    private static String commentValue(FakeSlackApi.Call post) throws Exception {
        for (JsonNode block : JSON.readTree(post.params().get("blocks"))) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText("").startsWith(PulseActions.COMMENT_PREFIX)) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no comment button");
    }

    private void declareChannelAudience() {
        Workflow workflow = new Workflow("e2e-flow", "e2e", "Claims triage", Stage.PILOT,
                Optional.of(LocalDate.parse("2026-09-01")), "ana@example.com",
                new Audience.SlackChannel("C0123ABCD"), 2, Optional.empty(), Optional.empty(), Optional.empty());
        Pulse pulse = new Pulse("e2e-weekly", workflow.id(), new Schedule(Set.of(DayOfWeek.TUESDAY),
                LocalTime.of(10, 0), Optional.empty()), List.of(Question.USAGE, Question.TRUST, Question.COMMENT),
                Pulse.Mode.CONFIDENTIAL, Duration.ofHours(24), 1, Duration.ofHours(72));
        syncCatalog.sync(new Catalog(List.of(new Programme("e2e", "E2E", "cfo@example.com", List.of(workflow))),
                List.of(pulse), CheckinPolicy.DEFAULT, List.of()));
    }

    /** The value of the trust button labelled with {@code label} in a posted message. */
    private static String buttonValue(FakeSlackApi.Call post, String option) throws Exception {
        JsonNode blocks = JSON.readTree(post.params().get("blocks"));
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                String value = element.path("value").asText("");
                if (element.path("action_id").asText("").startsWith(PulseActions.ANSWER_PREFIX + "trust")
                        && AnswerButtonValue.decode(value).map(p -> p.value().equals(option)).orElse(false)) {
                    return value;
                }
            }
        }
        throw new AssertionError("no trust button " + option);
    }

    private String blockAction(String user, String value) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"response_url\":\"" + slackApi.url() + "response\","
                + "\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D1\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + PulseActions.ANSWER_PREFIX + "trust:3\","
                + "\"block_id\":\"b\",\"value\":" + JSON.valueToTree(value) + ",\"action_ts\":\"1\"}]}";
        return "payload=" + enc(payload);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
