package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.PulseActions;
import io.uptake.chat.slack.SignedSlackRequests;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ForgetMe;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenStakeholderRounds;
import io.uptake.pulse.StakeholderRoundTick;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The quarterly stakeholder pulse from a programmes file to what its owner reads: a sponsor and stakeholders known
 * on Slack, on Teams and by email only; the quarter's round started by calling the use case at a fixed time, each
 * answer sent through the real Slack interactivity and Teams endpoints, a reminder, the close, the owner's summary
 * DM as the fake Slack Web API received it, the scorecard API and the digest preview, all against shares worked out
 * here by hand.
 */
@MicronautTest(transactional = false)
class StakeholderPulseEndToEndTest extends TeamsTestContext {

    static final String TOKEN = "stakeholders-e2e-token";
    static final String SLACK_TEAM = "T0STAKE";
    static final String TENANT = "tenant-stakeholders";
    static final String TEAM = "19:stake@thread.tacv2";
    /** The first weekday of 2027-Q1 (a Friday), after the pulse's 09:00. */
    static final Instant QUARTER_START = Instant.parse("2027-01-01T09:30:00Z");

    final FakeSlackApi slackApi = FakeSlackApi.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    SyncSlackAudiences slackAudiences;
    @Inject
    SyncTeamsRosters rosters;
    @Inject
    OpenStakeholderRounds openRounds;
    @Inject
    StakeholderRoundTick tick;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("uptake.teams.test.real-gateway", "true");
        properties.put("uptake.admin-token", TOKEN);
        properties.put("uptake.test.clock-start", QUARTER_START.toString());
        properties.putAll(slackApi.singleWorkspace(SLACK_TEAM, "xoxb-stake", Map.of("uptake.catalog",
                programmesFile().toString())));
        return properties;
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    void theOwnerReadsTheQuarterStakeholdersFiguresAfterTheRoundCloses() throws Exception {
        knowPeopleOnSlackAndTeams();

        List<OpenStakeholderRounds.Opened> opened = openRounds.run();
        dispatcher.dispatchDue();

        // Eight people named (the sponsor and seven stakeholders); the board's address is known to no platform.
        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.quarter()).isEqualTo("2027-Q1");
            assertThat(o.asked()).isEqualTo(7);
            assertThat(o.passedOver()).isEqualTo(1);
        });
        assertThat(openRounds.run()).as("once a quarter").isEmpty();
        String slackPulse = slackPulseTo("U1").params().get("blocks");
        assertThat(slackPulse).contains("Still confident Claims triage assistant will change claims closed per FTE"
                + " per week?").contains("Still willing to fund the next step?")
                .contains("What would change your mind? (optional) Read by Hana Head after the quarter's pulse "
                        + "closes, only if at least 10 people answer.");
        assertThat(cardOf("29:ops").card().toString()).contains("Still willing to fund the next step?");

        // Confidence 5, 4, 4, 2 on Slack and 5, 3 on Teams; fund Yes from all but the CIO.
        Map<String, String[]> slack = Map.of("U1", new String[]{"5 · Completely", "Yes"},
                "U2", new String[]{"4", "Yes"}, "U3", new String[]{"4", "Yes"}, "U4", new String[]{"2", "No"});
        slack.forEach((user, answers) -> {
            click(user, "confidence", answers[0]);
            click(user, "fund", answers[1]);
        });
        answerOnTeams("29:ops", "confidence", "5");
        answerOnTeams("29:ops", "fund", "2");
        answerOnTeams("29:risk", "confidence", "3");
        Answer risk = answerOnTeams("29:risk", "fund", "2");
        assertThat(risk.body()).contains("Your answer: Yes");
        Answer comment = post(TeamsActivity.execute(TENANT, "29:risk", CardData.VERB, freeText(cardOf("29:risk"),
                "change-mind", "A pilot result from jane@example.com's team")));
        assertThat(comment.body()).contains("Your answer: A pilot result");
        dispatcher.dispatchDue();

        // While the round is open, only the counts show.
        JsonNode open = stakeholders(scorecard("2027-W01"));
        assertThat(open.get("answered").asInt()).isEqualTo(6);
        assertThat(open.get("confidentPercent").get("state").asText()).isEqualTo("NO_DATA");

        clock.advance(Duration.ofDays(3));
        tick.run();
        dispatcher.dispatchDue();
        assertThat(connector.posted().stream().filter(c -> c.body().path("summary").asText().startsWith("Reminder:")))
                .as("one reminder, to the one who has not answered").singleElement()
                .satisfies(c -> assertThat(c.path()).contains(conversationOf("29:legal")));
        assertThat(slackApi.calls("chat.postMessage")).noneMatch(c -> c.params().getOrDefault("text", "")
                .startsWith("Reminder:"));

        clock.advance(Duration.ofDays(3));
        assertThat(tick.run()).as("closed after six days").isEqualTo(1);
        dispatcher.dispatchDue();

        // By hand: 4 of 6 gave 4 or 5 = 66.7 %; 5 of 6 said Yes = 83.3 %; 6 answers are under the 10 free text needs.
        String line = "6 of 7 answered · confident 67 % · willing to fund 83 %";
        FakeSlackApi.Call summary = slackApi.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("channel").equals("U9")).reduce((a, b) -> b).orElseThrow();
        assertThat(summary.params().get("blocks")).contains("Claims triage assistant stakeholder pulse")
                .contains("2027-Q1").contains(line)
                .contains("What would change their minds is shown once at least 10 people answer")
                .doesNotContain("pilot result");

        JsonNode figures = stakeholders(scorecard("2027-W01"));
        assertThat(figures.get("quarter").asText()).isEqualTo("2027-Q1");
        assertThat(figures.get("asked").asInt()).isEqualTo(7);
        assertThat(figures.get("answered").asInt()).isEqualTo(6);
        assertThat(figures.get("confidentPercent").get("value").asDouble()).isEqualTo(66.7);
        assertThat(figures.get("confidentPercent").get("n").asInt()).isEqualTo(6);
        assertThat(figures.get("fundPercent").get("value").asDouble()).isEqualTo(83.3);
        assertThat(figures.get("changeMind")).isEmpty();

        JsonNode preview = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/digests/preview?programme=claims-ai&week=2027-W01").bearerAuth(TOKEN), String.class));
        assertThat(preview.get("blockKit").toString()).contains("Stakeholders this quarter: " + line);
        assertThat(preview.get("adaptiveCard").toString()).contains("Stakeholders this quarter: " + line);
        assertThat(preview.toString()).doesNotContain("pilot result");

        String page = http.toBlocking().retrieve(Sessions.of(context).signedIn(HttpRequest.GET("/?week=2027-W01"),
                "head@example.com"), String.class);
        assertThat(page).contains("Stakeholders, 2027-Q1").contains(line);
        assertThat(slackApi.refusals()).as("Slack messages the Block Kit checks refused").isEmpty();

        // Erased at their request, a stakeholder's words go and their answers stay counted, tied to no one.
        context.getBean(ForgetMe.class).eraseByEmail("risk@example.com");
        JsonNode afterErasure = stakeholders(scorecard("2027-W01"));
        assertThat(afterErasure.get("answered").asInt()).isEqualTo(6);
        assertThat(afterErasure.get("confidentPercent").get("value").asDouble()).isEqualTo(66.7);
    }

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = FakeBotConnector.JSON;

    private void knowPeopleOnSlackAndTeams() throws InterruptedException {
        slackApi.answerAlways("users.list", """
                {"ok":true,"members":[
                 {"id":"U1","name":"cfo","real_name":"Cat Fo","tz":"Europe/London","profile":{"email":"cfo@example.com"}},
                 {"id":"U2","name":"coo","real_name":"Coo","tz":"Europe/London","profile":{"email":"coo@example.com"}},
                 {"id":"U3","name":"fd","real_name":"Fd","tz":"Europe/London","profile":{"email":"fd@example.com"}},
                 {"id":"U4","name":"cio","real_name":"Cio","tz":"Europe/London","profile":{"email":"cio@example.com"}},
                 {"id":"U8","name":"jane","real_name":"Jane","tz":"Europe/London","profile":{"email":"jane@example.com"}},
                 {"id":"U9","name":"hana","real_name":"Hana Head","tz":"Europe/London",
                  "profile":{"email":"head@example.com"}}],
                 "response_metadata":{"next_cursor":""}}""");
        slackApi.answerAlways("conversations.members",
                "{\"ok\":true,\"members\":[\"U8\"],\"response_metadata\":{\"next_cursor\":\"\"}}");
        slackAudiences.run();
        post(TeamsActivity.botAddedToTeam(TENANT, TEAM, "29:jane"));
        connector.roster(TEAM, List.of(TeamsActivity.members(TeamsActivity.member("29:ops", "ops@example.com", "Ops"),
                TeamsActivity.member("29:risk", "risk@example.com", "Risk"),
                TeamsActivity.member("29:legal", "legal@example.com", "Legal"))));
        assertThat(rosters.run().members()).isEqualTo(3);
    }

    private FakeSlackApi.Call slackPulseTo(String user) {
        return slackApi.calls("chat.postMessage").stream().filter(c -> c.params().get("channel").equals(user))
                .findFirst().orElseThrow();
    }

    /** Clicks the button labelled {@code label} of a question in the person's Slack pulse, as Slack posts it. */
    private void click(String user, String question, String label) {
        for (JsonNode block : json(slackPulseTo(user).params().get("blocks"))) {
            for (JsonNode button : block.path("elements")) {
                if (button.path("action_id").asText("").startsWith(PulseActions.ANSWER_PREFIX + question + ":")
                        && button.path("text").path("text").asText().equals(label)) {
                    String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SLACK_TEAM
                            + "\",\"domain\":\"x\"},\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + SLACK_TEAM
                            + "\"},\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"response_url\":\""
                            + slackApi.url() + "response\",\"container\":{\"type\":\"message\"},\"channel\":{\"id\":"
                            + "\"D" + user.substring(1) + "\"},\"actions\":[{\"type\":\"button\",\"action_id\":"
                            + button.path("action_id") + ",\"block_id\":\"b\",\"value\":" + button.path("value")
                            + ",\"action_ts\":\"1\"}]}";
                    int status = http.toBlocking().exchange(new SignedSlackRequests(clock)
                            .form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8))).code();
                    assertThat(status).isEqualTo(200);
                    return;
                }
            }
        }
        throw new AssertionError("no " + question + " button labelled " + label + " for " + user);
    }

    private Answer answerOnTeams(String user, String question, String value) {
        JsonNode data = cardOf(user).card().findParents("verb").stream().map(a -> a.path("data"))
                .filter(d -> d.path("question").asText().equals(question) && d.path("value").asText().equals(value))
                .findFirst().orElseThrow();
        Answer answer = post(TeamsActivity.execute(TENANT, user, CardData.VERB, data));
        assertThat(answer.status()).isEqualTo(200);
        return answer;
    }

    /** The data a free-text question's Send button posts, with the text typed into its input. */
    private static JsonNode freeText(FakeBotConnector.Call card, String question, String text) {
        ObjectNode data = card.card().findParents("verb").stream().map(a -> a.path("data"))
                .filter(d -> d.path("question").asText().equals(question)).findFirst().orElseThrow().deepCopy();
        return data.put(CardData.INPUT_PREFIX + question, text);
    }

    private FakeBotConnector.Call cardOf(String userId) {
        String path = "/v3/conversations/" + conversationOf(userId) + "/activities";
        return connector.posted().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }

    private String conversationOf(String userId) {
        return ConversationRefs.read(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, userId)
                .orElseThrow().conversationRef()).orElseThrow().getConversation().getId();
    }

    private JsonNode scorecard(String week) throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=" + week)
                .bearerAuth(TOKEN), String.class));
    }

    private static JsonNode stakeholders(JsonNode card) {
        return card.get("programmes").get(0).get("stakeholders");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path programmesFile() {
        try {
            Path file = Files.createTempFile("programmes", ".yaml");
            Files.writeString(file, """
                    programmes:
                      - id: claims-ai
                        name: Claims triage assistant
                        sponsor: cfo@example.com
                        owner: head@example.com
                        stakeholders: [coo@example.com, fd@example.com, cio@example.com, ops@example.com,
                                       risk@example.com, legal@example.com, board@example.com]
                        workflows:
                          - id: claims-triage
                            name: Claims triage
                            owner: jane@example.com
                            audience: { slack-channel: C0STAKE01 }
                            outcome: { metric: Claims closed per FTE per week, unit: claims, direction: up,
                                       baseline: 120, target: 150, by: 2027-Q2 }
                          - id: claims-teams
                            name: Claims triage in Teams
                            owner: jane@example.com
                            audience: { teams-team: "19:stake@thread.tacv2" }
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
