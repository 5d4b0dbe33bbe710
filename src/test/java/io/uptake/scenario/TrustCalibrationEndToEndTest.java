package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Trust calibration as an admin and leaders meet it: a programmes file with a workflow on every audience kind (an
 * emails list of Slack and Teams people, a Slack channel, a Slack user group, a Teams team), each with a pulse asking
 * trust and correction. People answer by clicking the buttons of the messages the fakes of Slack's Web API and the
 * Bot Connector recorded, through the real endpoints. The scorecard JSON, the CSV, the digest preview for Slack and
 * Teams, and the workflow page's plot then show each workflow's quadrant from figures worked out here from the
 * answers: trust 1→0 … 5→100 averaged, correction the share answering "often" or "always", with Uptake's default
 * thresholds (high trust 60 or more, low 40 or less; frequent corrections 30 % or more, rare 10 % or less).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustCalibrationEndToEndTest {

    static final String ADMIN = "calibration-admin-token-0123456789";
    static final String TEAM = "19:cal@thread.tacv2";
    static final String WEEK = "2026-W47";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One person's answers: trust 1–5 and correction 0 never, 1 sometimes, 2 often, 3 always; null: not answered. */
    record Answer(String email, int trust, Integer correction) {
    }

    static Answer a(String email, int trust, Integer correction) {
        return new Answer(email, trust, correction);
    }

    /** Each workflow's answers in W47. */
    static final Map<String, List<Answer>> ANSWERS = new LinkedHashMap<>();

    static {
        // An emails list of three Slack and three Teams people: high trust, half say output often needs fixing.
        ANSWERS.put("drafting", List.of(a("e1@example.com", 5, 2), a("e2@example.com", 5, 3),
                a("e3@example.com", 4, 1), a("t1@example.com", 4, 2), a("t2@example.com", 4, 0),
                a("t3@example.com", 3, 1)));
        // A Slack channel: low trust though nobody says often or always.
        ANSWERS.put("triage", List.of(a("c1@example.com", 1, 0), a("c2@example.com", 2, 1),
                a("c3@example.com", 2, 0), a("c4@example.com", 3, 1), a("c5@example.com", 1, 0),
                a("c6@example.com", 2, 0)));
        // A Slack user group: high trust, rarely fixed.
        ANSWERS.put("summaries", List.of(a("g1@example.com", 4, 0), a("g2@example.com", 4, 1),
                a("g3@example.com", 4, 1), a("g4@example.com", 4, 0), a("g5@example.com", 5, 0),
                a("g6@example.com", 3, 1)));
        // A Teams team of five, on both thresholds: trust exactly 60 and 40 % fixing.
        ANSWERS.put("replies", List.of(a("t1@example.com", 4, 2), a("t2@example.com", 4, 3),
                a("t3@example.com", 3, 1), a("t4@example.com", 3, 0), a("t5@example.com", 3, 0)));
        // An emails list where only four answer the correction question: the quadrant is hidden.
        ANSWERS.put("notes", List.of(a("h1@example.com", 4, 2), a("h2@example.com", 4, 2),
                a("h3@example.com", 4, 2), a("h4@example.com", 4, 0), a("h5@example.com", 4, null),
                a("h6@example.com", 4, null)));
    }

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    EmbeddedServer server;
    ApplicationContext context;
    MutableClock clock;
    /** Chat user id by email: {@code U…} on Slack, {@code 29:…} on Teams. */
    final Map<String, String> chatIds = new HashMap<>();

    static List<String> emails(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    @BeforeAll
    void start() throws Exception {
        Path file = Files.createTempFile("programmes", ".yaml");
        file.toFile().deleteOnExit();
        String drafting = String.join(", ", ANSWERS.get("drafting").stream().map(Answer::email).toList());
        String notes = String.join(", ", emails("h", 6));
        StringBuilder pulses = new StringBuilder();
        for (String workflow : ANSWERS.keySet()) {
            pulses.append("""
                      - id: %s-pulse
                        workflow: %s
                        schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                        questions: [trust, correction]
                        mode: confidential
                    """.formatted(workflow, workflow));
        }
        Files.writeString(file, """
                programmes:
                  - id: cal
                    name: Writing AI
                    sponsor: cfo@example.com
                    workflows:
                      - { id: drafting, name: Drafting letters, owner: lee@example.com, stage: pilot,
                          audience: { emails: [%s] }, target-team-size: 6 }
                      - { id: triage, name: Triage, owner: lee@example.com, stage: pilot,
                          audience: { slack-channel: C0CAL }, target-team-size: 6 }
                      - { id: summaries, name: Summaries, owner: lee@example.com, stage: pilot,
                          audience: { slack-usergroup: S0CAL }, target-team-size: 6 }
                      - { id: replies, name: Replies, owner: lee@example.com, stage: pilot,
                          audience: { teams-team: "%s" }, target-team-size: 5 }
                      - { id: notes, name: Notes, owner: lee@example.com, stage: pilot,
                          audience: { emails: [%s] }, target-team-size: 6 }
                pulses:
                %s""".formatted(drafting, TEAM, notes, pulses));
        Map<String, Object> settings = new HashMap<>(slack.settings());
        settings.putAll(teams.settings());
        settings.put("uptake.catalog", file.toString());
        settings.put("uptake.admin-token", ADMIN);
        server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        context = server.getApplicationContext();
        clock = context.getBean(MutableClock.class);
        clock.set(Instant.parse("2026-11-17T10:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String email : concat(emails("e", 3), emails("c", 6), emails("g", 6), emails("h", 6))) {
            String id = "U" + email.substring(0, email.indexOf('@')).toUpperCase(Locale.ROOT);
            chatIds.put(email, id);
            slackPeople.add(new ScenarioPerson(email, email, "Europe/London", "en-GB",
                    Platform.SLACK, id));
        }
        slack.directory(slackPeople, Map.of("C0CAL", emails("c", 6).stream().map(chatIds::get).toList()),
                Map.of("S0CAL", emails("g", 6).stream().map(chatIds::get).toList()));
        List<ScenarioPerson> teamsPeople = new ArrayList<>();
        for (String email : emails("t", 5)) {
            String id = "29:" + email.substring(0, email.indexOf('@'));
            chatIds.put(email, id);
            teamsPeople.add(new ScenarioPerson(email, email, "Europe/London", "en-GB",
                    Platform.TEAMS, id));
        }
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:t1")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        for (String workflow : ANSWERS.keySet()) {
            answerPulse(workflow);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    /** Opens the workflow's round through the admin API and has each person answer what the test gives them. */
    void answerPulse(String workflow) throws Exception {
        int slackFrom = slack.api().calls("chat.postMessage").size();
        int teamsFrom = teams.posted().size();
        HttpResponse<String> opened = send(admin("/api/v1/pulses/" + workflow + "-pulse/rounds")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long round = JSON.readTree(opened.body()).get("roundId").asLong();
        assertThat(JSON.readTree(opened.body()).get("recipients").asInt()).isEqualTo(ANSWERS.get(workflow).size());
        dispatch();
        for (Answer answer : ANSWERS.get(workflow)) {
            String id = chatIds.get(answer.email());
            if (id.startsWith("U")) {
                List<SlackSide.Button> buttons = slack.pulseButtons(id, slackFrom).get(round);
                assertThat(buttons).as("the pulse of " + workflow + " for " + answer.email()).isNotNull();
                clickSlack(buttons, id, "trust", Integer.toString(answer.trust()));
                if (answer.correction() != null) {
                    clickSlack(buttons, id, "correction", Integer.toString(answer.correction()));
                }
            } else {
                List<JsonNode> data = teamsCard(id, round, teamsFrom);
                data = clickTeams(data, id, "trust", Integer.toString(answer.trust()));
                if (answer.correction() != null) {
                    clickTeams(data, id, "correction", Integer.toString(answer.correction()));
                }
            }
        }
        dispatch();
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

    /** The trust index worked out from the answers: 1→0 … 5→100, averaged, to one decimal. */
    static double trust(List<Answer> answers) {
        double sum = answers.stream().mapToDouble(x -> (x.trust() - 1) * 25.0).sum();
        return Math.round(sum / answers.size() * 10) / 10.0;
    }

    /** The share answering "often" or "always", to one decimal, of those who answered the question. */
    static double fixing(List<Answer> answers) {
        List<Answer> asked = answers.stream().filter(x -> x.correction() != null).toList();
        long often = asked.stream().filter(x -> x.correction() >= 2).count();
        return Math.round(often * 1000.0 / asked.size()) / 10.0;
    }

    /** The quadrant by the default thresholds, a value on a threshold counting as past it. */
    static String quadrant(double trust, double fixing) {
        if (trust >= 60 && fixing >= 30) {
            return "OVER_TRUST";
        }
        return trust <= 40 && fixing <= 10 ? "UNDER_TRUST" : "CALIBRATED";
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @Test
    void theScorecardReadsEachAudienceKindsTrustAgainstItsCorrections() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=" + WEEK);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String workflow : List.of("drafting", "triage", "summaries", "replies")) {
            List<Answer> answers = ANSWERS.get(workflow);
            JsonNode c = workflow(card, workflow).get("calibration");
            assertThat(c.get("trustIndex").get("value").asDouble()).as(workflow).isEqualTo(trust(answers));
            assertThat(c.get("trustIndex").get("n").asInt()).as(workflow).isEqualTo(answers.size());
            assertThat(c.get("correctionPercent").get("value").asDouble()).as(workflow).isEqualTo(fixing(answers));
            expected.put(workflow, c.get("quadrant").asText());
        }
        assertThat(expected).containsExactly(Map.entry("drafting", "OVER_TRUST"),
                Map.entry("triage", "UNDER_TRUST"), Map.entry("summaries", "CALIBRATED"),
                Map.entry("replies", "OVER_TRUST"));
        expected.forEach((workflow, quadrant) -> assertThat(quadrant).as(workflow).isEqualTo(quadrant(
                trust(ANSWERS.get(workflow)), fixing(ANSWERS.get(workflow)))));
        // 79.2 = (100 + 100 + 75 + 75 + 75 + 50) / 6; 3 of 6 answered often or always.
        assertThat(trust(ANSWERS.get("drafting"))).isEqualTo(79.2);
        assertThat(workflow(card, "drafting").get("calibration").get("reading").asText())
                .isEqualTo("over-trust: trust 79.2 but 50 % of answers say output often or always needs fixing");
        // Trust (4 + 4 + 3 + 3 + 3 → 75 + 75 + 50 + 50 + 50) / 5 = 60 and 2 of 5 = 40 %: both on their thresholds.
        assertThat(trust(ANSWERS.get("replies"))).isEqualTo(60.0);
        assertThat(fixing(ANSWERS.get("replies"))).isEqualTo(40.0);
        JsonNode thresholds = workflow(card, "drafting").get("calibration").get("thresholds");
        assertThat(List.of(thresholds.get("highTrust").asInt(), thresholds.get("lowTrust").asInt(),
                thresholds.get("frequentCorrections").asInt(), thresholds.get("rareCorrections").asInt()))
                .containsExactly(60, 40, 30, 10);
    }

    @Test
    void fourCorrectionAnswersHideTheQuadrantAndGiveNothingAway() throws Exception {
        JsonNode notes = workflow(get("/api/v1/scorecard?week=" + WEEK), "notes");

        // Six trust answers are shown; four correction answers are below the 5 the rules need.
        assertThat(notes.get("trustIndex").get("value").asDouble()).isEqualTo(trust(ANSWERS.get("notes")));
        assertThat(notes.get("correctionPercent").get("state").asText()).isEqualTo("SUPPRESSED");
        JsonNode c = notes.get("calibration");
        assertThat(c.get("quadrant").asText()).isEqualTo("SUPPRESSED");
        // Neither the figure, the quadrant nor its reading says on which side of a threshold the hidden 3 of 4 lie.
        assertThat(c.get("correctionPercent").has("value")).isFalse();
        assertThat(c.get("correctionPercent").get("n").asInt()).isZero();
        assertThat(c.get("reading").asText()).isEqualTo("hidden: fewer than 5 answers on correction");
    }

    @Test
    void theCsvCarriesTheQuadrantAndTheFiguresItWasReadFrom() throws Exception {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(send(admin("/api/v1/export/scorecard.csv?week=" + WEEK).GET().build())
                        .body())).getRecords();
        Map<String, CSVRecord> byWorkflow = new HashMap<>();
        rows.forEach(r -> byWorkflow.put(r.get("workflow"), r));

        CSVRecord drafting = byWorkflow.get("drafting");
        assertThat(drafting.get("calibration_quadrant")).isEqualTo("OVER_TRUST");
        assertThat(drafting.get("calibration_trust_index")).isEqualTo("79.2");
        assertThat(drafting.get("calibration_correction_percent")).isEqualTo("50");
        assertThat(byWorkflow.get("triage").get("calibration_quadrant")).isEqualTo("UNDER_TRUST");
        assertThat(byWorkflow.get("triage").get("calibration_trust_index")).isEqualTo("20.8");
        assertThat(byWorkflow.get("summaries").get("calibration_quadrant")).isEqualTo("CALIBRATED");
        assertThat(byWorkflow.get("replies").get("calibration_trust_index")).isEqualTo("60");
        assertThat(byWorkflow.get("notes").get("calibration_quadrant")).isEqualTo("SUPPRESSED");
        assertThat(byWorkflow.get("notes").get("calibration_correction_percent")).isEqualTo("suppressed");
    }

    @Test
    void theDigestSaysEachQuadrantInPlainWordsOnSlackAndTeams() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=cal&week=" + WEEK);
        String slackText = preview.get("blockKit").toString();
        String teamsText = preview.get("adaptiveCard").toString();

        for (String expected : List.of(
                "over-trust: trust 79.2 but 50 % of answers say output often or always needs fixing",
                "under-trust: trust " + number(trust(ANSWERS.get("triage")))
                        + " though only 0 % of answers say output often or always needs fixing",
                "calibrated: trust 75 and 0 % of answers say output often or always needs fixing",
                "over-trust: trust 60 but 40 % of answers say output often or always needs fixing",
                "—  (hidden: fewer than 5 answers on correction)")) {
            assertThat(slackText).contains(expected);
            assertThat(teamsText).contains(expected);
        }
        assertThat(slackText).contains("*Trust calibration*");
        assertThat(teamsText).contains("Trust calibration");
    }

    @Test
    void theWorkflowPagePlotsThePointBetweenTheThresholdsAndAHiddenOneHasNone() throws Exception {
        Document drafting = svg(page("/workflows/drafting?week=" + WEEK));
        Element point = (Element) drafting.getElementsByTagName("circle").item(0);
        // The plot is 220 pixels square from (66, 16): trust 79.2 along, 50 % up.
        assertThat(point.getAttribute("cx")).isEqualTo(String.format(Locale.ROOT, "%.1f", 66 + 220 * 0.792));
        assertThat(point.getAttribute("cy")).isEqualTo(String.format(Locale.ROOT, "%.1f", 16 + 220 * 0.5));
        String page = page("/workflows/drafting?week=" + WEEK);
        assertThat(page).contains("Trust calibration", ">Over-trust<", ">79.2<", ">50 %<",
                "Over-trust: a trust index of 60 or more while 30 % or more");

        String notesPage = page("/workflows/notes?week=" + WEEK);
        assertThat(svg(notesPage).getElementsByTagName("circle").getLength()).isZero();
        assertThat(notesPage).contains(">Hidden<", "hidden: fewer than 5 answers on correction");
    }

    String page(String path) throws IOException {
        String token = Sessions.of(context).admin();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(path))
                .header("Cookie", Sessions.COOKIE + "=" + token).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static Document svg(String page) throws Exception {
        int start = page.indexOf("<svg", page.indexOf("calibration-h"));
        String svg = page.substring(start, page.indexOf("</svg>", start) + "</svg>".length());
        assertThat(svg).contains("calibration-plot");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
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

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    void dispatch() {
        context.getBean(Dispatcher.class).dispatchDue();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + ADMIN);
    }

    JsonNode get(String path) throws IOException {
        HttpResponse<String> response = send(admin(path).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> teamsPost(String activity) throws IOException {
        return send(HttpRequest.newBuilder(url("/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
