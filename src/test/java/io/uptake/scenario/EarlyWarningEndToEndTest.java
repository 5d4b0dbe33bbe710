package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.nudge.WarnEarly;
import io.uptake.time.MutableClock;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The day-60 early warning and the owner's decision, as owners and a leader meet them. A programmes file has a pilot
 * on every audience kind (an emails list, a Slack channel, a Slack user group, a Teams team), each begun on
 * 9 October 2026 with four people in its team, whose weekly active use falls 4, 3, 2, 1 over weeks 2026-W46 to W49
 * (100 %, 75 %, 50 %, 25 %: three falls running, the drift rule's default). On Wednesday 9 December (day 61) the
 * periodic job warns each owner once in chat; each presses Fix through the real interaction endpoint (a signed Slack
 * click, a Teams card's Action.Submit), and the decision shows in the scorecard JSON, its CSV, the digest on Slack and
 * Teams and the workflow page. A fifth pilot, begun on 20 October (day 50), falls the same way and is not warned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlyWarningEndToEndTest extends EndToEndCalls {

    @Override
    String adminToken() {
        return ADMIN;
    }

    static final String ADMIN = "early-warning-admin-token-0123456789";
    static final String TEAM = "19:ew@thread.tacv2";
    static final String WEEK = "2026-W50";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Hand-computed: 1 of the 4 people active in W49, after 4, 3 and 2 in W46 to W48. */
    static final String WHY = "habit falling: weekly active use fell 3 weeks running, to 25% (n = 4)";

    /** Each pilot: its owner's chat id, the people in its team. */
    static final Map<String, String> OWNERS = new LinkedHashMap<>(Map.of("ledger", "UOLGA", "triage", "UPAM",
            "summaries", "USAM", "replies", "29:tina"));

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    int firstRun;
    int secondRun;
    final Map<String, String> acknowledged = new HashMap<>();
    final Map<String, String> warnings = new HashMap<>();
    String changed;

    @BeforeAll
    void start() throws Exception {
        clock = startService("""
                programmes:
                  - id: ops
                    name: Operations AI
                    sponsor: cfo@example.com
                    workflows:
                      - id: ledger
                        name: Invoice matching
                        owner: olga@example.com
                        stage: pilot
                        stage-since: 2026-10-09
                        audience: { emails: [l1@example.com, l2@example.com, l3@example.com, l4@example.com] }
                        target-team-size: 4
                        outcome: { metric: Invoices matched per FTE, unit: invoices, direction: up, baseline: 40,
                                   target: 50, by: 2027-Q2, declared: 2026-10-01 }
                      - id: triage
                        name: Ticket triage
                        owner: pam@example.com
                        stage: pilot
                        stage-since: 2026-10-09
                        audience: { slack-channel: C0EW }
                        target-team-size: 4
                        outcome: { metric: Tickets closed per day, unit: tickets, direction: up, baseline: 100,
                                   target: 130, by: 2027-Q2, declared: 2026-10-20 }
                      - id: summaries
                        name: Case summaries
                        owner: sam@example.com
                        stage: pilot
                        stage-since: 2026-10-09
                        audience: { slack-usergroup: S0EW }
                        target-team-size: 4
                      - id: replies
                        name: Customer replies
                        owner: tina@example.com
                        stage: pilot
                        stage-since: 2026-10-09
                        audience: { teams-team: "%s" }
                        target-team-size: 4
                        outcome: { metric: Hours per reply, unit: hours, direction: down, baseline: 10, target: 6,
                                   by: 2027-Q2 }
                      - id: young
                        name: Contract review
                        owner: olga@example.com
                        stage: pilot
                        stage-since: 2026-10-20
                        audience: { emails: [y1@example.com, y2@example.com, y3@example.com, y4@example.com] }
                        target-team-size: 4
                        outcome: { metric: Contracts per week, unit: contracts, direction: up, baseline: 10,
                                   target: 12, by: 2027-Q2, declared: 2026-10-01 }
                """.formatted(TEAM), slack, teams, Map.of());
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String name : List.of("olga", "pam", "sam", "cfo", "t1", "t2", "t3", "t4", "s1", "s2", "s3", "s4")) {
            slackPeople.add(new ScenarioPerson(name + "@example.com", name, "Europe/London", "en-GB", Platform.SLACK,
                    "U" + name.toUpperCase(java.util.Locale.ROOT)));
        }
        slack.directory(slackPeople, Map.of("C0EW", List.of("UT1", "UT2", "UT3", "UT4")),
                Map.of("S0EW", List.of("US1", "US2", "US3", "US4")));
        List<ScenarioPerson> teamsPeople = new ArrayList<>(List.of(
                new ScenarioPerson("tina@example.com", "Tina", "Europe/London", "en-GB", Platform.TEAMS, "29:tina")));
        for (int i = 1; i <= 4; i++) {
            teamsPeople.add(new ScenarioPerson("r" + i + "@example.com", "R" + i, "Europe/London", "en-GB",
                    Platform.TEAMS, "29:r" + i));
        }
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:tina")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();
        postFallingUse();

        int slackFrom = slack.api().calls("chat.postMessage").size();
        int teamsFrom = teams.posted().size();
        firstRun = context.getBean(WarnEarly.class).run();
        // A second run (the next tick, or another instance after a restart) sends nothing again.
        secondRun = context.getBean(WarnEarly.class).run();
        dispatch();
        for (FakeSlackApi.Call c : slack.api().calls("chat.postMessage").subList(slackFrom,
                slack.api().calls("chat.postMessage").size())) {
            if (c.params().getOrDefault("text", "").startsWith("Early warning")) {
                warnings.merge(c.params().get("channel"), c.params().get("blocks"), (a, b) -> a + "\n" + b);
            }
        }
        for (FakeBotConnector.Call c : teams.posted().subList(teamsFrom, teams.posted().size())) {
            if (c.card() != null && c.card().toString().contains("Early warning")) {
                warnings.merge(teams.userOf(c), c.card().toString(), (a, b) -> a + "\n" + b);
            }
        }

        for (String workflow : List.of("ledger", "triage", "summaries")) {
            int responses = slack.api().calls("response").size();
            String owner = OWNERS.get(workflow);
            assertThat(slackPost(slack.click(clock, owner, "uptake_decide_fix", workflow)).statusCode())
                    .isEqualTo(200);
            List<FakeSlackApi.Call> after = slack.api().calls("response");
            assertThat(after).hasSize(responses + 1);
            acknowledged.put(workflow, after.get(after.size() - 1).params().get("text"));
        }
        // Tina first types another decision, then presses Fix on the card: the latest wins, the first is history.
        assertThat(teamsPost(teams.text("29:tina", "decide replies stop")).statusCode()).isLessThan(300);
        changed = lastTeamsText("29:tina");
        JsonNode fix = button(warnings.get("29:tina"), "Fix");
        ObjectNode click = (ObjectNode) JSON.readTree(teams.text("29:tina", ""));
        click.remove("text");
        click.set("value", fix);
        assertThat(teamsPost(click.toString()).statusCode()).isLessThan(300);
        acknowledged.put("replies", lastTeamsText("29:tina"));
    }

    /** One event a person per active day, on the Tuesday of each week: 4, 3, 2 then 1 of the four people. */
    void postFallingUse() throws IOException {
        Map<String, List<String>> teamsOf = Map.of("ledger", emails("l"), "triage", emails("t"),
                "summaries", emails("s"), "replies", emails("r"), "young", emails("y"));
        List<String> rows = new ArrayList<>();
        LocalDate tuesday = LocalDate.parse("2026-11-10");
        for (int week = 0; week < 4; week++) {
            for (Map.Entry<String, List<String>> t : teamsOf.entrySet()) {
                for (String email : t.getValue().subList(0, 4 - week)) {
                    rows.add("{\"workflow\": \"" + t.getKey() + "\", \"email\": \"" + email + "\", \"day\": \""
                            + tuesday.plusWeeks(week) + "\", \"count\": 1}");
                }
            }
        }
        HttpResponse<String> response = send(admin("/api/v1/usage-events").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"batch\": \"falling\", \"events\": ["
                + String.join(",", rows) + "]}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"unknownPeople\":[]");
    }

    static List<String> emails(String prefix) {
        return List.of(prefix + "1@example.com", prefix + "2@example.com", prefix + "3@example.com",
                prefix + "4@example.com");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    @Test
    void eachOwnerOfAPilotPastDaySixtyWithFallingUseIsWarnedOnceWithThreeButtons() {
        assertThat(firstRun).isEqualTo(4);
        assertThat(secondRun).isZero();
        assertThat(warnings).containsOnlyKeys("UOLGA", "UPAM", "USAM", "29:tina");
        for (String owner : List.of("UOLGA", "UPAM", "USAM")) {
            String blocks = warnings.get(owner);
            assertThat(blocks).as(owner).contains(WHY, "Day 61 of the pilot: scale it to more teams, fix what is in "
                    + "the way, or stop it?", "uptake_decide_scale", "uptake_decide_fix", "uptake_decide_stop");
            assertThat(blocks.split("Day 61 of the pilot", -1)).as("one warning to " + owner).hasSize(2);
        }
        assertThat(warnings.get("UOLGA")).contains("Early warning: Invoice matching")
                .doesNotContain("Contract review");
        assertThat(warnings.get("29:tina")).contains("Early warning: Customer replies", WHY, "\"Scale\"",
                "\"Fix\"", "\"Stop\"", "decide replies fix");
    }

    @Test
    void theClickIsRecordedAndAcknowledgedInChat() {
        assertThat(acknowledged.get("triage")).contains("Recorded: your decision on *Ticket triage* is *fix* "
                + "(9 Dec 2026).");
        assertThat(acknowledged.get("ledger")).contains("*Invoice matching* is *fix*");
        assertThat(acknowledged.get("summaries")).contains("*Case summaries* is *fix*");
        assertThat(changed).contains("*Customer replies* is *stop*");
        assertThat(acknowledged.get("replies")).contains("*Customer replies* is *fix*", "It replaces *stop*");
    }

    @Test
    void theScorecardCarriesTheDecisionTheWarningAndTheSequencingReasons() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=" + WEEK);
        for (String workflow : OWNERS.keySet()) {
            JsonNode w = ClaimedVsMeasuredEndToEndTest.workflow(card, workflow);
            assertThat(w.path("decision").path("choice").asText()).as(workflow).isEqualTo("fix");
            assertThat(w.path("decision").path("decidedOn").asText()).isEqualTo("2026-12-09");
            assertThat(w.path("decision").path("prompt").asText()).isEqualTo(WHY);
            assertThat(texts(w.get("flags"))).contains("early warning sent on 2026-12-09: " + WHY);
            assertThat(texts(w.get("reasons"))).contains("Adoption not measured: no pulse");
        }
        assertThat(texts(ClaimedVsMeasuredEndToEndTest.workflow(card, "triage").get("reasons")))
                .contains("Built before the commercial signal: pilot started 9 Oct 2026, outcome declared 20 Oct 2026");
        assertThat(texts(ClaimedVsMeasuredEndToEndTest.workflow(card, "summaries").get("reasons")))
                .contains("Built before the commercial signal: pilot started 9 Oct 2026 with no outcome declared");
        for (String fine : List.of("ledger", "replies", "young")) {
            assertThat(texts(ClaimedVsMeasuredEndToEndTest.workflow(card, fine).get("reasons"))).as(fine)
                    .noneMatch(r -> r.startsWith("Built before"));
        }
        JsonNode young = ClaimedVsMeasuredEndToEndTest.workflow(card, "young");
        assertThat(young.path("decision").isNull() || young.path("decision").isMissingNode()).isTrue();
    }

    @Test
    void theCsvHasTheDecisionColumns() throws Exception {
        String body = send(admin("/api/v1/export/scorecard.csv?week=" + WEEK).GET().build()).body();
        assertThat(body.lines().findFirst().orElseThrow()).endsWith("decision,decided_on,decision_prompt,"
                + "early_warning_on");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(body)).getRecords();
        Map<String, CSVRecord> byWorkflow = new HashMap<>();
        rows.forEach(r -> byWorkflow.put(r.get("workflow"), r));
        for (String workflow : OWNERS.keySet()) {
            CSVRecord r = byWorkflow.get(workflow);
            assertThat(List.of(r.get("decision"), r.get("decided_on"), r.get("decision_prompt"),
                    r.get("early_warning_on"))).as(workflow).containsExactly("fix", "2026-12-09", WHY, "2026-12-09");
        }
        assertThat(List.of(byWorkflow.get("young").get("decision"), byWorkflow.get("young").get("early_warning_on")))
                .containsExactly("", "");
    }

    @Test
    void theDigestSaysTheOwnersDecisionAndTheReasonsOnSlackAndTeams() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=ops&week=" + WEEK);
        for (String text : List.of(preview.get("blockKit").toString(), preview.get("adaptiveCard").toString())) {
            assertThat(text).contains("Owner decided", "fix (9 Dec)",
                    "Built before the commercial signal: pilot started 9 Oct 2026, outcome declared 20 Oct 2026",
                    "Adoption not measured: no pulse", "Early warning sent on 2026-12-09");
        }
    }

    @Test
    void theWorkflowPageShowsTheDecision() throws Exception {
        String page = page("/workflows/triage?week=" + WEEK);
        assertThat(page).contains("Owner decided: fix (9 Dec)",
                "Built before the commercial signal: pilot started 9 Oct 2026, outcome declared 20 Oct 2026");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The data of a card's button with this title. */
    static JsonNode button(String card, String title) throws IOException {
        for (JsonNode action : JSON.readTree(card).findParents("title")) {
            if (title.equals(action.path("title").asText()) && action.has("data")) {
                return action.get("data");
            }
        }
        throw new AssertionError("no button " + title + " in " + card);
    }

    /** The text of the last activity the bot sent to a person's chat. */
    String lastTeamsText(String userId) {
        List<FakeBotConnector.Call> calls = teams.posted();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (userId.equals(teams.userOf(calls.get(i)))) {
                return calls.get(i).body().path("text").asText();
            }
        }
        throw new AssertionError("nothing sent to " + userId);
    }
}
