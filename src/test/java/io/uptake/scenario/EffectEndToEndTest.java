package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.pulse.OpenRound;
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
 * The measured effect as people and leaders meet it. A programmes file rolls one workflow out in four waves, one
 * on each audience kind (an emails list, a Slack channel, a Slack user group, a Teams team), going live on 16 and
 * 23 November and 14 and 21 December 2026. Each Tuesday from 3 November to 1 December the pulse's schedule opens
 * its round: members of waves already live get the pulse, members of waves not yet live get the one-question
 * pre-rollout pulse on cycle time. Everyone answers by pressing the buttons the Slack and Teams fakes recorded,
 * through the real endpoints. The scorecard JSON, the CSV, the digest preview on Slack and Teams and the workflow
 * page then show the effect worked out here by hand, and for a week before any go-live, the plain reason there
 * is none. The file types no cycle-time baseline, so the pre-rollout answers give it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectEndToEndTest extends EndToEndCalls {

    @Override
    String adminToken() {
        return ADMIN;
    }

    static final String ADMIN = "effect-admin-token-0123456789";
    static final String TEAM = "19:eff@thread.tacv2";
    static final String WEEK = "2026-W49";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Tuesdays of weeks W45 to W49, when the pulse's rounds open. */
    static final List<LocalDate> TUESDAYS = IntStream.range(0, 5)
            .mapToObj(i -> LocalDate.parse("2026-11-03").plusWeeks(i)).toList();

    /**
     * Each person's cycle-time answer in minutes in W45 … W49. Wave 1 (e…, live from W47) drops from 30 to 15
     * (e3 from 50 to 30); wave 2 (c…, live from W48) from 30 to 15 (c3 from 15 to 8); of the waves still waiting,
     * g1 rises from 15 to 30 in W47, everyone else stays as they were.
     */
    static final Map<String, int[]> MINUTES = new LinkedHashMap<>();

    static {
        MINUTES.put("e1@example.com", new int[] {30, 30, 15, 15, 15});
        MINUTES.put("e2@example.com", new int[] {30, 30, 15, 15, 15});
        MINUTES.put("e3@example.com", new int[] {50, 50, 30, 30, 30});
        MINUTES.put("c1@example.com", new int[] {30, 30, 30, 15, 15});
        MINUTES.put("c2@example.com", new int[] {30, 30, 30, 15, 15});
        MINUTES.put("c3@example.com", new int[] {15, 15, 15, 8, 8});
        MINUTES.put("g1@example.com", new int[] {15, 15, 30, 30, 30});
        MINUTES.put("g2@example.com", new int[] {30, 30, 30, 30, 30});
        MINUTES.put("g3@example.com", new int[] {8, 8, 8, 8, 8});
        MINUTES.put("t1@example.com", new int[] {30, 30, 30, 30, 30});
        MINUTES.put("t2@example.com", new int[] {15, 15, 15, 15, 15});
        MINUTES.put("t3@example.com", new int[] {50, 50, 50, 50, 50});
    }

    /** The index of each person's go-live week among W45 … W49 (5: after the last). */
    static int goLive(String email) {
        return switch (email.charAt(0)) {
            case 'e' -> 2;
            case 'c' -> 3;
            default -> 5;
        };
    }

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();
    MutableClock clock;
    final Map<String, String> chatIds = new HashMap<>();
    /** Per week, the questions each person's card asked. */
    final List<Map<String, List<String>>> asked = new ArrayList<>();

    static List<String> emails(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    /** The workflow's {@code cycle-time:} line in the programmes file, indented; none here. */
    String cycleTime() {
        return "";
    }

    @BeforeAll
    void start() throws Exception {
        clock = startService("""
                programmes:
                  - id: eff
                    name: Legal AI
                    sponsor: cfo@example.com
                    workflows:
                      - id: review
                        name: Contract review
                        owner: lee@example.com
                        stage: pilot
                        stage-since: 2026-10-01
                %s        waves:
                          - { audience: { emails: [%s] }, go-live: 2026-11-16, target-team-size: 3 }
                          - { audience: { slack-channel: C0EFF }, go-live: 2026-11-23, target-team-size: 3 }
                          - { audience: { slack-usergroup: S0EFF }, go-live: 2026-12-14, target-team-size: 3 }
                          - { audience: { teams-team: "%s" }, go-live: 2026-12-21, target-team-size: 3 }
                pulses:
                  - id: review-pulse
                    workflow: review
                    schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                    questions: [usage, cycle-time]
                    mode: confidential
                """.formatted(cycleTime(), String.join(", ", emails("e", 3)), TEAM), slack, teams,
                Map.of("uptake.metrics.min-respondents", "3", "uptake.pulses.pre-rollout.weeks", "8"));
        clock.set(Instant.parse("2026-11-02T08:00:00Z"));

        List<ScenarioPerson> slackPeople = new ArrayList<>();
        for (String email : TrustCalibrationEndToEndTest.concat(emails("e", 3), emails("c", 3), emails("g", 3))) {
            String id = "U" + email.substring(0, email.indexOf('@')).toUpperCase(Locale.ROOT);
            chatIds.put(email, id);
            slackPeople.add(new ScenarioPerson(email, email, "Europe/London", "en-GB", Platform.SLACK, id));
        }
        slack.directory(slackPeople, Map.of("C0EFF", emails("c", 3).stream().map(chatIds::get).toList()),
                Map.of("S0EFF", emails("g", 3).stream().map(chatIds::get).toList()));
        List<ScenarioPerson> teamsPeople = new ArrayList<>();
        for (String email : emails("t", 3)) {
            String id = "29:" + email.substring(0, email.indexOf('@'));
            chatIds.put(email, id);
            teamsPeople.add(new ScenarioPerson(email, email, "Europe/London", "en-GB", Platform.TEAMS, id));
        }
        assertThat(teamsPost(teams.botAddedToTeam(TEAM, "29:t1")).statusCode()).isLessThan(300);
        teams.roster(TEAM, teamsPeople);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();

        for (int week = 0; week < TUESDAYS.size(); week++) {
            answerWeek(week);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    /** The schedule opens the week's rounds; everyone answers the card they got. */
    void answerWeek(int week) throws Exception {
        LocalDate tuesday = TUESDAYS.get(week);
        clock.set(tuesday.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC));
        int slackFrom = slack.api().calls("chat.postMessage").size();
        int teamsFrom = teams.posted().size();
        context.getBean(OpenRound.class).scheduled("review-pulse", tuesday);
        dispatch();
        Map<String, List<String>> questions = new HashMap<>();
        for (Map.Entry<String, int[]> person : MINUTES.entrySet()) {
            String id = chatIds.get(person.getKey());
            String minutes = Integer.toString(person.getValue()[week]);
            if (id.startsWith("U")) {
                Map<Long, List<SlackSide.Button>> cards = slack.pulseButtons(id, slackFrom);
                assertThat(cards).as("one card for " + person.getKey() + " in week " + week).hasSize(1);
                List<SlackSide.Button> buttons = cards.values().iterator().next();
                questions.put(person.getKey(), buttons.stream().map(b -> SlackSide.questionAndValue(b)[0])
                        .distinct().toList());
                clickSlack(buttons, id, "cycle-time", minutes);
            } else {
                List<JsonNode> data = teamsCard(id, teamsFrom);
                questions.put(person.getKey(), data.stream().map(d -> d.path("question").asText()).distinct()
                        .toList());
                clickTeams(data, id, "cycle-time", minutes);
            }
        }
        asked.add(questions);
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

    /** The answer actions of the last pulse card the bot posted into the person's chat since {@code from}. */
    List<JsonNode> teamsCard(String userId, int from) {
        List<FakeBotConnector.Call> posted = teams.posted();
        List<JsonNode> found = null;
        for (int i = from; i < posted.size(); i++) {
            List<JsonNode> data = TeamsSide.answerData(posted.get(i).card());
            if (userId.equals(teams.userOf(posted.get(i))) && !data.isEmpty()) {
                found = data;
            }
        }
        assertThat(found).as("a pulse card for " + userId).isNotNull();
        return found;
    }

    /** Chooses the answer and sends it, as the Teams card's choice and Send button do. */
    void clickTeams(List<JsonNode> data, String userId, String question, String value) throws Exception {
        for (JsonNode button : data) {
            boolean choice = !button.has("value");
            if (button.path("question").asText().equals(question)
                    && (choice || button.path("value").asText().equals(value))) {
                JsonNode d = choice ? ((ObjectNode) button.deepCopy()).put("answer." + question, value) : button;
                HttpResponse<String> response = teamsPost(teams.execute(userId, d));
                assertThat(response.statusCode()).isEqualTo(200);
                dispatch();
                return;
            }
        }
        throw new AssertionError("no " + question + " " + value + " action for " + userId);
    }

    /**
     * The effect worked out by hand, leaving out one person ({@code null}: nobody): for each wave live in the data
     * (go-live week g) and each week t from g on, the live wave's mean change against their own mean before g,
     * less the same of the people whose wave is not live by t; averaged over those weeks, each by its live people.
     */
    static double effect(String without) {
        double weighted = 0;
        int weights = 0;
        for (int g : new int[] {2, 3}) {
            for (int t = g; t < 5; t++) {
                double live = 0;
                int nLive = 0;
                double waiting = 0;
                int nWaiting = 0;
                for (Map.Entry<String, int[]> p : MINUTES.entrySet()) {
                    if (p.getKey().equals(without)) {
                        continue;
                    }
                    double before = 0;
                    for (int w = 0; w < g; w++) {
                        before += p.getValue()[w];
                    }
                    double change = p.getValue()[t] - before / g;
                    if (goLive(p.getKey()) == g) {
                        live += change;
                        nLive++;
                    } else if (goLive(p.getKey()) > t) {
                        waiting += change;
                        nWaiting++;
                    }
                }
                weighted += nLive * (live / nLive - waiting / nWaiting);
                weights += nLive;
            }
        }
        return weighted / weights;
    }

    /** The 95 % interval: leave each person out in turn, se² = (n − 1)/n · Σ(θᵢ − θ̄)², t with 11 degrees. */
    static double[] interval() {
        List<String> people = new ArrayList<>(MINUTES.keySet());
        double[] left = people.stream().mapToDouble(EffectEndToEndTest::effect).toArray();
        double mean = java.util.Arrays.stream(left).average().orElseThrow();
        double squares = java.util.Arrays.stream(left).map(x -> (x - mean) * (x - mean)).sum();
        int n = people.size();
        double se = Math.sqrt((n - 1.0) / n * squares);
        double t = 2.200985; // Student's t, 11 degrees of freedom, 97.5 %
        return new double[] {effect(null) - t * se, effect(null) + t * se};
    }

    static String signed(long whole) {
        return whole < 0 ? "−" + -whole : whole > 0 ? "+" + whole : "0";
    }

    /** The digest's line, worked out here. */
    static String line() {
        double[] range = interval();
        return "Cycle time " + signed(Math.round(effect(null))) + " min (" + signed(Math.round(range[0])) + " to "
                + signed(Math.round(range[1])) + ", 95%) from going live · 12 people, 5 weeks";
    }

    @Test
    void wavesNotYetLiveGetOnlyTheCycleTimeQuestionBeforeTheirGoLive() {
        for (int week = 0; week < TUESDAYS.size(); week++) {
            for (String email : MINUTES.keySet()) {
                List<String> expected = goLive(email) <= week ? List.of("usage", "cycle-time")
                        : List.of("cycle-time");
                assertThat(asked.get(week).get(email)).as(email + " in week " + week).isEqualTo(expected);
            }
        }
    }

    @Test
    void theScorecardShowsTheEffectWorkedOutByHand() throws Exception {
        JsonNode effect = workflow(get("/api/v1/scorecard?week=" + WEEK), "review").get("effect");
        double[] range = interval();

        // Weeks W47–W49 for wave 1 (−50/3 against +15/9, then +15/6 twice) and W48–W49 for wave 2 (−37/3 against
        // +10/6): (−18.33 − 19.17 − 19.17 − 14 − 14) / 5.
        assertThat(effect(null)).isCloseTo(-84.6667 / 5, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(effect.get("kind").asText()).isEqualTo("estimate");
        assertThat(effect.get("effect").asDouble()).isCloseTo(effect(null),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(effect.get("low").asDouble()).isCloseTo(range[0], org.assertj.core.api.Assertions.within(0.01));
        assertThat(effect.get("high").asDouble()).isCloseTo(range[1], org.assertj.core.api.Assertions.within(0.01));
        // The live waves' minutes before: (30 + 30 + 50) for wave 1's three weeks, (30 + 30 + 15) for wave 2's two.
        assertThat(effect.get("before").asDouble()).isCloseTo(32.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(effect.get("people").asInt()).isEqualTo(12);
        assertThat(effect.get("weeks").asInt()).isEqualTo(5);
        assertThat(range[1]).isNegative();
    }

    @Test
    void thePreRolloutAnswersGiveTheBaselineTheFileDoesNotType() throws Exception {
        JsonNode review = workflow(get("/api/v1/scorecard?week=" + WEEK), "review");
        // Answers before each person's go-live: 8 ×5, 15 ×10, 30 ×23, 50 ×7; the 23rd of 45 is 30.
        List<Integer> before = new ArrayList<>();
        MINUTES.forEach((email, minutes) -> {
            for (int w = 0; w < Math.min(goLive(email), 5); w++) {
                before.add(minutes[w]);
            }
        });
        before.sort(Integer::compare);
        assertThat(before).hasSize(45);
        assertThat(before.get(22)).isEqualTo(30);
        // W49's pulse: the live waves' 15, 15, 30, 15, 15, 8: median 15, −50 % against 30.
        assertThat(review.get("cycleTimeMedian").get("value").asDouble()).isEqualTo(15.0);
        assertThat(review.get("cycleBaseline").get("minutes").asDouble()).isEqualTo(30.0);
        assertThat(review.get("cycleBaseline").get("source").asText()).isEqualTo("sampled");
        assertThat(review.get("cycleBaseline").get("people").asInt()).isEqualTo(12);
        assertThat(review.get("cycleTimeDeltaPercent").get("value").asDouble()).isEqualTo(-50.0);
        CSVRecord row = csv(WEEK).get("review");
        assertThat(List.of(row.get("cycle_time_baseline_minutes"), row.get("cycle_time_baseline_source"),
                row.get("cycle_time_baseline_people"), row.get("cycle_time_delta_percent")))
                .containsExactly("30", "sampled", "12", "-50");
        JsonNode preview = get("/api/v1/digests/preview?programme=eff&week=" + WEEK);
        assertThat(preview.get("blockKit").toString()).contains("−50% vs baseline sampled in chat, 12 people "
                + "(median 15 min)");
        assertThat(preview.get("adaptiveCard").toString()).contains("−50% vs baseline sampled in chat, 12 people");
        assertThat(page("/workflows/review?week=" + WEEK)).contains("Cycle-time baseline: 30 min, sampled in chat, "
                + "12 people");
    }

    @Test
    void beforeAnyGoLiveTheScorecardSaysWhyThereIsNoEstimate() throws Exception {
        JsonNode effect = workflow(get("/api/v1/scorecard?week=2026-W46"), "review").get("effect");

        assertThat(effect.get("kind").asText()).isEqualTo("not-estimable");
        assertThat(effect.get("words").asText()).isEqualTo("No wave has gone live yet.");
        assertThat(effect.has("effect")).isFalse();
    }

    @Test
    void theCsvCarriesTheEffectColumns() throws Exception {
        CSVRecord row = csv(WEEK).get("review");
        double[] range = interval();

        assertThat(Double.parseDouble(row.get("effect_minutes"))).isEqualTo(Math.round(effect(null) * 10) / 10.0);
        assertThat(Double.parseDouble(row.get("effect_low"))).isEqualTo(Math.round(range[0] * 10) / 10.0);
        assertThat(Double.parseDouble(row.get("effect_high"))).isEqualTo(Math.round(range[1] * 10) / 10.0);
        assertThat(Double.parseDouble(row.get("effect_percent")))
                .isEqualTo(Math.round(effect(null) / 32 * 1000) / 10.0);
        assertThat(row.get("effect_people")).isEqualTo("12");
        assertThat(row.get("effect_weeks")).isEqualTo("5");
        assertThat(row.get("effect_note")).startsWith("95% interval; difference-in-differences");
        CSVRecord before = csv("2026-W46").get("review");
        assertThat(before.get("effect_minutes")).isEmpty();
        assertThat(before.get("effect_note")).isEqualTo("No wave has gone live yet.");
    }

    @Test
    void theDigestOnSlackAndTeamsSaysTheEffectOrWhyThereIsNone() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=eff&week=" + WEEK);
        assertThat(line()).startsWith("Cycle time −17 min (");
        assertThat(preview.get("blockKit").toString()).contains(line());
        assertThat(preview.get("adaptiveCard").toString()).contains(line());

        JsonNode early = get("/api/v1/digests/preview?programme=eff&week=2026-W46");
        assertThat(early.get("blockKit").toString()).contains("No estimate: No wave has gone live yet.");
        assertThat(early.get("adaptiveCard").toString()).contains("No estimate: No wave has gone live yet.");
    }

    @Test
    void theWorkflowPageShowsTheEffect() throws Exception {
        String page = page("/workflows/review?week=" + WEEK);

        assertThat(page).contains("Measured effect", line());
        assertThat(page("/workflows/review?week=2026-W46")).contains("No estimate: No wave has gone live yet.");
    }

    Map<String, CSVRecord> csv(String week) throws IOException {
        String body = send(admin("/api/v1/export/scorecard.csv?week=" + week).GET().build()).body();
        Map<String, CSVRecord> rows = new HashMap<>();
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(body))
                .getRecords().forEach(r -> rows.put(r.get("workflow"), r));
        return rows;
    }

    static JsonNode workflow(JsonNode card, String id) {
        return TrustCalibrationEndToEndTest.workflow(card, id);
    }
}
