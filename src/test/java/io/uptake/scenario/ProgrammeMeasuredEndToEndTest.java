package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.digest.board.BoardSummaries;
import io.uptake.time.MutableClock;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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
 * Claimed vs measured for a programme's own outcome. A programmes file has two programmes with an owner and an
 * outcome of their own (one team on Slack, one on Teams) and one without an outcome. On Wednesday 2 December 2026
 * the check-in cycles open; Olga saves 126 in the Slack modal, Tina 66.6 in the Teams card. The system of record
 * posts the programmes' measured values to {@code POST /api/v1/outcomes/programme:<id>/values} (JSON for one, CSV
 * for the other), and the scorecard JSON, its CSV, the digest preview on Slack and Teams and the dashboard set the
 * claimed value beside the measured one, with the gap worked out here: (claimed − measured) ÷ |measured|, flagged
 * above 10 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeMeasuredEndToEndTest extends EndToEndCalls {

    static final String ADMIN = "programme-measured-admin-token-0123456789";
    static final String TEAM = "19:pm@thread.tacv2";
    static final String WEEK = "2026-W49";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One programme: what its owner claims and the latest value measured, on which day. */
    record Case(String programme, String claimed, String measured, String measuredOn, String measuredOnWords) {

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

    // 126 against 121: 5 ÷ 121 = 4.1 %, not flagged.
    static final Case OLGA = new Case("p-slack", "126", "121", "2026-12-01", "1 Dec");
    // 66.6 against 60 (the outcome goes down): 6.6 ÷ 60 = 11 %, flagged.
    static final Case TINA = new Case("p-teams", "66.6", "60", "2026-12-02", "2 Dec");

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    final Map<String, HttpResponse<String>> posts = new HashMap<>();

    @Override
    String adminToken() {
        return ADMIN;
    }

    @BeforeAll
    void start() throws Exception {
        clock = startService("""
                programmes:
                  - id: p-slack
                    name: Claims AI
                    sponsor: cfo@example.com
                    owner: olga@example.com
                    outcome: { metric: Revenue per claim, unit: EUR, direction: up, baseline: 120, target: 150,
                               by: 2027-Q4 }
                    workflows:
                      - id: w-slack
                        name: Invoice matching
                        owner: e1@example.com
                        stage: pilot
                        audience: { emails: [e1@example.com, e2@example.com] }
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
                  - id: p-early
                    name: Pricing AI
                    sponsor: cfo@example.com
                    owner: sam@example.com
                    outcome: { metric: Quote cycle, unit: days, direction: down, baseline: 10, target: 6,
                               by: 2027-Q4 }
                    workflows:
                      - id: w-early
                        name: Quote drafting
                        owner: e1@example.com
                        stage: pilot
                        audience: { emails: [e1@example.com] }
                  - id: p-none
                    name: Analysis AI
                    sponsor: cfo@example.com
                    owner: sam@example.com
                    workflows:
                      - id: w-none
                        name: Case summaries
                        owner: e2@example.com
                        stage: pilot
                        audience: { emails: [e2@example.com] }
                """.formatted(TEAM), slack, teams, Map.of());
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));

        slack.directory(List.of("olga", "sam", "cfo", "e1", "e2").stream().map(name -> new ScenarioPerson(
                name + "@example.com", name, "Europe/London", "en-GB", Platform.SLACK,
                "U" + name.toUpperCase(java.util.Locale.ROOT))).toList(), Map.of(), Map.of());
        List<ScenarioPerson> teamsPeople = List.of(
                new ScenarioPerson("tina@example.com", "Tina", "Europe/London", "en-GB", Platform.TEAMS, "29:tina"),
                new ScenarioPerson("t1@example.com", "T1", "Europe/London", "en-GB", Platform.TEAMS, "29:t1"));
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:tina")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        assertThat(context.getBean(OpenCheckinCycles.class).run()).isEqualTo(3);
        dispatch();
        HttpResponse<String> olgaSaved = slackPost(slack.checkinSubmission(clock, "UOLGA", "programme:p-slack",
                OLGA.claimed(), "on_track", "7"));
        assertThat(olgaSaved.body()).contains("Check-in saved");
        ObjectNode data = ((ObjectNode) JSON.readTree(lastTeamsCardTo("29:tina")).path("actions").path(0)
                .path("data").deepCopy()).put("checkin.value", TINA.claimed()).put("checkin.status", "on_track")
                .put("checkin.confidence", "6");
        assertThat(teamsPost(teams.execute("29:tina", "uptake.checkin", data)).body()).contains("Check-in saved");

        posts.put("p-slack", post("programme:p-slack", "application/json", """
                {"values": [{"day": "2026-11-30", "value": 119, "source": "revenue-ledger"},
                            {"day": "2026-12-01", "value": 121, "source": "revenue-ledger"}]}"""));
        posts.put("p-teams", post("programme:p-teams", "text/csv", "day,value,source\n2026-12-02,60,cost-ledger\n"));
        posts.put("p-early", post("programme:p-early", "application/json",
                "{\"values\": [{\"day\": \"2026-12-01\", \"value\": 9.5, \"source\": \"quote-log\"}]}"));
        posts.put("p-none", post("programme:p-none", "application/json",
                "{\"values\": [{\"day\": \"2026-12-01\", \"value\": 1}]}"));
        posts.put("p-nowhere", post("programme:p-nowhere", "application/json",
                "{\"values\": [{\"day\": \"2026-12-01\", \"value\": 1}]}"));
        posts.put("wave", post("programme:p-slack", "application/json",
                "{\"values\": [{\"day\": \"2026-12-01\", \"value\": 500, \"wave\": 1}]}"));
        dispatch();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    HttpResponse<String> post(String subject, String type, String body) throws IOException {
        return send(admin("/api/v1/outcomes/" + subject + "/values").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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

    @Test
    void eachPostSaysWhatItStoredAndBadOnesStoreNothing() throws Exception {
        assertThat(posts.get("p-slack").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(posts.get("p-slack").body()).get("stored").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(posts.get("p-teams").body()).get("stored").asInt()).isEqualTo(1);
        assertThat(posts.get("p-none").statusCode()).isEqualTo(409);
        assertThat(message(posts.get("p-none"))).startsWith("Programme 'p-none' declares no outcome");
        assertThat(posts.get("p-nowhere").statusCode()).isEqualTo(404);
        assertThat(message(posts.get("p-nowhere"))).isEqualTo("No programme 'p-nowhere' in the programmes file.");
        assertThat(posts.get("wave").statusCode()).isEqualTo(400);
        assertThat(message(posts.get("wave"))).contains("values[0]: 'wave'", "Nothing was stored.");
    }

    @Test
    void theScorecardSetsTheProgrammesClaimBesideTheMeasuredValue() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=" + WEEK);
        for (Case c : List.of(OLGA, TINA)) {
            JsonNode programme = ProgrammeOwnerEndToEndTest.programme(card, c.programme());
            JsonNode o = programme.get("outcome");
            assertThat(new BigDecimal(o.get("claimed").asText())).as(c.programme()).isEqualByComparingTo(c.claimed());
            assertThat(new BigDecimal(o.get("measured").asText())).as(c.programme())
                    .isEqualByComparingTo(c.measured());
            assertThat(o.get("measuredOn").asText()).isEqualTo(c.measuredOn());
            assertThat(BigDecimal.valueOf(o.get("gapPercent").asDouble())).as(c.programme())
                    .isEqualByComparingTo(c.gap());
            assertThat(o.get("gapFlagged").asBoolean()).as(c.programme()).isEqualTo(c.flagged());
            List<String> flags = ProgrammeOwnerEndToEndTest.texts(programme.get("flags"));
            if (c.flagged()) {
                assertThat(flags).contains("programme outcome " + c.words() + ": "
                        + c.gap().abs().stripTrailingZeros().toPlainString() + "% apart (over 10%)");
            } else {
                assertThat(flags).noneMatch(f -> f.contains("measured"));
            }
        }
        assertThat(OLGA.gap()).isEqualByComparingTo("4.1");
        assertThat(TINA.gap()).isEqualByComparingTo("11.0");
        assertThat(ProgrammeOwnerEndToEndTest.programme(card, "p-none").hasNonNull("outcome")).isFalse();
    }

    @Test
    void theCsvCarriesTheProgrammesClaimedAndMeasuredColumns() throws Exception {
        String body = send(admin("/api/v1/export/scorecard.csv?week=" + WEEK).GET().build()).body();
        Map<String, CSVRecord> byProgramme = new HashMap<>();
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(body))
                .getRecords().forEach(r -> byProgramme.put(r.get("programme"), r));
        for (Case c : List.of(OLGA, TINA)) {
            CSVRecord r = byProgramme.get(c.programme());
            assertThat(List.of(r.get("programme_outcome_claimed"), r.get("programme_outcome_measured"),
                    r.get("programme_outcome_measured_on"), r.get("programme_outcome_gap_percent"),
                    r.get("programme_outcome_gap_flagged"))).as(c.programme()).containsExactly(c.claimed(),
                    c.measured(), c.measuredOn(), c.gap().toPlainString(), String.valueOf(c.flagged()));
        }
        assertThat(byProgramme.get("p-none").get("programme_outcome_measured")).isEmpty();
    }

    @Test
    void theDigestSaysClaimedAndMeasuredOnSlackAndTeams() throws Exception {
        for (Case c : List.of(OLGA, TINA)) {
            JsonNode preview = get("/api/v1/digests/preview?programme=" + c.programme() + "&week=" + WEEK);
            for (String text : List.of(preview.get("blockKit").toString(), preview.get("adaptiveCard").toString())) {
                assertThat(text).contains("check-in current · " + c.words());
                if (c.flagged()) {
                    assertThat(text).contains("⚠ programme outcome " + c.words() + ": 11% apart (over 10%)");
                }
            }
        }
    }

    /** The quarter's board summary sets the programme's measured value beside its claim. */
    @Test
    void theBoardSummarySaysWhatWasMeasuredOfTheProgrammesOutcome() {
        assertThat(boardLines("p-slack")).anyMatch(l -> l.startsWith("Programme outcome: Revenue per claim")
                && l.contains("· Measured 121 on 1 Dec 2026, "));
        assertThat(boardLines("p-early")).contains("Programme outcome: Quote cycle, down, baseline 10 days → target"
                + " 6 days · Claimed: no check-in yet · Measured 9.5 on 1 Dec 2026");
    }

    /** The quarter's page as read once it is over (the first Monday after it), the clock then set back. */
    private List<String> boardLines(String programme) {
        Instant now = clock.instant();
        clock.set(Instant.parse("2027-01-04T10:00:00Z"));
        try {
            BoardSummaries.Page page = context.getBean(BoardSummaries.class).page(programme, "2026-Q4");
            return ((BoardSummaries.Page.Png) page).page().lines();
        } finally {
            clock.set(now);
        }
    }

    /** Before its owner's first check-in, the digest still says what the system of record measured. */
    @Test
    void theDigestSaysTheMeasuredValueBeforeTheFirstCheckin() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=p-early&week=" + WEEK);
        for (String text : List.of(preview.get("blockKit").toString(), preview.get("adaptiveCard").toString())) {
            assertThat(text).contains("Quote cycle (days): no check-in yet (baseline 10, target 6)",
                    "· measured 9.5 on 1 Dec");
        }
    }

    @Test
    void theDashboardShowsTheProgrammesClaimBesideTheMeasuredValue() throws Exception {
        String page = page("/?week=" + WEEK);

        assertThat(page).contains("Programme outcome: Revenue per claim (EUR) 126 (baseline 120, target 150): 20% of "
                + "the way · on track · check-in current · " + OLGA.words(), "check-in current · " + TINA.words(),
                "⚠ programme outcome " + TINA.words() + ": 11% apart (over 10%)");
    }

    static String message(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).get("message").asText();
    }
}
