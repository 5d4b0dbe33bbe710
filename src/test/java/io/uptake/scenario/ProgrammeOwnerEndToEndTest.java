package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.checkin.EscalateMissedCheckins;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.time.MutableClock;
import java.io.IOException;
import java.io.StringReader;
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
 * The programme owner's check-in as owners, an admin and a sponsor meet it. A programmes file has four programmes,
 * each with an owner of its own and one workflow on one audience kind (an emails list, a Slack channel, a Slack user
 * group, a Teams team). On Wednesday 2 December 2026 the check-in cycles open: each programme owner with a programme
 * outcome gets the form in chat; Olga saves hers in the Slack modal, Tina in the Teams card; Pam does not, and eight
 * days later her sponsor is told. Sam's programme declares no outcome. The scorecard JSON, its CSV, the digest on
 * Slack and Teams and the dashboard then say so, the ownership reason first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeOwnerEndToEndTest extends EndToEndCalls {

    @Override
    String adminToken() {
        return ADMIN;
    }

    static final String ADMIN = "programme-owner-admin-token-0123456789";
    static final String TEAM = "19:po@thread.tacv2";
    static final String WEEK = "2026-W50";
    static final ObjectMapper JSON = new ObjectMapper();
    // Baseline 120, target 150: 126 is (126 − 120) ÷ 30 = 20 % of the way. Down from 68 to 61: 66.6 is 1.4 ÷ 7 = 20 %.
    static final String OLGA_LINE = "Programme outcome: Revenue per claim (EUR) 126 (baseline 120, target 150): "
            + "20% of the way · on track · check-in current";
    static final String TINA_LINE = "Programme outcome: Claims cost ratio (%) 66.6 (baseline 68, target 61): "
            + "20% of the way · on track · check-in current";

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    JsonNode olgaForm;
    String tinaForm;
    HttpResponse<String> olgaSaved;
    HttpResponse<String> tinaSaved;
    int escalated;

    @BeforeAll
    void start() throws Exception {
        clock = startService("""
                programmes:
                  - id: p-emails
                    name: Claims AI
                    sponsor: cfo@example.com
                    owner: olga@example.com
                    outcome: { metric: Revenue per claim, unit: EUR, direction: up, baseline: 120, target: 150,
                               by: 2027-Q4 }
                    workflows:
                      - id: w-emails
                        name: Invoice matching
                        owner: e1@example.com
                        stage: pilot
                        audience: { emails: [e1@example.com, e2@example.com] }
                        target-team-size: 2
                  - id: p-channel
                    name: Support AI
                    sponsor: cfo@example.com
                    owner: pam@example.com
                    outcome: { metric: Tickets closed per day, unit: tickets, direction: up, baseline: 100,
                               target: 130, by: 2027-Q4 }
                    workflows:
                      - id: w-channel
                        name: Ticket triage
                        owner: c1@example.com
                        stage: pilot
                        audience: { slack-channel: C0PO }
                        target-team-size: 2
                  - id: p-group
                    name: Analysis AI
                    sponsor: cfo@example.com
                    owner: sam@example.com
                    workflows:
                      - id: w-group
                        name: Case summaries
                        owner: g1@example.com
                        stage: pilot
                        audience: { slack-usergroup: S0PO }
                        target-team-size: 2
                  - id: p-teams
                    name: Service AI
                    sponsor: cfo@example.com
                    owner: tina@example.com
                    outcome: { metric: Claims cost ratio, unit: '%%', direction: down, baseline: 68, target: 61,
                               by: 2027-Q4 }
                    workflows:
                      - id: w-teams
                        name: Customer replies
                        owner: t1@example.com
                        stage: pilot
                        audience: { teams-team: "%s" }
                        target-team-size: 2
                """.formatted(TEAM), slack, teams, Map.of());
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String name : List.of("olga", "pam", "sam", "cfo", "e1", "e2", "c1", "c2", "g1", "g2")) {
            slackPeople.add(new ScenarioPerson(name + "@example.com", name, "Europe/London", "en-GB", Platform.SLACK,
                    "U" + name.toUpperCase(java.util.Locale.ROOT)));
        }
        slack.directory(slackPeople, Map.of("C0PO", List.of("UC1", "UC2")), Map.of("S0PO", List.of("UG1", "UG2")));
        List<ScenarioPerson> teamsPeople = List.of(
                new ScenarioPerson("tina@example.com", "Tina", "Europe/London", "en-GB", Platform.TEAMS, "29:tina"),
                new ScenarioPerson("t1@example.com", "T1", "Europe/London", "en-GB", Platform.TEAMS, "29:t1"));
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:tina")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        // The quarter's cycles open: programmes with an outcome and an owner, none for the workflows (no outcome).
        assertThat(context.getBean(OpenCheckinCycles.class).run()).isEqualTo(3);
        dispatch();
        olgaForm = lastSlackTo("UOLGA");
        tinaForm = lastTeamsCardTo("29:tina");

        olgaSaved = slackPost(slack.checkinSubmission(clock, "UOLGA", "programme:p-emails", "126", "on_track",
                "7"));
        ObjectNode data = ((ObjectNode) JSON.readTree(tinaForm).path("actions").path(0).path("data").deepCopy())
                .put("checkin.value", "66.6").put("checkin.status", "on_track").put("checkin.confidence", "6");
        tinaSaved = teamsPost(teams.execute("29:tina", "uptake.checkin", data));

        // Eight days on (Thursday 10 December), Pam's check-in is past the 7 days: her sponsor is told.
        clock.set(Instant.parse("2026-12-10T10:00:00Z"));
        escalated = context.getBean(EscalateMissedCheckins.class).run();
        dispatch();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    @Test
    void theProgrammeOwnersGetTheFormInChatAndSaveIt() {
        assertThat(olgaForm.toString()).contains("Claims AI (programme outcome)", "Revenue per claim",
                "programme:p-emails");
        assertThat(tinaForm).contains("Service AI (programme outcome)", "Claims cost ratio", "programme:p-teams");
        assertThat(lastSlackTo("UPAM").toString()).contains("Support AI (programme outcome)");
        assertThat(slack.api().calls("chat.postMessage").stream()
                .filter(c -> "USAM".equals(c.params().get("channel")))).isEmpty();
        assertThat(olgaSaved.statusCode()).isEqualTo(200);
        assertThat(olgaSaved.body()).contains("Check-in saved");
        assertThat(tinaSaved.statusCode()).isEqualTo(200);
        assertThat(tinaSaved.body()).contains("Check-in saved");
    }

    @Test
    void theMissedOneIsEscalatedToTheSponsorOnce() {
        assertThat(escalated).isEqualTo(1);
        List<FakeSlackApi.Call> toSponsor = slack.api().calls("chat.postMessage").stream()
                .filter(c -> "UCFO".equals(c.params().get("channel"))).toList();
        assertThat(toSponsor).hasSize(1);
        assertThat(toSponsor.get(0).params().get("text")).startsWith("Missed check-in: pam (pam@example.com) has not"
                + " logged the 2026-Q4 outcome of the programme as a whole (Support AI), ").endsWith(" days after it"
                + " opened.");
        assertThat(toSponsor.get(0).params().get("blocks")).contains("Support AI");
    }

    @Test
    void theScorecardPutsTheOwnershipReasonFirst() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=" + WEEK);
        JsonNode emails = programme(card, "p-emails");
        assertThat(emails.get("ownerEmail").asText()).isEqualTo("olga@example.com");
        assertThat(emails.get("outcome").get("checkinState").asText()).isEqualTo("CURRENT");
        assertThat(emails.get("outcome").get("progress").get("value").asDouble()).isEqualTo(20.0);
        assertThat(texts(emails.get("reasons"))).last()
                .isEqualTo("programme owner olga@example.com checked in on the programme outcome this quarter");

        JsonNode channel = programme(card, "p-channel");
        assertThat(channel.get("verdict").asText()).isEqualTo("ACTIVITY");
        assertThat(texts(channel.get("reasons"))).first().isEqualTo(
                "programme owner pam@example.com missed the check-in on the programme outcome this quarter");
        assertThat(texts(channel.get("flags"))).contains("programme check-in missed");

        JsonNode group = programme(card, "p-group");
        assertThat(group.get("verdict").asText()).isEqualTo("ACTIVITY");
        assertThat(texts(group.get("reasons"))).first()
                .isEqualTo("programme owner sam@example.com names no programme outcome");
        assertThat(texts(group.get("flags"))).contains("no programme outcome");

        JsonNode teamsProgramme = programme(card, "p-teams");
        assertThat(teamsProgramme.get("outcome").get("progress").get("value").asDouble()).isEqualTo(20.0);
    }

    @Test
    void theCsvCarriesTheProgrammeColumns() throws Exception {
        String body = send(admin("/api/v1/export/scorecard.csv?week=" + WEEK).GET().build()).body();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(body)).getRecords();
        Map<String, CSVRecord> byProgramme = new HashMap<>();
        rows.forEach(r -> byProgramme.put(r.get("programme"), r));
        CSVRecord olga = byProgramme.get("p-emails");
        assertThat(List.of(olga.get("programme_owner"), olga.get("programme_outcome_metric"),
                olga.get("programme_outcome_baseline"), olga.get("programme_outcome_target"),
                olga.get("programme_outcome_current"), olga.get("programme_outcome_progress_percent"),
                olga.get("programme_checkin"))).containsExactly("olga@example.com", "Revenue per claim", "120", "150",
                "126", "20", "CURRENT");
        assertThat(byProgramme.get("p-channel").get("programme_reasons"))
                .startsWith("programme owner pam@example.com missed the check-in");
        assertThat(byProgramme.get("p-channel").get("programme_checkin")).isEqualTo("MISSED");
    }

    @Test
    void theDigestSaysItFirstOnSlackAndTeams() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=p-channel&week=" + WEEK);
        for (String text : List.of(preview.get("blockKit").toString(), preview.get("adaptiveCard").toString())) {
            int reason = text.indexOf("programme owner pam@example.com missed the check-in");
            assertThat(reason).isPositive();
            assertThat(text.indexOf("workflows at leverage")).isGreaterThan(reason);
            assertThat(text).contains("Programme outcome: Tickets closed per day (tickets): no check-in yet "
                    + "(baseline 100, target 130) · check-in missed", "⚠ programme check-in missed");
        }
        JsonNode olga = get("/api/v1/digests/preview?programme=p-emails&week=" + WEEK);
        assertThat(olga.get("blockKit").toString()).contains(OLGA_LINE);
        assertThat(olga.get("adaptiveCard").toString()).contains(OLGA_LINE);
        JsonNode tina = get("/api/v1/digests/preview?programme=p-teams&week=" + WEEK);
        assertThat(tina.get("adaptiveCard").toString()).contains(TINA_LINE);
    }

    @Test
    void theDashboardShowsTheOwnerOutcomeAndReasons() throws Exception {
        String page = page("/?week=" + WEEK);
        assertThat(page).contains("Programme owner: <strong>olga@example.com</strong>", OLGA_LINE,
                "programme owner pam@example.com missed the check-in on the programme outcome this quarter",
                "⚠ programme check-in missed", "programme owner sam@example.com names no programme outcome");
    }

    JsonNode lastSlackTo(String user) {
        List<FakeSlackApi.Call> calls = slack.api().calls("chat.postMessage").stream()
                .filter(c -> user.equals(c.params().get("channel"))).toList();
        assertThat(calls).as("messages to " + user).isNotEmpty();
        try {
            return JSON.readTree(JSON.writeValueAsString(calls.get(calls.size() - 1).params()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    String lastTeamsCardTo(String user) {
        String card = null;
        for (FakeBotConnector.Call call : teams.posted()) {
            if (user.equals(teams.userOf(call)) && call.card() != null) {
                card = call.card().toString();
            }
        }
        assertThat(card).as("a card to " + user).isNotNull();
        return card;
    }

    static JsonNode programme(JsonNode card, String id) {
        for (JsonNode programme : card.get("programmes")) {
            if (programme.get("programmeId").asText().equals(id)) {
                return programme;
            }
        }
        throw new AssertionError("no programme " + id + " in " + card);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
