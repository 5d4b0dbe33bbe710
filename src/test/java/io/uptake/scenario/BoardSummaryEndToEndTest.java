package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.digest.board.BoardSummaries;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The quarterly board summary as a programme's owner and sponsor meet it. A programmes file names a programme owner
 * (on Slack) and a sponsor (on Teams only) over workflows on every audience kind (an emails list, a Slack channel, a
 * Slack user group, a Teams team). In 2026-Q4 the triage owner logs a check-in with an evidence link through the
 * Slack form and the system of record posts a measured value; on Monday 4 January 2027 at 09:00 UTC (the first
 * Monday after the quarter) the job is called: the owner gets the page uploaded into their Slack direct message with
 * the summary as its comment, the sponsor gets the summary card with the page attached on Teams, each once however
 * often the job runs, and the admin API and the dashboard serve the same page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardSummaryEndToEndTest extends EndToEndCalls {

    @Override
    String adminToken() {
        return ADMIN;
    }

    static final String ADMIN = "board-summary-admin-token-0123456789";
    static final String TEAM = "19:board@thread.tacv2";
    static final String PUBLIC = "https://uptake.example.com";
    static final String EVIDENCE = "https://bi.example.com/tickets/q4";
    static final ObjectMapper JSON = new ObjectMapper();

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    int beforeDue;
    int due;
    int again;
    int nextDay;
    int teamsBefore;

    @BeforeAll
    void start() throws Exception {
        clock = startService("""
                programmes:
                  - id: ops
                    name: Operations AI
                    sponsor: cfo@example.com
                    owner: pat@example.com
                    workflows:
                      - id: ledger
                        name: Invoice matching
                        owner: olga@example.com
                        stage: pilot
                        audience: { emails: [e1@example.com, e2@example.com, e3@example.com] }
                        target-team-size: 3
                      - id: triage
                        name: Ticket triage
                        owner: pam@example.com
                        stage: pilot
                        audience: { slack-channel: C0BRD }
                        target-team-size: 3
                        outcome: { metric: Tickets closed per day, unit: tickets, direction: up, baseline: 100,
                                   target: 130, by: 2027-Q2 }
                      - id: summaries
                        name: Case summaries
                        owner: sam@example.com
                        stage: pilot
                        audience: { slack-usergroup: S0BRD }
                        target-team-size: 3
                      - id: replies
                        name: Customer replies
                        owner: tina@example.com
                        stage: pilot
                        audience: { teams-team: "%s" }
                        target-team-size: 3
                """.formatted(TEAM), slack, teams, Map.of("uptake.public-url", PUBLIC + "/"));
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String name : List.of("pat", "olga", "pam", "sam", "e1", "e2", "e3", "c1", "c2", "g1", "g2")) {
            slackPeople.add(new ScenarioPerson(name + "@example.com", name, "Europe/London", "en-GB", Platform.SLACK,
                    "U" + name.toUpperCase(java.util.Locale.ROOT)));
        }
        slack.directory(slackPeople, Map.of("C0BRD", List.of("UC1", "UC2")), Map.of("S0BRD", List.of("UG1", "UG2")));
        List<ScenarioPerson> teamsPeople = List.of(
                new ScenarioPerson("tina@example.com", "Tina", "Europe/London", "en-GB", Platform.TEAMS, "29:tina"),
                new ScenarioPerson("cfo@example.com", "Casey", "Europe/London", "en-GB", Platform.TEAMS, "29:cfo"),
                new ScenarioPerson("t1@example.com", "T1", "Europe/London", "en-GB", Platform.TEAMS, "29:t1"));
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:tina")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        HttpResponse<String> opened = slackPost(slack.command(clock, "UPAM", "checkin triage"));
        assertThat(opened.statusCode()).isEqualTo(200);
        HttpResponse<String> saved = slackPost(slack.checkinSubmission(clock, "UPAM", "triage", "120", "on_track",
                "7", EVIDENCE));
        assertThat(saved.body()).contains("Check-in saved");
        HttpResponse<String> values = send(admin("/api/v1/outcomes/triage/values").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("day,value,source\n2026-12-01,100,zendesk\n")).build());
        assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
        dispatch();

        BoardSummaries summaries = context.getBean(BoardSummaries.class);
        teamsBefore = teams.posted().size();
        clock.set(Instant.parse("2027-01-04T08:59:00Z"));
        beforeDue = summaries.run();
        dispatch();
        clock.set(Instant.parse("2027-01-04T09:00:00Z"));
        due = summaries.run();
        dispatch();
        again = summaries.run();
        dispatch();
        clock.set(Instant.parse("2027-01-05T09:00:00Z"));
        nextDay = summaries.run();
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
    void theJobSendsOnTheFirstMondayAfterTheQuarterToTheOwnerAndTheSponsorOnce() {
        assertThat(beforeDue).isZero();
        assertThat(due).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(nextDay).isZero();
    }

    @Test
    void theOwnerFindsThePageInTheirSlackDirectMessageWithTheSummaryOnce() throws Exception {
        List<FakeSlackApi.Call> opens = slack.api().calls("conversations.open");
        assertThat(opens).hasSize(1);
        assertThat(opens.get(0).params().get("users")).contains("UPAT");
        List<FakeSlackApi.Call> shared = slack.api().calls("files.completeUploadExternal");
        assertThat(shared).hasSize(1);
        FakeSlackApi.Call upload = shared.get(0);
        assertThat(upload.params().get("channel_id")).isEqualTo("DPAT");
        assertThat(upload.params().get("initial_comment")).contains("Board summary: Operations AI, 2026-Q4",
                "The page attached has each workflow's outcome", "You get this as the programme's owner, once a "
                        + "quarter.");
        assertThat(slack.api().refusals()).isEmpty();
        List<FakeSlackApi.Call> urls = slack.api().calls("files.getUploadURLExternal");
        assertThat(urls).hasSize(1);
        assertThat(urls.get(0).params().get("filename")).isEqualTo("board-summary-ops-2026-Q4.png");
        assertThat(slack.api().uploaded()).hasSize(1);
        byte[] png = slack.api().uploaded().values().iterator().next();
        assertA4Png(png);
        assertThat(slack.api().calls("chat.postMessage")).noneMatch(c -> c.params().getOrDefault("text", "")
                .contains("Board summary"));
    }

    @Test
    void theSponsorGetsTheSummaryCardWithThePageAttachedOnTeamsOnce() throws Exception {
        List<FakeBotConnector.Call> toSponsor = teams.posted().subList(teamsBefore, teams.posted().size()).stream()
                .filter(c -> "29:cfo".equals(teams.userOf(c))).toList();
        assertThat(toSponsor).hasSize(1);
        JsonNode body = toSponsor.get(0).body();
        assertThat(body.path("attachments")).hasSize(2);
        assertThat(toSponsor.get(0).card().toString()).contains("Board summary: Operations AI, 2026-Q4",
                "You get this as the programme's sponsor, once a quarter.");
        JsonNode page = body.path("attachments").path(1);
        assertThat(page.path("contentType").asText()).isEqualTo("image/png");
        assertThat(page.path("name").asText()).isEqualTo("board-summary-ops-2026-Q4.png");
        String url = page.path("contentUrl").asText();
        assertThat(url).startsWith(PUBLIC + "/charts/").endsWith(".png");
        assertThat(teams.refusals()).isEmpty();

        // The address Teams loads the page from serves the same page the owner got on Slack.
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(url(url.substring(PUBLIC.length()))).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(slack.api().uploaded().values().iterator().next());
    }

    @Test
    void thePageSaysClaimedAgainstMeasuredWithTheEvidenceAndWhatIsMissing() {
        BoardSummaries.Page page = context.getBean(BoardSummaries.class).page("ops", "2026-Q4");
        assertThat(page).isInstanceOf(BoardSummaries.Page.Png.class);
        List<String> lines = ((BoardSummaries.Page.Png) page).page().lines();
        // (120 − 100) ÷ 100 = 20 % apart, over the 10 % let pass; (120 − 100) ÷ (130 − 100) = 67 % of the way.
        assertThat(lines).contains("Operations AI · board summary 2026-Q4",
                "Quarter 2026-Q4 · 1 Oct 2026 to 31 Dec 2026 · weeks 2026-W40 to 2026-W53",
                "Outcome: Tickets closed per day, up, baseline 100 tickets → target 130 tickets",
                "Claimed 120 (on track, confidence 7/10), 67% of the way to target · Measured 100 on 1 Dec 2026, "
                        + "20% apart (flagged)",
                "Evidence: " + EVIDENCE + " (check-in 2026-Q4) · Measured by: zendesk",
                "Outcome: none declared");
        assertThat(lines.get(2)).startsWith("Owner: pat@example.com · Sponsor: cfo@example.com");
        assertThat(lines).anyMatch(l -> l.startsWith("Programme verdict at the quarter's end (2026-W53): "));
        assertThat(lines).filteredOn(l -> l.startsWith("Decisions: ")).hasSize(4);
        assertThat(lines).filteredOn(l -> l.startsWith("Effect of going live on cycle time: ")).hasSize(4);
        // Fourteen weeks: W40 (Thursday 1 October) to W53 (Thursday 31 December).
        assertThat(((BoardSummaries.Page.Png) page).page().history()).hasSize(5)
                .allSatisfy(row -> assertThat(row.cells()).hasSize(14));
    }

    @Test
    void theAdminApiServesThePageAndRefusesBadRequestsClearly() throws Exception {
        HttpResponse<byte[]> ok = http.send(admin("/api/v1/programmes/ops/board-summary.png?quarter=2026-Q4").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/png");
        assertA4Png(ok.body());

        HttpResponse<String> bad = send(admin("/api/v1/programmes/ops/board-summary.png?quarter=2026-Q5").GET()
                .build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("quarter must be written like 2026-Q4, was '2026-Q5'");
        HttpResponse<String> future = send(admin("/api/v1/programmes/ops/board-summary.png?quarter=2027-Q3").GET()
                .build());
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("quarter 2027-Q3 has not started yet");
        HttpResponse<String> unknown = send(admin("/api/v1/programmes/nope/board-summary.png?quarter=2026-Q4").GET()
                .build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No programme 'nope'");
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(url("/api/v1/programmes/ops/board-summary.png"))
                .GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theDashboardLinksTheProgrammeToItsPage() throws Exception {
        String token = Sessions.of(context).admin();
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/")).header("Cookie", Sessions.COOKIE + "="
                + token).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/programmes/ops/board-summary.png\"",
                "Board summary of the last quarter");
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(url("/programmes/ops/board-summary.png"))
                .header("Cookie", Sessions.COOKIE + "=" + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertA4Png(png.body());
        HttpResponse<String> bad = send(HttpRequest.newBuilder(url("/programmes/ops/board-summary.png?quarter=Q4"))
                .header("Cookie", Sessions.COOKIE + "=" + token).GET().build());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    static void assertA4Png(byte[] png) throws IOException {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1403);
        assertThat(image.getHeight()).isEqualTo(992);
    }
}
