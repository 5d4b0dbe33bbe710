package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.chat.slack.AnswerButtonValue;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.PulseActions;
import io.uptake.chat.slack.SignedSlackRequests;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.PersonalPulses;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * "What's most in the way?" from a programmes file to the leaders' outputs, on every audience kind: a pulse asking
 * {@code blockers} for a workflow on an emails list, a Slack channel, a Slack user group and a Teams team. People
 * answer through the real endpoints (signed Slack interactivity, JWT-signed Teams invokes), change their minds
 * and click twice; the scorecard JSON, the CSV export and the digest preview then show each workflow's shares,
 * hidden categories and change, checked against figures worked out here from the clicks.
 */
@MicronautTest(transactional = false)
class BlockersEndToEndTest extends TeamsTestContext {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "blockers-e2e-token";
    static final String SLACK_TEAM = "T0BLK";
    static final String TENANT = "tenant-blockers";
    static final String TEAMS_TEAM = "19:blockers@thread.tacv2";
    /** Categories by their stored value. */
    static final int DATA = 1;
    static final int INTEGRATION = 2;
    static final int RULES = 3;
    static final int TRUST = 4;
    static final int TRAINING = 5;
    static final int TIME = 6;
    static final int FIT = 7;
    static final int NOTHING = 8;
    static final List<String> CODES = List.of("data-access", "integration", "rules", "trust", "training", "time",
            "fit", "nothing");

    static final List<String> EMAILS = slackIds("UE", 7);
    static final List<String> CHANNEL = slackIds("UC", 5);
    static final List<String> GROUP = slackIds("UG", 12);
    static final List<String> TEAM = IntStream.rangeClosed(1, 6).mapToObj(i -> "29:t" + i).toList();

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
    OpenRound openRound;
    @Inject
    CloseRounds closeRounds;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    PersonRepository people;
    @Inject
    PersonalPulses personalPulses;
    @Inject
    ApplicationContext context;

    static List<String> slackIds(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + String.format("%02d", i)).toList();
    }

    static String email(String id) {
        return id.replace("29:", "").toLowerCase() + "@example.com";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(slackApi.singleWorkspace(SLACK_TEAM, "xoxb-blockers", Map.of()));
        properties.put("uptake.teams.test.real-gateway", "true");
        properties.put("uptake.admin-token", ADMIN);
        properties.put("uptake.catalog", programmesFile().toString());
        properties.put("uptake.test.clock-start", "2026-11-10T09:00:00Z");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slackApi.close();
    }

    @Test
    void answersOnEveryAudienceKindGiveSharesHiddenCategoriesAndChangeInEveryOutput() throws Exception {
        directories();

        // 2026-W46, the user group only: 5 data access, 5 no time, 2 nothing.
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        long w46 = open("group-weekly");
        for (int i = 0; i < 12; i++) {
            clickSlack(GROUP.get(i), w46, i < 5 ? DATA : i < 10 ? TIME : NOTHING);
        }

        // 2026-W47, every workflow.
        clock.set(Instant.parse("2026-11-17T09:00:00Z"));
        closeRounds.run();
        long group = open("group-weekly");
        long channel = open("channel-weekly");
        long emails = open("emails-weekly");
        long team = open("team-weekly");
        // User group: 6 no time (the first clicks twice), 5 data access, and one who said nothing then rules.
        clickSlack(GROUP.get(0), group, TIME);
        for (int i = 0; i < 12; i++) {
            if (i == 11) {
                clickSlack(GROUP.get(i), group, NOTHING);
            }
            clickSlack(GROUP.get(i), group, i < 6 ? TIME : i < 11 ? DATA : RULES);
        }
        // Channel: all five name integration; one adds a comment in the modal.
        CHANNEL.forEach(id -> clickSlack(id, channel, INTEGRATION));
        commentOnSlack(CHANNEL.get(0), channel, "The claims system has no export");
        // Emails list: 5 don't trust the output, 2 say it doesn't fit.
        for (int i = 0; i < 7; i++) {
            clickSlack(EMAILS.get(i), emails, i < 5 ? TRUST : FIT);
        }
        // Teams team: five name training, the first after first choosing "doesn't fit"; the sixth does not answer.
        clickTeams(TEAM.get(0), team, Integer.toString(FIT));
        for (int i = 0; i < 5; i++) {
            clickTeams(TEAM.get(i), team, Integer.toString(TRAINING));
        }
        clickTeams(TEAM.get(1), team, "Needs a course, not a video");
        dispatchAll();

        // Worked out by hand, the week's counts per category in the question's order.
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("group", new int[] {5, 0, 1, 0, 0, 6, 0, 0});
        counts.put("channel", new int[] {0, 5, 0, 0, 0, 0, 0, 0});
        counts.put("emails", new int[] {0, 0, 0, 5, 0, 0, 2, 0});
        counts.put("team", new int[] {0, 0, 0, 0, 5, 0, 0, 0});
        // Hidden: the group's rules (1 answer) and, so it cannot be worked out from the total, data access (the
        // smallest other named one); the emails list's fit (2) and with it trust.
        Map<String, List<String>> hidden = Map.of("group", List.of("data-access", "rules"), "channel", List.of(),
                "emails", List.of("trust", "fit"), "team", List.of());

        JsonNode card = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=2026-W47")
                .bearerAuth(ADMIN), String.class));
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            JsonNode b = workflow(card, e.getKey()).get("blockers");
            int n = IntStream.of(e.getValue()).sum();
            assertThat(b.get("respondents").asInt()).as(e.getKey()).isEqualTo(n);
            for (int i = 0; i < 8; i++) {
                JsonNode share = b.get("categories").get(i);
                assertThat(share.get("code").asText()).isEqualTo(CODES.get(i));
                if (hidden.get(e.getKey()).contains(CODES.get(i))) {
                    assertThat(share.get("percent").get("state").asText()).as(e.getKey() + " " + CODES.get(i))
                            .isEqualTo("SUPPRESSED");
                    assertThat(share.get("percent").has("value") && !share.get("percent").get("value").isNull())
                            .isFalse();
                } else {
                    assertThat(share.get("percent").get("value").asDouble()).as(e.getKey() + " " + CODES.get(i))
                            .isEqualTo(percent(e.getValue()[i], n));
                }
            }
        }
        assertThat(workflow(card, "group").get("blockers").get("top")).extracting(JsonNode::asText)
                .containsExactly("time");
        assertThat(workflow(card, "channel").get("blockers").get("top")).extracting(JsonNode::asText)
                .containsExactly("integration");
        assertThat(workflow(card, "emails").get("blockers").get("top")).isEmpty();
        assertThat(workflow(card, "team").get("blockers").get("top")).extracting(JsonNode::asText)
                .containsExactly("training");
        // The group's change against W46, where no time (5 of 12) and the empty categories were shown and data
        // access and nothing were hidden: no time 6/12 − 5/12 = 8.3 points; nothing has no shown week to compare.
        JsonNode groupShares = workflow(card, "group").get("blockers").get("categories");
        assertThat(groupShares.get(TIME - 1).get("change").get("value").asDouble())
                .isEqualTo(Math.round((6 * 100.0 / 12 - 5 * 100.0 / 12) * 10) / 10.0);
        assertThat(groupShares.get(INTEGRATION - 1).get("change").get("value").asDouble()).isZero();
        assertThat(groupShares.get(NOTHING - 1).get("change").get("state").asText()).isEqualTo("NO_DATA");
        assertThat(groupShares.get(DATA - 1).get("change").get("state").asText()).isEqualTo("SUPPRESSED");

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/export/scorecard.csv?week=2026-W47")
                .bearerAuth(ADMIN), String.class);
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv))) {
            rows.put(row.get("workflow"), row);
        }
        assertThat(rows.get("group").get("blockers_n")).isEqualTo("12");
        assertThat(rows.get("group").get("blocker_time_percent")).isEqualTo("50");
        assertThat(rows.get("group").get("blocker_time_change")).isEqualTo("8.3");
        assertThat(rows.get("group").get("blocker_data_access_percent")).isEqualTo("suppressed");
        assertThat(rows.get("group").get("blocker_rules_change")).isEqualTo("suppressed");
        assertThat(rows.get("group").get("blocker_nothing_change")).isEqualTo("n/a");
        assertThat(rows.get("group").get("blockers_top")).isEqualTo("time");
        assertThat(rows.get("channel").get("blocker_integration_percent")).isEqualTo("100");
        assertThat(rows.get("emails").get("blocker_trust_percent")).isEqualTo("suppressed");
        assertThat(rows.get("emails").get("blocker_fit_percent")).isEqualTo("suppressed");
        assertThat(rows.get("emails").get("blocker_nothing_percent")).isEqualTo("0");
        assertThat(rows.get("team").get("blocker_training_percent")).isEqualTo("100");
        assertThat(rows.get("team").get("blockers_n")).isEqualTo("5");

        for (String part : List.of("blockKit", "adaptiveCard")) {
            String digest = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(
                    "/api/v1/digests/preview?programme=blk&week=2026-W47").bearerAuth(ADMIN), String.class))
                    .get(part).toString();
            assertThat(digest).as(part).contains("In the way")
                    .contains("no time 50% (↑ 8) of 12 answers")
                    .contains("integration 100% of 5 answers")
                    .contains("no blocker named by 5 or more of 7 answers")
                    .contains("no training 100% of 5 answers")
                    .doesNotContain("data access");
        }

        String page = http.toBlocking().retrieve(Sessions.of(context).signedInAsAdmin(HttpRequest.GET(
                "/workflows/group?week=2026-W47").accept("text/html")), String.class);
        assertThat(page).contains("<h2 id=\"blockers-h\">What's in the way</h2>")
                .contains("share of 12 answers").contains("Most named:")
                .contains("<td class=\"value\">50.0 %</td>").contains("+8.3 points")
                .contains("hidden: too few answers");

        long commenter = people.findByEmail(email(CHANNEL.get(0))).orElseThrow().id();
        assertThat(personalPulses.recentAnswers(commenter)).anySatisfy(a -> {
            assertThat(a.question()).isEqualTo("Anything to add? (optional)");
            assertThat(a.answer()).isEqualTo("The claims system has no export");
        });
        long teamsCommenter = people.findByEmail(email(TEAM.get(1))).orElseThrow().id();
        assertThat(personalPulses.recentAnswers(teamsCommenter)).anySatisfy(a -> {
            assertThat(a.question()).isEqualTo("Anything to add? (optional)");
            assertThat(a.answer()).isEqualTo("Needs a course, not a video");
        });
    }

    static double percent(int part, int whole) {
        return Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** Everyone on Slack (the emails list, the channel, the user group) and the Teams team's roster. */
    private void directories() throws InterruptedException {
        List<String> all = new ArrayList<>(EMAILS);
        all.addAll(CHANNEL);
        all.addAll(GROUP);
        String members = all.stream().map(id -> "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"real_name\":\""
                + id + "\",\"tz\":\"Europe/London\",\"profile\":{\"email\":\"" + email(id) + "\"}}")
                .collect(Collectors.joining(","));
        slackApi.answer("users.list", 200, "{\"ok\":true,\"members\":[" + members
                + "],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        slackApi.answer("conversations.members", 200, "{\"ok\":true,\"members\":[" + quoted(CHANNEL)
                + "],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        slackApi.answer("usergroups.users.list", 200, "{\"ok\":true,\"users\":[" + quoted(GROUP) + "]}", Map.of());
        slackAudiences.run();
        assertThat(post(TeamsActivity.botAddedToTeam(TENANT, TEAMS_TEAM, "29:owner")).status()).isLessThan(300);
        connector.roster(TEAMS_TEAM, List.of(TeamsActivity.members(TEAM.stream()
                .map(id -> TeamsActivity.member(id, email(id), id.substring(3))).toArray(ObjectNode[]::new))));
        rosters.run();
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    }

    private long open(String pulse) {
        OpenRound.Result result = openRound.now(pulse);
        assertThat(result).as(pulse).isInstanceOf(OpenRound.Result.Opened.class);
        dispatchAll();
        return ((OpenRound.Result.Opened) result).roundId();
    }

    private void dispatchAll() {
        for (int i = 0; i < 20 && dispatcher.dispatchDue().sent() > 0; i++) {
            // until nothing due is left
        }
    }

    /** The value of a person's button for a category in their pulse message of a round. */
    private JsonNode slackButton(String user, long round, String actionPrefix, String value) {
        for (FakeSlackApi.Call post : slackApi.calls("chat.postMessage")) {
            if (!user.equals(post.params().get("channel"))) {
                continue;
            }
            for (JsonNode element : json(post.params().get("blocks")).findValues("elements")) {
                for (JsonNode e : element) {
                    var parts = AnswerButtonValue.decode(e.path("value").asText(null));
                    if (parts.isPresent() && parts.get().roundId() == round
                            && e.path("action_id").asText().startsWith(actionPrefix)
                            && (value == null || parts.get().value().equals(value))) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("no " + actionPrefix + " " + value + " button for " + user + " in round " + round);
    }

    private void clickSlack(String user, long round, int category) {
        JsonNode button = slackButton(user, round, PulseActions.ANSWER_PREFIX + "blockers:",
                Integer.toString(category));
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SLACK_TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + SLACK_TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"response_url\":\"" + slackApi.url() + "response\","
                + "\"container\":{\"type\":\"message\"},\"channel\":{\"id\":\"D" + user.substring(1) + "\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":" + button.path("action_id") + ","
                + "\"block_id\":\"b\",\"value\":" + button.path("value") + ",\"action_ts\":\"1\"}]}";
        assertThat(http.toBlocking().exchange(new SignedSlackRequests(clock).form("payload=" + enc(payload)))
                .code()).isEqualTo(200);
    }

    /** The comment button opens the modal; the modal's submission carries the button's value as metadata. */
    private void commentOnSlack(String user, long round, String text) {
        JsonNode button = slackButton(user, round, PulseActions.COMMENT_PREFIX + "blockers-comment", null);
        String click = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SLACK_TEAM + "\",\"domain\":\"x\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + SLACK_TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"message\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":" + button.path("action_id") + ","
                + "\"block_id\":\"b\",\"value\":" + button.path("value") + ",\"action_ts\":\"1\"}]}";
        assertThat(http.toBlocking().exchange(new SignedSlackRequests(clock).form("payload=" + enc(click)))
                .code()).isEqualTo(200);
        String submission = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + SLACK_TEAM + "\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + SLACK_TEAM + "\"},\"api_app_id\":\"A1\","
                + "\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"pulse_comment_modal\","
                + "\"private_metadata\":" + button.path("value") + ",\"state\":{\"values\":{\"comment\":"
                + "{\"comment_text\":{\"type\":\"plain_text_input\",\"value\":" + JSON.valueToTree(text) + "}}}}}}";
        assertThat(http.toBlocking().exchange(new SignedSlackRequests(clock).form("payload=" + enc(submission)))
                .code()).isEqualTo(200);
    }

    /**
     * A Teams answer: the eight categories are a choice input and the comment a text input, each sent with its
     * Send button, whose data the client merges the input's value into; a category is a number, anything else the
     * comment.
     */
    private void clickTeams(String user, long round, String value) {
        boolean category = value.matches("[1-8]");
        String question = category ? "blockers" : "blockers-comment";
        String conversation = ConversationRefs.read(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS,
                TENANT, user).orElseThrow().conversationRef()).orElseThrow().getConversation().getId();
        JsonNode data = connector.posted().stream()
                .filter(c -> c.path().equals("/v3/conversations/" + conversation + "/activities"))
                .flatMap(c -> c.card().findParents("verb").stream()).map(a -> a.path("data"))
                .filter(d -> d.path("roundId").asLong() == round && d.path("question").asText().equals(question))
                .findFirst().orElseThrow(() -> new AssertionError("no " + question + " Send for " + user));
        ObjectNode sent = ((ObjectNode) data.deepCopy()).put(CardData.INPUT_PREFIX + question, value);
        assertThat(post(TeamsActivity.execute(TENANT, user, CardData.VERB, sent)).status()).isEqualTo(200);
    }

    static JsonNode workflow(JsonNode card, String id) {
        for (JsonNode programme : card.get("programmes")) {
            for (JsonNode workflow : programme.get("workflows")) {
                if (workflow.get("workflowId").asText().equals(id)) {
                    return workflow;
                }
            }
        }
        throw new AssertionError("no workflow " + id + " in " + card);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Path programmesFile() {
        String workflows = """
                      - id: emails
                        name: Claims letters
                        owner: lee@example.com
                        stage: pilot
                        stage-since: 2026-09-01
                        audience: { emails: [%s] }
                      - id: channel
                        name: Claims triage
                        owner: lee@example.com
                        stage: pilot
                        stage-since: 2026-09-01
                        audience: { slack-channel: C0BLK }
                      - id: group
                        name: Service replies
                        owner: lee@example.com
                        stage: pilot
                        stage-since: 2026-09-01
                        audience: { slack-usergroup: S0BLK }
                      - id: team
                        name: Case summaries
                        owner: lee@example.com
                        stage: pilot
                        stage-since: 2026-09-01
                        audience: { teams-team: "%s" }
                """.formatted(EMAILS.stream().map(BlockersEndToEndTest::email).collect(Collectors.joining(", ")),
                TEAMS_TEAM);
        StringBuilder pulses = new StringBuilder();
        for (String id : List.of("emails", "channel", "group", "team")) {
            pulses.append("  - id: ").append(id).append("-weekly\n    workflow: ").append(id)
                    .append("\n    schedule: { every: TUESDAY, at: \"10:00\", zone: recipient }\n")
                    .append("    questions: [blockers]\n");
        }
        String text = "programmes:\n  - id: blk\n    name: Blockers\n    sponsor: cfo@example.com\n    workflows:\n"
                + workflows + "pulses:\n" + pulses;
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
