package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.AnswerCommand;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.PulseWorld;
import io.uptake.pulse.RecordAnswer;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code /uptake mydata} and {@code /uptake forget-me} over signed requests, Slack's Web API faked on loopback. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackDataRightsTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T0TEAM";

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PersonRepository people;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    SlackInstallations installations;

    Map<String, Long> ids;

    @Override
    public Map<String, String> getProperties() {
        return slackApi.singleWorkspace(TEAM, "xoxb-dr", Map.of());
    }

    @BeforeAll
    void answeredAPulse() {
        ids = PulseWorld.in(context).person("ana@example.com", "UTC").person("bo@example.com", "UTC")
                .questions(Question.USAGE, Question.TRUST, Question.COMMENT).build();
        long round = ((OpenRound.Result.Opened) openRound.now(PulseWorld.PULSE)).roundId();
        dispatcher.dispatchDue();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "4", null));
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "comment", "Ana's own words", null));
        dispatcher.dispatchDue();
        installations.save(new SlackInstallationRow(null, TEAM, null, "UBOT", "xoxb-installed", null, null,
                "chat:write", "U1", "Acme", null, Instant.parse("2026-01-05T09:00:00Z"), null));
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    @Order(1)
    void mydataRepliesPrivatelyAndSendsTheExportAsADirectMessage() {
        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(command("U1", "mydata")), Map.class);
        dispatcher.dispatchDue();

        assertThat(reply.get("text").toString()).startsWith("On its way");
        List<FakeSlackApi.Call> exports = slackApi.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("blocks").contains("Your data in Uptake")).toList();
        assertThat(exports).singleElement().satisfies(c -> {
            assertThat(c.params().get("channel")).isEqualTo("U1");
            assertThat(c.params().get("blocks")).contains("ana@example.com", "user U1", "Ana's own words", "→ 4",
                    "You installed Uptake in the Slack workspace Acme (" + TEAM + ") on 2026-01-05");
        });
    }

    @Test
    @Order(2)
    void forgetMeAsksFirstAndCancelErasesNothing() throws Exception {
        String reply = http.toBlocking().retrieve(signed().form(command("U1", "forget-me")));
        JsonNode body = JSON.readTree(reply);

        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("blocks").toString()).contains(PersonalBlocks.FORGET_CONFIRM, PersonalBlocks.FORGET_CANCEL,
                "Yes, erase my data");
        assertThat(people.findById(ids.get("ana@example.com")).orElseThrow().erasedAt()).isNull();

        http.toBlocking().exchange(signed().form(click("U1", PersonalBlocks.FORGET_CANCEL)));

        assertThat(people.findById(ids.get("ana@example.com")).orElseThrow().erasedAt()).isNull();
        assertThat(lastResponse()).contains("Nothing was erased");
    }

    @Test
    @Order(3)
    void confirmingErasesThePersonWhoClickedAndNobodyElse() {
        long ana = ids.get("ana@example.com");

        var response = http.toBlocking().exchange(signed().form(click("U1", PersonalBlocks.FORGET_CONFIRM)));

        assertThat(response.code()).isEqualTo(200);
        assertThat(people.findById(ana).orElseThrow().erasedAt()).isNotNull();
        assertThat(people.findById(ana).orElseThrow().email()).isNull();
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, TEAM, "U1")).isEmpty();
        assertThat(installations.findByTeamId(TEAM)).get().satisfies(row -> {
            assertThat(row.installerUserId()).as("who installed Uptake").isNull();
            assertThat(row.botToken()).as("the installation itself stays").isEqualTo("xoxb-installed");
        });
        assertThat(people.findById(ids.get("bo@example.com")).orElseThrow().erasedAt()).isNull();
        assertThat(lastResponse()).contains("Done: your email, name, time zone and chat accounts are erased");
    }

    private String lastResponse() {
        List<FakeSlackApi.Call> responses = slackApi.calls("response");
        return responses.get(responses.size() - 1).params().toString();
    }

    private SignedSlackRequests signed() {
        return new SignedSlackRequests(clock);
    }

    private String command(String user, String text) {
        return "command=%2Fuptake&text=" + enc(text) + "&team_id=" + TEAM + "&user_id=" + user + "&user_name=x"
                + "&channel_id=D1&response_url=" + enc(slackApi.url() + "response") + "&trigger_id=1.2";
    }

    private String click(String user, String actionId) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"response_url\":\"" + slackApi.url() + "response\","
                + "\"container\":{\"type\":\"message\",\"is_ephemeral\":true},\"channel\":{\"id\":\"D1\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\","
                + "\"value\":\"x\",\"action_ts\":\"1\"}]}";
        return "payload=" + enc(payload);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
