package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.time.MutableClock;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Claimed vs measured as owners, an admin and a sponsor meet it. A programmes file has a workflow with an outcome on
 * every audience kind (an emails list, a Slack channel, a Slack user group, a Teams team). Each owner logs their
 * check-in through the real form (the Slack modal's submission, the Teams card's Save), the system of record posts
 * measured values through the admin API (JSON and CSV), and the scorecard JSON, its CSV, the digest preview on
 * Slack and Teams, the workflow page and the sponsor's direct message all set the claimed value beside the
 * measured one, with the gap worked out here: (claimed − measured) ÷ |measured|, flagged above 10 %.
 *
 * <p>The clock stands on Wednesday 2 December 2026, 10:00 UTC: week 2026-W49 (30 Nov to 6 Dec) is running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimedVsMeasuredEndToEndTest extends EndToEndCalls {

    @Override
    String adminToken() {
        return ADMIN;
    }

    static final String ADMIN = "claimed-measured-admin-token-0123456789";
    static final String TEAM = "19:cvm@thread.tacv2";
    static final String WEEK = "2026-W49";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One workflow: its owner's chat id, what the owner claims and the latest value measured, on which day. */
    record Case(String workflow, String ownerId, String claimed, String measured, String measuredOn,
                String measuredOnWords) {

        /** The gap in percent to one decimal, half up: (claimed − measured) ÷ |measured| × 100. */
        BigDecimal gap() {
            BigDecimal m = new BigDecimal(measured);
            return new BigDecimal(claimed).subtract(m).multiply(BigDecimal.valueOf(100))
                    .divide(m.abs(), 1, RoundingMode.HALF_UP);
        }

        boolean flagged() {
            return gap().abs().compareTo(BigDecimal.TEN) > 0;
        }

        String words() {
            return "claimed " + claimed + ", measured " + measured + " on " + measuredOnWords;
        }
    }

    // 47 against 44: 3 ÷ 44 = 6.8 %, not flagged.
    static final Case LEDGER = new Case("ledger", "UOLGA", "47", "44", "2026-12-01", "1 Dec");
    // 120 against 100: 20 %, flagged.
    static final Case TRIAGE = new Case("triage", "UPAM", "120", "100", "2026-12-01", "1 Dec");
    // 55 against 50: exactly 10 %, on the threshold, not flagged.
    static final Case SUMMARIES = new Case("summaries", "USAM", "55", "50", "2026-12-01", "1 Dec");
    // 7 hours against 8 (the outcome goes down): −1 ÷ 8 = −12.5 %, flagged.
    static final Case REPLIES = new Case("replies", "29:tina", "7", "8", "2026-12-02", "2 Dec");
    static final List<Case> CASES = List.of(LEDGER, TRIAGE, SUMMARIES, REPLIES);

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    final Map<String, JsonNode> posted = new HashMap<>();
    JsonNode repost;

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
                        audience: { emails: [e1@example.com, e2@example.com, e3@example.com] }
                        target-team-size: 3
                        outcome: { metric: Invoices matched per FTE, unit: invoices, direction: up, baseline: 40,
                                   target: 50, by: 2027-Q2 }
                      - id: triage
                        name: Ticket triage
                        owner: pam@example.com
                        stage: pilot
                        audience: { slack-channel: C0CVM }
                        target-team-size: 3
                        outcome: { metric: Tickets closed per day, unit: tickets, direction: up, baseline: 100,
                                   target: 130, by: 2027-Q2 }
                      - id: summaries
                        name: Case summaries
                        owner: sam@example.com
                        stage: pilot
                        audience: { slack-usergroup: S0CVM }
                        target-team-size: 3
                        outcome: { metric: Summaries per analyst, unit: summaries, direction: up, baseline: 40,
                                   target: 60, by: 2027-Q2 }
                      - id: replies
                        name: Customer replies
                        owner: tina@example.com
                        stage: pilot
                        audience: { teams-team: "%s" }
                        target-team-size: 3
                        outcome: { metric: Hours per reply, unit: hours, direction: down, baseline: 10, target: 6,
                                   by: 2027-Q2 }
                """.formatted(TEAM), slack, teams, Map.of());
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String name : List.of("olga", "pam", "sam", "cfo", "e1", "e2", "e3", "c1", "c2", "g1", "g2")) {
            slackPeople.add(new ScenarioPerson(name + "@example.com", name, "Europe/London", "en-GB", Platform.SLACK,
                    "U" + name.toUpperCase(java.util.Locale.ROOT)));
        }
        slack.directory(slackPeople, Map.of("C0CVM", List.of("UC1", "UC2")), Map.of("S0CVM", List.of("UG1", "UG2")));
        List<ScenarioPerson> teamsPeople = List.of(
                new ScenarioPerson("tina@example.com", "Tina", "Europe/London", "en-GB", Platform.TEAMS, "29:tina"),
                new ScenarioPerson("t1@example.com", "T1", "Europe/London", "en-GB", Platform.TEAMS, "29:t1"));
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:tina")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        for (Case c : List.of(LEDGER, TRIAGE, SUMMARIES)) {
            checkinOnSlack(c);
        }
        checkinOnTeams(REPLIES);

        posted.put("ledger", postJson("ledger", """
                {"values": [{"day": "2026-11-30", "value": 45, "source": "finance-ledger"},
                            {"day": "2026-12-01", "value": 44, "source": "finance-ledger"}]}"""));
        posted.put("triage", postCsv("triage", "day,value,source\n2026-11-30,98,zendesk\n2026-12-01,100,zendesk\n"));
        posted.put("summaries", postCsv("summaries", "day,value\n2026-12-01,50\n"));
        posted.put("replies", postJson("replies", "{\"values\": [{\"day\": \"2026-12-02\", \"value\": 8}]}"));
        // The system of record sends the triage day again: replaced, and the sponsor is not told twice.
        repost = postCsv("triage", "day,value,source\n2026-12-01,100,zendesk\n");
        dispatch();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    /** The owner opens the form with {@code /uptake checkin <workflow>} and saves the claimed value in it. */
    void checkinOnSlack(Case c) throws Exception {
        int opened = slack.api().calls("views.open").size();
        SlackSide.SignedBody command = slack.command(clock, c.ownerId(), "checkin " + c.workflow());
        assertThat(slackPost(command).statusCode()).isEqualTo(200);
        List<FakeSlackApi.Call> opens = slack.api().calls("views.open");
        assertThat(opens).hasSize(opened + 1);
        JsonNode view = JSON.readTree(opens.get(opens.size() - 1).params().get("view"));
        assertThat(view.path("private_metadata").asText()).isEqualTo(c.workflow());

        HttpResponse<String> saved = slackPost(slack.checkinSubmission(clock, c.ownerId(), c.workflow(), c.claimed(),
                "on_track", "7"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Check-in saved");
    }

    /** The owner types {@code checkin <workflow>} to the bot and presses Save on the form card it sends. */
    void checkinOnTeams(Case c) throws Exception {
        int from = teams.posted().size();
        assertThat(teamsPost(teams.text(c.ownerId(), "checkin " + c.workflow())).statusCode()).isLessThan(300);
        JsonNode form = null;
        List<FakeBotConnector.Call> calls = teams.posted();
        for (int i = from; i < calls.size(); i++) {
            if (c.ownerId().equals(teams.userOf(calls.get(i))) && calls.get(i).card() != null
                    && calls.get(i).card().toString().contains("checkin.value")) {
                form = calls.get(i).card();
            }
        }
        assertThat(form).as("the check-in form sent to " + c.ownerId()).isNotNull();
        ObjectNode data = ((ObjectNode) form.path("actions").path(0).path("data").deepCopy())
                .put("checkin.value", c.claimed()).put("checkin.status", "on_track").put("checkin.confidence", "7");
        HttpResponse<String> saved = teamsPost(teams.execute(c.ownerId(), "uptake.checkin", data));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Check-in saved");
    }

    @Test
    void eachPostSaysWhatItStoredAndTheSponsorIsToldOfTheTwoGapsOnce() {
        assertThat(posted.get("ledger").get("stored").asInt()).isEqualTo(2);
        assertThat(posted.get("triage").get("stored").asInt()).isEqualTo(2);
        assertThat(posted.get("triage").get("sponsorTold").asBoolean()).isTrue();
        assertThat(posted.get("replies").get("sponsorTold").asBoolean()).isTrue();
        assertThat(posted.get("ledger").get("sponsorTold").asBoolean()).isFalse();
        assertThat(posted.get("summaries").get("sponsorTold").asBoolean()).isFalse();
        assertThat(repost.get("stored").asInt()).isEqualTo(1);
        assertThat(repost.get("replaced").asInt()).isEqualTo(1);
        assertThat(repost.get("sponsorTold").asBoolean()).isFalse();

        List<FakeSlackApi.Call> toSponsor = slack.api().calls("chat.postMessage").stream()
                .filter(c -> "UCFO".equals(c.params().get("channel"))).toList();
        assertThat(toSponsor).hasSize(2);
        assertThat(toSponsor.get(0).params().get("text")).isEqualTo("Claimed and measured outcome differ: Ticket "
                + "triage. pam (pam@example.com) reported Tickets closed per day (tickets) for Ticket triage "
                + "(Operations AI): " + TRIAGE.words() + " — " + TRIAGE.gap().stripTrailingZeros().toPlainString()
                + "% apart, more than the 10% Uptake lets pass.");
        assertThat(toSponsor.get(0).params().get("blocks")).contains("claimed 120, measured 100 on 1 Dec",
                "You get this as the programme's sponsor, once per workflow in 2026-Q4");
        assertThat(toSponsor.get(1).params().get("text")).contains(REPLIES.words() + " — 12.5% apart");
    }

    @Test
    void theScorecardSetsTheClaimedValueBesideTheMeasuredOne() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=" + WEEK);
        for (Case c : CASES) {
            JsonNode workflow = workflow(card, c.workflow());
            JsonNode o = workflow.get("outcome");
            assertThat(new BigDecimal(o.get("claimed").asText())).as(c.workflow())
                    .isEqualByComparingTo(c.claimed());
            assertThat(new BigDecimal(o.get("current").asText())).isEqualByComparingTo(c.claimed());
            assertThat(new BigDecimal(o.get("measured").asText())).as(c.workflow())
                    .isEqualByComparingTo(c.measured());
            assertThat(o.get("measuredOn").asText()).isEqualTo(c.measuredOn());
            assertThat(BigDecimal.valueOf(o.get("gapPercent").asDouble())).as(c.workflow())
                    .isEqualByComparingTo(c.gap());
            assertThat(o.get("gapFlagged").asBoolean()).as(c.workflow()).isEqualTo(c.flagged());
            List<String> flags = new ArrayList<>();
            workflow.get("flags").forEach(f -> flags.add(f.asText()));
            if (c.flagged()) {
                assertThat(flags).contains("outcome " + c.words() + ": "
                        + c.gap().abs().stripTrailingZeros().toPlainString() + "% apart (over 10%)");
            } else {
                assertThat(flags).noneMatch(f -> f.contains("measured"));
            }
        }
        assertThat(LEDGER.gap()).isEqualByComparingTo("6.8");
        assertThat(SUMMARIES.gap()).isEqualByComparingTo("10.0");
        assertThat(REPLIES.gap()).isEqualByComparingTo("-12.5");
    }

    @Test
    void theCsvCarriesTheClaimedAndMeasuredColumnsAfterTheOthers() throws Exception {
        String body = send(admin("/api/v1/export/scorecard.csv?week=" + WEEK).GET().build()).body();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(body)).getRecords();
        assertThat(body.lines().findFirst().orElseThrow()).contains("outcome_claimed,outcome_measured,"
                + "outcome_measured_on,outcome_gap_percent,outcome_gap_flagged")
                .endsWith("effect_note,decision,decided_on,decision_prompt,early_warning_on");
        Map<String, CSVRecord> byWorkflow = new HashMap<>();
        rows.forEach(r -> byWorkflow.put(r.get("workflow"), r));
        for (Case c : CASES) {
            CSVRecord r = byWorkflow.get(c.workflow());
            assertThat(List.of(r.get("outcome_claimed"), r.get("outcome_measured"), r.get("outcome_measured_on"),
                    r.get("outcome_gap_percent"), r.get("outcome_gap_flagged"))).as(c.workflow())
                    .containsExactly(c.claimed(), c.measured(), c.measuredOn(), c.gap().toPlainString(),
                            String.valueOf(c.flagged()));
        }
    }

    @Test
    void theDigestSaysClaimedAndMeasuredOnSlackAndTeams() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=ops&week=" + WEEK);
        String slackText = preview.get("blockKit").toString();
        String teamsText = preview.get("adaptiveCard").toString();
        for (Case c : CASES) {
            assertThat(slackText).contains(c.words());
            assertThat(teamsText).contains(c.words());
        }
        assertThat(slackText).contains("Outcome " + TRIAGE.words() + ": 20% apart");
        assertThat(teamsText).contains("Outcome " + REPLIES.words() + ": 12.5% apart");
        assertThat(slackText).doesNotContain("Outcome " + SUMMARIES.words() + ":");
    }

    @Test
    void theWorkflowPageListsTheMeasuredValuesBesideTheCheckins() throws Exception {
        String page = page("/workflows/triage?week=" + WEEK);

        assertThat(page).contains("Measured values from the system of record", ">2026-12-01<", ">100 tickets<",
                ">2026-11-30<", ">98 tickets<", ">zendesk<", "Every check-in, oldest first", ">120 tickets<",
                TRIAGE.words() + ": +20.0 % (flagged)", "Measured value (2026-12-01)");
        String ledger = page("/workflows/ledger?week=" + WEEK);
        assertThat(ledger).contains(LEDGER.words() + ": +6.8 %", ">finance-ledger<");
    }

    JsonNode postJson(String workflow, String body) throws IOException {
        return postValues(workflow, "application/json", body);
    }

    JsonNode postCsv(String workflow, String body) throws IOException {
        return postValues(workflow, "text/csv", body);
    }

    JsonNode postValues(String workflow, String type, String body) throws IOException {
        HttpResponse<String> response = send(admin("/api/v1/outcomes/" + workflow + "/values")
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
