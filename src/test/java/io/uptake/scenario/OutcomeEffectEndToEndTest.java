package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.digest.board.BoardSummaries;
import io.uptake.time.MutableClock;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The measured effect of going live on an outcome, as the system of record feeds it per wave and leaders read it.
 * A programmes file rolls "intake" out in four waves: teams of 5, 6 and 7 people going live on 19 October and
 * 2 November 2026 and one still waiting in January, and a team of 3 going live later still (below the anonymity
 * threshold of 5, so left out). The finance system posts each team's hours per claim for the twelve weeks
 * W37–W48 through the admin API (JSON for waves 1 and 2, CSV for 3 and 4), and the workflow's own value without a
 * wave. The scorecard JSON, the CSV, the digest preview on Slack and Teams and the workflow page show the effect
 * worked out here by hand (difference-in-differences, interval by leaving one week out), and for a week before
 * any go-live the plain reason there is none; a post naming a wave the workflow does not have is refused whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeEffectEndToEndTest extends EndToEndCalls {

    static final String ADMIN = "outcome-effect-admin-token-0123456789";
    static final String WEEK = "2026-W48";
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate W37 = LocalDate.parse("2026-09-07");
    static final int WEEKS = 12;
    /** Each wave's go-live as a week index from W37 (12: after the data), and its team. */
    static final int[] GO_LIVE = {6, 8, 12, 12};
    static final int[] TEAM = {5, 6, 7, 3};
    /** Each wave's hours per claim in W37 … W48, to two decimals: level, a week shared by all, noise, −2 once live. */
    static final double[][] HOURS = new double[4][WEEKS];

    static {
        double[] level = {12, 10, 11, 9};
        double[] shared = {0.4, -0.2, 0.1, 0.3, -0.5, 0.2, 0.0, -0.3, 0.4, 0.1, -0.1, 0.2};
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < WEEKS; i++) {
                double value = level[w] + shared[i] + ((i * 7 + w * 3) % 5 - 2) * 0.1 + (i >= GO_LIVE[w] ? -2 : 0);
                HOURS[w][i] = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
            }
        }
    }

    MutableClock clock;
    HttpResponse<String> badWave;
    HttpResponse<String> badCsvWave;

    @Override
    String adminToken() {
        return ADMIN;
    }

    @BeforeAll
    void start() throws Exception {
        Path file = Files.createTempFile("programmes", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, """
                programmes:
                  - id: claims
                    name: Claims AI
                    sponsor: cfo@example.com
                    workflows:
                      - id: intake
                        name: Claim intake
                        owner: ida@example.com
                        stage: pilot
                        stage-since: 2026-09-01
                        outcome: { metric: Hours per claim, unit: hours, direction: down, baseline: 10, target: 6,
                                   by: 2027-Q2 }
                        waves:
                          - { audience: { emails: [a1@example.com] }, go-live: 2026-10-19, target-team-size: 5 }
                          - { audience: { emails: [b1@example.com] }, go-live: 2026-11-02, target-team-size: 6 }
                          - { audience: { emails: [c1@example.com] }, go-live: 2027-01-11, target-team-size: 7 }
                          - { audience: { emails: [d1@example.com] }, go-live: 2027-01-18, target-team-size: 3 }
                      - id: plain
                        name: Claim letters
                        owner: ida@example.com
                        stage: pilot
                        audience: { emails: [e1@example.com] }
                        target-team-size: 5
                        outcome: { metric: Letters per day, unit: letters, direction: up, baseline: 10, target: 20,
                                   by: 2027-Q2 }
                """);
        Map<String, Object> settings = new HashMap<>();
        settings.put("uptake.catalog", file.toString());
        settings.put("uptake.admin-token", ADMIN);
        settings.put("uptake.metrics.min-respondents", "5");
        server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        context = server.getApplicationContext();
        clock = context.getBean(MutableClock.class);
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));

        for (int w = 0; w < 2; w++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < WEEKS; i++) {
                values.add("{\"day\": \"" + day(i) + "\", \"value\": " + HOURS[w][i] + ", \"wave\": " + (w + 1)
                        + ", \"source\": \"claims-ledger\"}");
            }
            post("application/json", "{\"values\": [" + String.join(", ", values) + "]}");
        }
        StringBuilder csv = new StringBuilder("wave,day,value\n");
        for (int w = 2; w < 4; w++) {
            for (int i = 0; i < WEEKS; i++) {
                csv.append(w + 1).append(',').append(day(i)).append(',').append(HOURS[w][i]).append('\n');
            }
        }
        post("text/csv", csv.toString());
        // The workflow's own value, as before waves were fed: the claimed-vs-measured value stays this one.
        post("application/json", "{\"values\": [{\"day\": \"2026-11-24\", \"value\": 9.1}]}");
        // A wave the workflow does not have: nothing of the post is stored, not even its good first value.
        badWave = send("application/json", "{\"values\": [{\"day\": \"" + day(11) + "\", \"value\": 99, \"wave\": 1},"
                + " {\"day\": \"" + day(11) + "\", \"value\": 99, \"wave\": 7}]}");
        badCsvWave = send("text/csv", "day,value,wave\n" + day(11) + ",99,two\n");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static LocalDate day(int week) {
        return W37.plusWeeks(week).plusDays(1);
    }

    void post(String type, String body) throws IOException {
        HttpResponse<String> response = send(type, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> send(String type, String body) throws IOException {
        return send(admin("/api/v1/outcomes/intake/values").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The waves the estimate may use: teams of at least 5 people. */
    static boolean large(int wave) {
        return TEAM[wave] >= 5;
    }

    /**
     * The effect worked out by hand with week {@code without} left out (−1: none), and the live teams' mean before:
     * for each wave live in the data (go-live g) and each week t from g on, its change against its own mean before
     * g, less the mean change of the large teams not live by t; averaged over those weeks.
     */
    static double[] effect(int without) {
        double sum = 0;
        double before = 0;
        int cells = 0;
        for (int live = 0; live < 4; live++) {
            int g = GO_LIVE[live];
            if (!large(live) || g >= WEEKS) {
                continue;
            }
            for (int t = g; t < WEEKS; t++) {
                if (t == without) {
                    continue;
                }
                double comparison = 0;
                int waiting = 0;
                for (int other = 0; other < 4; other++) {
                    if (large(other) && GO_LIVE[other] > t) {
                        comparison += HOURS[other][t] - meanBefore(other, g, without);
                        waiting++;
                    }
                }
                if (waiting > 0) {
                    sum += HOURS[live][t] - meanBefore(live, g, without) - comparison / waiting;
                    before += meanBefore(live, g, without);
                    cells++;
                }
            }
        }
        return new double[] {sum / cells, before / cells};
    }

    static double meanBefore(int wave, int g, int without) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < g; i++) {
            if (i != without) {
                sum += HOURS[wave][i];
                n++;
            }
        }
        return sum / n;
    }

    /** The 95 % interval: leave each of the 12 weeks out in turn, se² = (n − 1)/n · Σ(θᵢ − θ̄)², t with 11 df. */
    static double[] interval() {
        double[] left = new double[WEEKS];
        for (int i = 0; i < WEEKS; i++) {
            left[i] = effect(i)[0];
        }
        double mean = Arrays.stream(left).average().orElseThrow();
        double squares = Arrays.stream(left).map(x -> (x - mean) * (x - mean)).sum();
        double se = Math.sqrt((WEEKS - 1.0) / WEEKS * squares);
        double t = 2.200985; // Student's t, 11 degrees of freedom, 97.5 %
        return new double[] {effect(-1)[0] - t * se, effect(-1)[0] + t * se};
    }

    static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String signed(double value) {
        String text = oneDecimal(Math.abs(value));
        return value < 0 ? "−" + text : "+" + text;
    }

    /** The line the digest and the page show, worked out here. */
    static String line() {
        double[] range = interval();
        return "Hours per claim: down " + oneDecimal(-effect(-1)[0]) + " hours (95% CI " + signed(range[0]) + " to "
                + signed(range[1]) + ") from going live, towards the target · 3 teams, 18 people, 12 weeks";
    }

    @Test
    void theScorecardShowsTheOutcomeEffectWorkedOutByHand() throws Exception {
        JsonNode outcomeEffect = workflow(get("/api/v1/scorecard?week=" + WEEK), "intake").get("outcomeEffect");
        JsonNode effect = outcomeEffect.get("effect");
        double[] range = interval();

        assertThat(effect(-1)[0]).isCloseTo(-2, within(0.3));
        assertThat(range[1]).isNegative();
        assertThat(outcomeEffect.get("metric").asText()).isEqualTo("Hours per claim");
        assertThat(outcomeEffect.get("direction").asText()).isEqualTo("down");
        assertThat(outcomeEffect.get("teams").asInt()).isEqualTo(3);
        assertThat(effect.get("kind").asText()).isEqualTo("estimate");
        assertThat(effect.get("effect").asDouble()).isCloseTo(effect(-1)[0], within(1e-9));
        assertThat(effect.get("low").asDouble()).isCloseTo(range[0], within(1e-6));
        assertThat(effect.get("high").asDouble()).isCloseTo(range[1], within(1e-6));
        assertThat(effect.get("before").asDouble()).isCloseTo(effect(-1)[1], within(1e-9));
        assertThat(effect.get("people").asInt()).isEqualTo(5 + 6 + 7);
        assertThat(effect.get("weeks").asInt()).isEqualTo(12);
    }

    @Test
    void valuesWithoutAWaveStayTheMeasuredValueBesideTheClaim() throws Exception {
        JsonNode outcome = workflow(get("/api/v1/scorecard?week=" + WEEK), "intake").get("outcome");

        assertThat(new BigDecimal(outcome.get("measured").asText())).isEqualByComparingTo("9.1");
        assertThat(outcome.get("measuredOn").asText()).isEqualTo("2026-11-24");
    }

    @Test
    void aWorkflowNotRolledOutInWavesHasNoOutcomeEffect() throws Exception {
        JsonNode plain = workflow(get("/api/v1/scorecard?week=" + WEEK), "plain");

        assertThat(plain.hasNonNull("outcomeEffect")).isFalse();
        assertThat(csv(WEEK).get("plain").get("outcome_effect_note")).isEmpty();
    }

    @Test
    void aWaveTheWorkflowDoesNotHaveRefusesTheWholePost() throws Exception {
        assertThat(badWave.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badWave.body()).get("message").asText()).contains("values[1]", "'wave' 7",
                "its waves are 1, 2, 3, 4", "Nothing was stored.");
        assertThat(badCsvWave.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badCsvWave.body()).get("message").asText()).contains("line 2", "'wave' \"two\"");
        // Wave 1's W48 value is still the one first posted, not 99.
        JsonNode effect = workflow(get("/api/v1/scorecard?week=" + WEEK), "intake").get("outcomeEffect")
                .get("effect");
        assertThat(effect.get("effect").asDouble()).isCloseTo(effect(-1)[0], within(1e-9));
    }

    @Test
    void beforeAnyGoLiveTheScorecardSaysWhyThereIsNoEstimate() throws Exception {
        JsonNode effect = workflow(get("/api/v1/scorecard?week=2026-W42"), "intake").get("outcomeEffect")
                .get("effect");

        assertThat(effect.get("kind").asText()).isEqualTo("not-estimable");
        assertThat(effect.get("words").asText()).isEqualTo("No wave has gone live yet.");
        assertThat(csv("2026-W42").get("intake").get("outcome_effect")).isEmpty();
        assertThat(csv("2026-W42").get("intake").get("outcome_effect_note")).isEqualTo("No wave has gone live yet.");
    }

    @Test
    void theCsvCarriesTheOutcomeEffectColumns() throws Exception {
        CSVRecord row = csv(WEEK).get("intake");
        double[] range = interval();
        double[] effect = effect(-1);

        assertThat(row.get("outcome_effect")).isEqualTo(plain(effect[0]));
        assertThat(row.get("outcome_effect_low")).isEqualTo(plain(range[0]));
        assertThat(row.get("outcome_effect_high")).isEqualTo(plain(range[1]));
        assertThat(row.get("outcome_effect_percent")).isEqualTo(plain(effect[0] / effect[1] * 100));
        assertThat(List.of(row.get("outcome_effect_teams"), row.get("outcome_effect_people"),
                row.get("outcome_effect_weeks"))).containsExactly("3", "18", "12");
        assertThat(row.get("outcome_effect_note")).startsWith("95% interval; difference-in-differences");
    }

    @Test
    void theDigestOnSlackAndTeamsSaysTheOutcomeEffect() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=claims&week=" + WEEK);

        assertThat(preview.get("blockKit").toString()).contains("Measured effect on outcome", line());
        assertThat(preview.get("adaptiveCard").toString()).contains("Measured effect on outcome", line());
        JsonNode early = get("/api/v1/digests/preview?programme=claims&week=2026-W42");
        assertThat(early.get("blockKit").toString()).contains("No estimate: No wave has gone live yet.");
        assertThat(early.get("adaptiveCard").toString()).contains("No estimate: No wave has gone live yet.");
    }

    @Test
    void theWorkflowPageShowsTheOutcomeEffect() throws Exception {
        assertThat(page("/workflows/intake?week=" + WEEK)).contains("Measured effect on outcome", line());
        // The quarter's board summary, read on demand while the quarter runs, gives the same line.
        BoardSummaries.Page board = context.getBean(BoardSummaries.class).page("claims", "2026-Q4");
        assertThat(((BoardSummaries.Page.Png) board).page().lines()).contains("Measured effect on outcome: " + line());
        assertThat(page("/workflows/plain?week=" + WEEK)).doesNotContain("Measured effect on outcome");
    }

    /** One decimal as the CSV writes it: no trailing zeros. */
    static String plain(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString().toLowerCase(Locale.ROOT);
    }

    Map<String, CSVRecord> csv(String week) throws IOException {
        String body = send(admin("/api/v1/export/scorecard.csv?week=" + week).GET().build()).body();
        Map<String, CSVRecord> rows = new HashMap<>();
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(body))
                .getRecords().forEach(r -> rows.put(r.get("workflow"), r));
        return rows;
    }
}
