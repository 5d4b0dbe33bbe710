package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.time.MutableClock;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The running week read on a Monday. Seven of a ten-person team used the workflow in each of the five weeks before
 * (2026-W45 to W49); on Monday 7 December 2026 at 10:00 UTC one person has so far. The week so far says it is
 * partial, as of today, and does not read its 10% as a fall from last week's 70%: its drift is that of W49, the
 * last complete week, where nothing drifts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningWeekEndToEndTest extends EndToEndCalls {

    static final String ADMIN = "running-week-admin-token-0123456789";
    static final List<String> DAYS = List.of("2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01");

    MutableClock clock;

    @Override
    String adminToken() {
        return ADMIN;
    }

    @BeforeAll
    void start() throws Exception {
        Path file = Files.createTempFile("programmes", ".yaml");
        file.toFile().deleteOnExit();
        StringBuilder emails = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            emails.append(i == 1 ? "" : ", ").append("p").append(i).append("@example.com");
        }
        Files.writeString(file, """
                programmes:
                  - id: ops
                    name: Operations AI
                    sponsor: cfo@example.com
                    workflows:
                      - id: ledger
                        name: Invoice matching
                        owner: olga@example.com
                        stage: pilot
                        stage-since: 2026-11-02
                        audience: { emails: [%s] }
                        target-team-size: 10
                """.formatted(emails));
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("uptake.catalog", file.toString(),
                "uptake.admin-token", ADMIN, "uptake.test.clock-start", "2026-11-02T08:00:00Z"), "test");
        context = server.getApplicationContext();
        clock = context.getBean(MutableClock.class);
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
        List<String> rows = new ArrayList<>();
        for (String day : DAYS) {
            for (int p = 1; p <= 7; p++) {
                rows.add(use(p, day));
            }
        }
        rows.add(use(1, "2026-12-07"));
        assertThat(postUsage("weeks", rows).get("accepted").asInt()).isEqualTo(rows.size());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String use(int person, String day) {
        return "{\"workflow\": \"ledger\", \"email\": \"p" + person + "@example.com\", \"day\": \"" + day
                + "\", \"count\": 1}";
    }

    @Test
    void theWeekSoFarSaysItIsPartialAndJudgesDriftOnTheLastCompleteWeek() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=current");
        assertThat(card.get("week").asText()).isEqualTo("2026-W50");
        assertThat(card.get("soFar").asBoolean()).isTrue();
        assertThat(card.get("asOf").asText()).isEqualTo("2026-12-07");
        JsonNode ledger = workflow(card, "ledger");
        // So far: p1 of 10 = 10 %; last week p1..p7 = 70 %.
        assertThat(ledger.get("wauPercent").get("value").asDouble()).isEqualTo(10.0);
        assertThat(ledger.get("wauPercentPrevious").get("value").asDouble()).isEqualTo(70.0);
        JsonNode drift = ledger.get("drift");
        assertThat(drift.get("judgedOn").asText()).isEqualTo("2026-W49");
        // W46..W49 all at 70 %: no fall, at the 4-week peak of 70 %.
        assertThat(drift.get("fallingWeeks").asInt()).isZero();
        assertThat(drift.get("peakWauPercent").get("value").asDouble()).isEqualTo(70.0);
        assertThat(drift.get("dropFromPeak").get("value").asDouble()).isZero();
        assertThat(drift.get("flags")).isEmpty();
        assertThat(ledger.get("flags").toString()).doesNotContain("below its", "falling");
    }

    @Test
    void theCsvOfTheWeekSoFarSaysWhichWeekItsDriftIsJudgedOn() throws Exception {
        HttpResponse<String> response = send(admin("/api/v1/export/scorecard.csv?week=current").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("-so-far");
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(response.body())).getRecords().get(0);
        assertThat(List.of(row.get("wau_percent"), row.get("wau_falling_weeks"), row.get("wau_drop_from_peak_percent"),
                row.get("drift_judged_on"))).containsExactly("10", "0", "0", "2026-W49");
        HttpResponse<String> complete = send(admin("/api/v1/export/scorecard.csv?week=2026-W49").GET().build());
        assertThat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(complete.body())).getRecords().get(0).get("drift_judged_on")).isEmpty();
    }

    @Test
    void theLastCompleteWeekIsNotPartialAndIsJudgedOnItself() throws Exception {
        JsonNode card = get("/api/v1/scorecard");
        assertThat(card.get("week").asText()).isEqualTo("2026-W49");
        assertThat(card.get("soFar").asBoolean()).isFalse();
        assertThat(card.path("asOf").isMissingNode() || card.path("asOf").isNull()).isTrue();
        JsonNode drift = workflow(card, "ledger").get("drift");
        assertThat(drift.path("judgedOn").isMissingNode() || drift.path("judgedOn").isNull()).isTrue();
        assertThat(workflow(card, "ledger").get("wauPercent").get("value").asDouble()).isEqualTo(70.0);
    }

    @Test
    void theDigestPreviewOfTheWeekSoFarSaysNoFall() throws Exception {
        String text = get("/api/v1/digests/preview?programme=ops&week=current").get("text").asText();
        assertThat(text).contains("this week so far", "10% of 10 people, last week 70%",
                "Drift: to 2026-W49 (the last complete week): WAU not falling, at its 4-week peak of 70%");
        assertThat(text).doesNotContain("down from", "below its", "down 1 week");
    }

    @Test
    void theDashboardOfTheWeekSoFarJudgesDriftOnTheLastCompleteWeek() throws Exception {
        String workflowPage = page("/workflows/ledger?week=2026-W50");
        assertThat(workflowPage).contains("Drift, judged on <span>2026-W49</span>, the last complete week");
        assertThat(workflowPage).doesNotContain("below its", "falling 1 week");
        assertThat(page("/?week=2026-W50")).doesNotContain("below its", "down 1 week");
    }
}
