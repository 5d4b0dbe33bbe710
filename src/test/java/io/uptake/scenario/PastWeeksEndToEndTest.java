package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.digest.board.BoardSummaries;
import io.uptake.time.MutableClock;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A past week is scored with the workflows Uptake knew by its end. The programmes file loaded on Monday 20 July 2026
 * declares one workflow (invoice matching, four people); on Wednesday 11 November (2026-W46) the file adds ticket
 * triage (five people) "in pilot since 1 September", and its telemetry is back-filled. The weeks before W46 read as
 * they did before the reload (scorecard JSON, CSV export, digest preview), the running week shows the new workflow,
 * and the board summary of 2026-Q4 shows it as not yet known ("–") in W40 to W45.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastWeeksEndToEndTest extends EndToEndCalls {

    static final String ADMIN = "past-weeks-admin-token-0123456789";
    static final String LEDGER = """
                  - id: ledger
                    name: Invoice matching
                    owner: olga@example.com
                    stage: pilot
                    stage-since: 2026-07-01
                    audience: { emails: [e1@example.com, e2@example.com, e3@example.com, e4@example.com] }
                    target-team-size: 4
            """;
    static final String TRIAGE = """
                  - id: triage
                    name: Ticket triage
                    owner: pam@example.com
                    stage: pilot
                    stage-since: 2026-09-01
                    audience: { emails: [t1@example.com, t2@example.com, t3@example.com, t4@example.com,
                                         t5@example.com] }
                    target-team-size: 5
            """;

    Path file;
    MutableClock clock;
    final Map<String, JsonNode> before = new HashMap<>();

    @Override
    String adminToken() {
        return ADMIN;
    }

    static String programmes(String workflows) {
        return """
                programmes:
                  - id: ops
                    name: Operations AI
                    sponsor: cfo@example.com
                    workflows:
                """ + workflows;
    }

    @BeforeAll
    void start() throws Exception {
        file = Files.createTempFile("programmes", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, programmes(LEDGER));
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("uptake.catalog", file.toString(),
                "uptake.admin-token", ADMIN, "uptake.test.clock-start", "2026-07-20T09:00:00Z"), "test");
        context = server.getApplicationContext();
        clock = context.getBean(MutableClock.class);

        // Monday of W46: invoice matching's use in W30 (3 of 4), W37 (2 of 4) and W45 (4 of 4).
        clock.set(Instant.parse("2026-11-09T09:00:00Z"));
        usage("ledger-past", List.of(use("ledger", "e1", "2026-07-21"), use("ledger", "e2", "2026-07-21"),
                use("ledger", "e3", "2026-07-21"), use("ledger", "e1", "2026-09-08"), use("ledger", "e2", "2026-09-08"),
                use("ledger", "e1", "2026-11-03"), use("ledger", "e2", "2026-11-03"), use("ledger", "e3", "2026-11-03"),
                use("ledger", "e4", "2026-11-03")));
        for (String week : List.of("2026-W30", "2026-W37", "2026-W45")) {
            before.put(week, get("/api/v1/scorecard?week=" + week));
        }

        // Wednesday of W46: the file adds ticket triage with a start in the past, and its use is back-filled.
        clock.set(Instant.parse("2026-11-11T09:00:00Z"));
        Files.writeString(file, programmes(LEDGER + TRIAGE));
        HttpResponse<String> reloaded = send(admin("/api/v1/catalog/reload").POST(HttpRequest.BodyPublishers
                .noBody()).build());
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (String t : List.of("t1", "t2", "t3", "t4", "t5")) {
            rows.add(use("triage", t, "2026-09-08"));
            rows.add(use("triage", t, "2026-11-03"));
        }
        for (String t : List.of("t1", "t2", "t3", "t4")) {
            rows.add(use("triage", t, "2026-11-10"));
        }
        rows.add(use("ledger", "e1", "2026-11-10"));
        usage("triage-backfill", rows);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPastWeekReadsAsItDidBeforeAWorkflowWithAnEarlierStartWasAdded() throws Exception {
        for (String week : List.of("2026-W30", "2026-W37", "2026-W45")) {
            JsonNode after = get("/api/v1/scorecard?week=" + week);
            // Everything but the telemetry's freshness, which is judged at each read ("data as of" moved on).
            assertThat(withoutFreshness(after)).as(week).isEqualTo(withoutFreshness(before.get(week)));
            JsonNode ops = after.get("programmes").get(0);
            assertThat(ops.get("workflows")).hasSize(1);
            assertThat(ops.get("workflows").get(0).get("workflowId").asText()).isEqualTo("ledger");
            // Only invoice matching was ever a pilot by then: one pilot, none promoted.
            assertThat(ops.get("pilotToProductionPercent").get("n").asInt()).as(week).isEqualTo(1);
        }
        // W37: e1 and e2 of 4 = 50 %; W45: 4 of 4.
        assertThat(workflow(get("/api/v1/scorecard?week=2026-W37"), "ledger").get("wauPercent").get("value")
                .asDouble()).isEqualTo(50.0);
        assertThat(workflow(get("/api/v1/scorecard?week=2026-W45"), "ledger").get("wauPercent").get("value")
                .asDouble()).isEqualTo(100.0);
    }

    @Test
    void thePastWeeksCsvExportLeavesOutTheWorkflowNotYetKnown() throws Exception {
        List<CSVRecord> rows = csv("/api/v1/export/scorecard.csv?week=2026-W37");
        assertThat(rows).extracting(r -> r.get("workflow")).containsExactly("ledger");
        assertThat(rows.get(0).get("wau_percent")).isEqualTo("50");
        List<CSVRecord> running = csv("/api/v1/export/scorecard.csv?week=2026-W46");
        assertThat(running).extracting(r -> r.get("workflow")).containsExactlyInAnyOrder("ledger", "triage");
    }

    @Test
    void theRunningWeekShowsTheNewWorkflow() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=current");
        assertThat(card.get("week").asText()).isEqualTo("2026-W46");
        // Triage in W46: t1..t4 of 5 = 80 %; invoice matching: e1 of 4 = 25 %.
        assertThat(workflow(card, "triage").get("wauPercent").get("value").asDouble()).isEqualTo(80.0);
        assertThat(workflow(card, "ledger").get("wauPercent").get("value").asDouble()).isEqualTo(25.0);
        assertThat(card.get("programmes").get(0).get("pilotToProductionPercent").get("n").asInt()).isEqualTo(2);
    }

    @Test
    void theDigestPreviewOfAPastWeekDoesNotMentionTheNewWorkflow() throws Exception {
        assertThat(get("/api/v1/digests/preview?programme=ops&week=2026-W37").get("text").asText())
                .contains("Invoice matching").doesNotContain("Ticket triage");
        assertThat(get("/api/v1/digests/preview?programme=ops&week=current").get("text").asText())
                .contains("Invoice matching", "Ticket triage");
    }

    @Test
    void theBoardSummaryShowsTheWeeksBeforeTheWorkflowWasKnownAsNotScored() throws Exception {
        clock.set(Instant.parse("2027-01-05T09:00:00Z"));
        try {
            BoardSummaries.Page.Png q4 = (BoardSummaries.Page.Png) context.getBean(BoardSummaries.class)
                    .page("ops", "2026-Q4");
            HttpResponse<byte[]> served = http.send(admin("/api/v1/programmes/ops/board-summary.png?quarter=2026-Q4")
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(q4.png());
            List<String> lines = q4.page().lines();
            String triage = lines.stream().filter(l -> l.startsWith("Ticket triage: ")).findFirst().orElseThrow();
            String[] cells = triage.substring("Ticket triage: ".length()).split(" \\| ");
            // W40 to W53: fourteen weeks; W40–W45 before Uptake knew it, W46 its first week (80 %).
            assertThat(cells).hasSize(14);
            assertThat(List.of(cells).subList(0, 6)).containsOnly("–");
            assertThat(cells[6]).endsWith(" 80%");
            String ledger = lines.stream().filter(l -> l.startsWith("Invoice matching: ")).findFirst().orElseThrow();
            assertThat(ledger).doesNotContain("–");
            assertThat(ledger.split(" \\| ")[5]).endsWith(" 100%");

            List<String> q3 = ((BoardSummaries.Page.Png) context.getBean(BoardSummaries.class).page("ops", "2026-Q3"))
                    .page().lines();
            assertThat(q3).noneMatch(l -> l.contains("Ticket triage"));
            assertThat(q3).anyMatch(l -> l.startsWith("Invoice matching: "));
        } finally {
            clock.set(Instant.parse("2026-11-11T09:00:00Z"));
        }
    }

    private static JsonNode withoutFreshness(JsonNode card) {
        JsonNode programmes = card.get("programmes").deepCopy();
        programmes.forEach(p -> p.get("workflows").forEach(w -> ((ObjectNode) w).remove("freshness")));
        return programmes;
    }

    private List<CSVRecord> csv(String path) throws Exception {
        HttpResponse<String> response = send(admin(path).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(response.body())).getRecords();
    }

    private void usage(String batch, List<String> rows) throws Exception {
        assertThat(postUsage(batch, rows).get("accepted").asInt()).isEqualTo(rows.size());
    }

    private static String use(String workflow, String person, String day) {
        return "{\"workflow\": \"" + workflow + "\", \"email\": \"" + person + "@example.com\", \"day\": \"" + day
                + "\", \"count\": 1}";
    }
}
