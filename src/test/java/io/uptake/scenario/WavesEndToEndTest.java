package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.time.MutableClock;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rollout waves as an admin, leaders and the people asked meet them (issue 19): a programmes file whose workflow rolls
 * out in four waves, one of each audience kind — an emails list of Slack and Teams people (wave 1, live with the
 * workflow), a Slack channel (live 2 Nov), a Slack user group (live Monday 16 Nov, the scored week's first day) and a
 * Teams team (live 23 Nov, after the scored week W47). Usage is posted through the admin API; the pulse opened on
 * Tuesday 17 Nov goes to the members of the three live waves only, who answer by clicking the buttons the Slack and
 * Teams fakes recorded. The scorecard JSON, the per-wave CSV, the digest on Slack and Teams and the workflow page
 * then show figures worked out here by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WavesEndToEndTest extends EndToEndCalls {

    @Override
    String adminToken() {
        return ADMIN;
    }

    static final String ADMIN = "waves-admin-token-0123456789abcdef";
    static final String TEAM = "19:waves@thread.tacv2";
    static final String WEEK = "2026-W47";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Wave 1: three Slack and three Teams people by email. */
    static final List<String> WAVE1 = List.of("e1@example.com", "e2@example.com", "e3@example.com",
            "t1@example.com", "t2@example.com", "t3@example.com");
    /** Wave 2, the Slack channel; wave 3, the Slack user group; wave 4, the Teams team (t1–t3 are in it too). */
    static final List<String> WAVE2 = emails("c", 5);
    static final List<String> WAVE3 = emails("g", 5);
    static final List<String> WAVE4 = emails("t", 8);
    /** Who used the workflow in W47 (telemetry): 3 of wave 1, 4 of wave 2, 3 of wave 3, and 3 of wave 4 alone. */
    static final List<String> USED = List.of("e1@example.com", "e2@example.com", "t1@example.com",
            "c1@example.com", "c2@example.com", "c3@example.com", "c4@example.com",
            "g1@example.com", "g2@example.com", "g3@example.com",
            "t4@example.com", "t5@example.com", "t6@example.com");

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    /** Chat user id by email: {@code U…} on Slack, {@code 29:…} on Teams. */
    final Map<String, String> chatIds = new HashMap<>();
    /** Who the pulse reached, by chat id. */
    final List<String> asked = new ArrayList<>();
    int recipients;

    static List<String> emails(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    /** Trust answers: wave 1 says 5 (100), waves 2 and 3 say 4 (75). */
    static int trustOf(String email) {
        return WAVE1.contains(email) ? 5 : 4;
    }

    @BeforeAll
    void start() throws Exception {
        clock = startService("""
                programmes:
                  - id: roll
                    name: Claims AI rollout
                    sponsor: cfo@example.com
                    workflows:
                      - id: claims
                        name: Claims triage
                        owner: lee@example.com
                        stage: production
                        waves:
                          - audience: { emails: [%s] }
                            target-team-size: 6
                          - audience: { slack-channel: C0WAVES }
                            go-live: 2026-11-02
                            target-team-size: 5
                          - audience: { slack-usergroup: S0WAVES }
                            go-live: 2026-11-16
                          - audience: { teams-team: "%s" }
                            go-live: 2026-11-23
                      - id: single
                        name: Single audience
                        owner: lee@example.com
                        audience: { emails: [c1@example.com, c2@example.com] }
                        target-team-size: 5
                pulses:
                  - id: claims-pulse
                    workflow: claims
                    schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                    questions: [trust]
                    mode: confidential
                """.formatted(String.join(", ", WAVE1), TEAM), slack, teams, Map.of());
        clock.set(Instant.parse("2026-11-17T10:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String email : concat(emails("e", 3), WAVE2, WAVE3)) {
            String id = "U" + email.substring(0, email.indexOf('@')).toUpperCase(Locale.ROOT);
            chatIds.put(email, id);
            slackPeople.add(new ScenarioPerson(email, email, "Europe/London", "en-GB", Platform.SLACK, id));
        }
        slack.directory(slackPeople, Map.of("C0WAVES", WAVE2.stream().map(chatIds::get).toList()),
                Map.of("S0WAVES", WAVE3.stream().map(chatIds::get).toList()));
        List<ScenarioPerson> teamsPeople = new ArrayList<>();
        for (String email : WAVE4) {
            String id = "29:" + email.substring(0, email.indexOf('@'));
            chatIds.put(email, id);
            teamsPeople.add(new ScenarioPerson(email, email, "Europe/London", "en-GB", Platform.TEAMS, id));
        }
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:t1")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        StringBuilder events = new StringBuilder();
        for (String email : USED) {
            events.append(events.length() == 0 ? "" : ", ").append("{\"workflow\": \"claims\", \"email\": \"")
                    .append(email).append("\", \"day\": \"2026-11-16\", \"count\": 2}");
        }
        HttpResponse<String> posted = send(admin("/api/v1/usage-events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"batch\": \"w47\", \"events\": [" + events + "]}"))
                .build());
        assertThat(posted.statusCode()).as(posted.body()).isLessThan(300);

        answerPulse();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    /** Opens the round through the admin API; everyone it reached answers trust. */
    void answerPulse() throws Exception {
        int slackFrom = slack.api().calls("chat.postMessage").size();
        int teamsFrom = teams.posted().size();
        HttpResponse<String> opened = send(admin("/api/v1/pulses/claims-pulse/rounds")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long round = JSON.readTree(opened.body()).get("roundId").asLong();
        recipients = JSON.readTree(opened.body()).get("recipients").asInt();
        dispatch();
        for (String email : chatIds.keySet()) {
            String id = chatIds.get(email);
            if (id.startsWith("U")) {
                List<SlackSide.Button> buttons = slack.pulseButtons(id, slackFrom).get(round);
                if (buttons != null) {
                    asked.add(email);
                    clickSlack(buttons, id, "trust", Integer.toString(trustOf(email)));
                }
            } else {
                List<JsonNode> data = teamsCardOrNull(id, round, teamsFrom);
                if (data != null) {
                    asked.add(email);
                    clickTeams(data, id, "trust", Integer.toString(trustOf(email)));
                }
            }
        }
        dispatch();
    }

    /** The answer actions of the card of {@code round} the bot posted to the person, or null if none. */
    List<JsonNode> teamsCardOrNull(String userId, long round, int from) {
        List<FakeBotConnector.Call> posted = teams.posted();
        for (int i = from; i < posted.size(); i++) {
            List<JsonNode> data = TeamsSide.answerData(posted.get(i).card());
            if (userId.equals(teams.userOf(posted.get(i))) && !data.isEmpty()
                    && data.get(0).path("roundId").asLong() == round) {
                return data;
            }
        }
        return null;
    }

    @Test
    void thePulseReachesTheLiveWavesOnlyAndATeamNotYetLiveIsNotAsked() {
        // Waves 1–3 are live on Tuesday 17 Nov: 6 + 5 + 5 people; t4–t8 are only in wave 4, live from 23 Nov.
        assertThat(recipients).isEqualTo(16);
        assertThat(asked).containsExactlyInAnyOrderElementsOf(concat(WAVE1, WAVE2, WAVE3));
        assertThat(asked).doesNotContainAnyElementsOf(emails("t", 8).subList(3, 8));
    }

    @Test
    void theWorkflowCountsItsLiveWavesAndEachWaveHasItsOwnFigures() throws Exception {
        JsonNode claims = workflow(get("/api/v1/scorecard?week=" + WEEK), "claims");

        // Team: 6 (wave 1's target) + 5 (wave 2's) + 5 (wave 3's synced members) = 16; wave 4 is not live in W47.
        assertThat(claims.get("teamSize").get("value").asInt()).isEqualTo(16);
        // Active in live waves: e1, e2, t1 + c1–c4 + g1–g3 = 10 of 16 = 62.5 %; t4–t6's use does not count yet.
        assertThat(claims.get("wauPercent").get("value").asDouble()).isEqualTo(62.5);
        // Trust: 6 answers of 5 (100) and 10 of 4 (75): (600 + 750) / 16 = 84.375 → 84.4.
        assertThat(claims.get("trustIndex").get("value").asDouble()).isEqualTo(84.4);
        assertThat(claims.get("trustIndex").get("n").asInt()).isEqualTo(16);
        assertThat(claims.get("responsePercent").get("value").asDouble()).isEqualTo(100.0);

        JsonNode waves = claims.get("waves");
        assertThat(waves).hasSize(4);
        List<String> rows = new ArrayList<>();
        for (JsonNode w : waves) {
            rows.add(w.get("wave").asInt() + " " + w.get("audienceKind").asText() + " " + w.path("goLive").asText("-")
                    + " " + w.get("live").asBoolean() + " " + w.get("teamSize").get("value").asInt() + " "
                    + w.get("wauPercent").get("state").asText() + " " + w.get("wauPercent").path("value").asText("-"));
        }
        // Wave 1: 3 of 6 = 50 %; wave 2: 4 of 5 = 80 %; wave 3: 3 of 5 = 60 %; wave 4 not live: no figure.
        assertThat(rows).containsExactly("1 emails - true 6 SHOWN 50.0", "2 slack-channel 2026-11-02 true 5 SHOWN 80.0",
                "3 slack-usergroup 2026-11-16 true 5 SHOWN 60.0", "4 teams-team 2026-11-23 false 8 NO_DATA -");
        // Trust by wave, from each member's confidential answer: wave 1's six 5s → 100.0 on 6; waves 2 and 3, five
        // 4s each → 75.0 on 5; wave 4 is not live and no one in it alone was asked: no data.
        List<String> trust = new ArrayList<>();
        for (JsonNode w : waves) {
            trust.add(w.get("trustIndex").get("state").asText() + " " + w.get("trustIndex").path("value").asText("-")
                    + " " + w.get("trustIndex").path("n").asText("-"));
        }
        assertThat(trust).containsExactly("SHOWN 100.0 6", "SHOWN 75.0 5", "SHOWN 75.0 5", "NO_DATA - 0");
    }

    @Test
    void aWorkflowWithASingleAudienceHasNoWaves() throws Exception {
        JsonNode single = workflow(get("/api/v1/scorecard?week=" + WEEK), "single");

        assertThat(single.get("waves")).isEmpty();
        assertThat(single.get("teamSize").get("value").asInt()).isEqualTo(5);
    }

    @Test
    void theWavesCsvHasOneRowAWave() throws Exception {
        HttpResponse<String> response = send(admin("/api/v1/export/waves.csv?week=" + WEEK).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(response.body())).getRecords();

        assertThat(rows).extracting(r -> r.get("workflow") + " " + r.get("wave") + " " + r.get("go_live") + " "
                        + r.get("live") + " " + r.get("team_size") + " " + r.get("wau_percent") + " " + r.get("wau_n"))
                .containsExactly("claims 1  true 6 50 6", "claims 2 2026-11-02 true 5 80 5",
                        "claims 3 2026-11-16 true 5 60 5", "claims 4 2026-11-23 false 8 n/a n/a");
        assertThat(rows).extracting(r -> r.get("trust_index") + " " + r.get("trust_n"))
                .containsExactly("100 6", "75 5", "75 5", "n/a n/a");
    }

    @Test
    void theDigestOnSlackAndTeamsComparesTheWavesOnOneLine() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=roll&week=" + WEEK);
        // Each live wave's trust index beside its WAU: 100, 75, 75 (see above).
        String line = "1 (live) WAU 50%, trust 100 · 2 (live 2 Nov) WAU 80%, trust 75"
                + " · 3 (live 16 Nov) WAU 60%, trust 75 · 4 (from 23 Nov) not live";

        assertThat(preview.get("blockKit").toString()).contains("*Waves*").contains(line);
        assertThat(preview.get("adaptiveCard").toString()).contains("Waves").contains(line);
    }

    @Test
    void theWorkflowPageShowsATableOfWaves() throws Exception {
        String page = page("/workflows/claims?week=" + WEEK);

        assertThat(page).contains("Rollout waves", ">2026-11-23<", ">not live yet<", ">80 %<", ">60 %<", ">50 %<",
                ">100<", ">75<");
        assertThat(page("/workflows/single?week=" + WEEK)).doesNotContain("Rollout waves");
    }

    void clickSlack(List<SlackSide.Button> buttons, String userId, String question, String value) throws Exception {
        SlackSide.Button button = buttons.stream().filter(b -> {
            String[] qv = SlackSide.questionAndValue(b);
            return qv[0].equals(question) && qv[1].equals(value);
        }).findFirst().orElseThrow(() -> new AssertionError("no " + question + " " + value + " button"));
        SlackSide.SignedBody body = slack.click(clock, userId, button.actionId(), button.value());
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", body.timestamp()).header("X-Slack-Signature", body.signature())
                .POST(HttpRequest.BodyPublishers.ofString(body.body())).build());
        assertThat(response.statusCode()).isEqualTo(200);
        dispatch();
    }

    /** The answer actions of the card of {@code round} the bot posted into the person's chat. */
    List<JsonNode> teamsCard(String userId, long round, int from) {
        List<FakeBotConnector.Call> posted = teams.posted();
        for (int i = from; i < posted.size(); i++) {
            List<JsonNode> data = TeamsSide.answerData(posted.get(i).card());
            if (userId.equals(teams.userOf(posted.get(i))) && !data.isEmpty()
                    && data.get(0).path("roundId").asLong() == round) {
                return data;
            }
        }
        throw new AssertionError("no card of round " + round + " for " + userId);
    }

    /** Clicks (or chooses and sends) an answer on Teams; returns the refreshed card's actions. */
    List<JsonNode> clickTeams(List<JsonNode> data, String userId, String question, String value) throws Exception {
        for (JsonNode button : data) {
            boolean choice = !button.has("value");
            if (button.path("question").asText().equals(question)
                    && (choice || button.path("value").asText().equals(value))) {
                JsonNode d = choice ? ((ObjectNode) button.deepCopy()).put("answer." + question, value) : button;
                HttpResponse<String> response = teamsPost(teams.execute(userId, d));
                assertThat(response.statusCode()).isEqualTo(200);
                List<JsonNode> refreshed = TeamsSide.answerData(JSON.readTree(response.body()).path("value"));
                dispatch();
                return refreshed.isEmpty() ? data : refreshed;
            }
        }
        throw new AssertionError("no " + question + " " + value + " action for " + userId);
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
