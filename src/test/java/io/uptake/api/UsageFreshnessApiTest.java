package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Data as of" and late sources as a reader meets them, through the real endpoints: a workflow pulled from GitHub
 * Copilot whose last pull failed three days after its newest day (late: GitHub's lag is 2 days), one from
 * Microsoft 365 Copilot whose reports hide user names (on time, its lag set to 3 days here), one fed by posted
 * files, and one with no telemetry at all. Checked in the scorecard JSON and CSV, the digest preview as Slack and
 * Teams would get it, and {@code /health}, which stays UP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageFreshnessApiTest implements TestPropertyProvider {

    static final String TOKEN = "usage-freshness-test-token";
    static final Instant NOW = Instant.parse("2026-11-19T10:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    /** The last complete week on {@link #NOW}: 2026-W46. */
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");
    static final LocalDate COPILOT_THROUGH = TODAY.minusDays(3);
    static final LocalDate M365_THROUGH = TODAY.minusDays(2);
    static final LocalDate FILES_THROUGH = MONDAY.plusDays(3);
    static final String COPILOT_ERROR = "GitHub answered 401: Bad credentials";
    static final ObjectMapper JSON = new ObjectMapper();

    final ProgrammesFile file = ProgrammesFile.create("""
            programmes:
              - id: dev-ai
                name: Developer assistants
                sponsor: cto@example.com
                workflows:
                  - id: pairing
                    name: Pairing with Copilot
                    owner: lee@example.com
                    audience: { emails: [a1@example.com, a2@example.com, a3@example.com, a4@example.com] }
                    usage: { source: github-copilot }
                  - id: minutes
                    name: Meeting minutes
                    owner: lee@example.com
                    audience: { emails: [a1@example.com, a2@example.com] }
                    usage: { source: microsoft-365-copilot }
                  - id: drafting
                    name: Drafting
                    owner: lee@example.com
                    audience: { emails: [a1@example.com, a2@example.com, a3@example.com] }
                  - id: survey
                    name: Survey only
                    owner: lee@example.com
                    audience: { emails: [a1@example.com, a2@example.com] }
            """);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DataSource dataSource;
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.path().toString(),
                "uptake.test.clock-start", NOW.toString(),
                "uptake.usage.expected-lag.microsoft-365-copilot", "3");
    }

    @BeforeAll
    void seed() throws SQLException {
        post("pairing-w46", List.of(row("pairing", "a1@example.com", MONDAY.plusDays(1)),
                row("pairing", "a2@example.com", MONDAY.plusDays(2))));
        post("drafting-w46", List.of(row("drafting", "a1@example.com", MONDAY),
                row("drafting", "a3@example.com", FILES_THROUGH)));
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            source(c, "github-copilot", COPILOT_THROUGH, COPILOT_ERROR, false);
            source(c, "microsoft-365-copilot", M365_THROUGH, null, true);
        }
    }

    /** A source's row as the usage feature keeps it: the last attempt this morning, the last success after its day. */
    private static void source(Connection c, String source, LocalDate through, String error, boolean anonymised)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage_source (source, delivered_through, "
                + "last_attempt_at, last_success_at, last_error, anonymised, last_stored) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, source);
            ps.setDate(2, Date.valueOf(through));
            ps.setTimestamp(3, Timestamp.from(NOW.minus(4, ChronoUnit.HOURS)));
            ps.setTimestamp(4, Timestamp.from(through.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC)));
            ps.setString(5, error);
            ps.setBoolean(6, anonymised);
            ps.setInt(7, anonymised ? 0 : 2);
            ps.executeUpdate();
        }
    }

    @Test
    void theScorecardSaysAsOfWhenEachWorkflowsTelemetryIsAndWhichSourceIsLate() throws Exception {
        JsonNode card = get("/api/v1/scorecard?week=2026-W46");

        JsonNode pairing = workflow(card, "pairing").get("freshness");
        assertThat(pairing.get("source").asText()).isEqualTo("github-copilot");
        assertThat(pairing.get("dataAsOf").asText()).isEqualTo(COPILOT_THROUGH.toString());
        assertThat(pairing.get("daysBehind").asInt()).isEqualTo(3);
        assertThat(pairing.get("expectedLagDays").asInt()).isEqualTo(2);
        assertThat(pairing.get("stale").asBoolean()).isTrue();
        assertThat(pairing.get("lastPullFailed").asBoolean()).isTrue();
        String late = workflow(card, "pairing").get("reasons").get(0).asText();
        assertThat(late).startsWith("usage data late").contains(COPILOT_THROUGH.toString(), "3 days ago");
        assertThat(texts(workflow(card, "pairing").get("flags"))).contains(late);
        assertThat(texts(card.get("programmes").get(0).get("reasons"))).contains("Pairing with Copilot: " + late);

        JsonNode minutes = workflow(card, "minutes").get("freshness");
        assertThat(minutes.get("dataAsOf").asText()).isEqualTo(M365_THROUGH.toString());
        assertThat(minutes.get("expectedLagDays").asInt()).isEqualTo(3);
        assertThat(minutes.get("stale").asBoolean()).isFalse();
        assertThat(minutes.get("anonymised").asBoolean()).isTrue();
        assertThat(texts(workflow(card, "minutes").get("flags"))).anyMatch(f -> f.startsWith("usage hidden"));

        JsonNode drafting = workflow(card, "drafting").get("freshness");
        assertThat(drafting.get("source").asText()).isEqualTo("file");
        assertThat(drafting.get("dataAsOf").asText()).isEqualTo(FILES_THROUGH.toString());
        assertThat(drafting.get("daysBehind").asInt()).isEqualTo((int) ChronoUnit.DAYS.between(FILES_THROUGH, TODAY));
        assertThat(drafting.get("stale").asBoolean()).isFalse();

        JsonNode survey = workflow(card, "survey").get("freshness");
        assertThat(survey == null || survey.isNull()).as("no telemetry, no data as of").isTrue();
    }

    @Test
    void theCsvGivesTheFreshnessColumnsAfterTheFlags() throws Exception {
        String body = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/export/scorecard.csv?week=2026-W46")
                .bearerAuth(TOKEN));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(body)).getRecords();
        List<String> header = rows.get(0).getParser().getHeaderNames();

        // The cohort and seat cost columns come after them (CohortsAndSeatCostApiTest).
        int flags = header.indexOf("flags");
        assertThat(header.subList(flags + 1, flags + 7)).containsExactly("usage_source", "data_as_of",
                "data_days_behind", "data_expected_lag_days", "data_stale", "data_anonymised");
        CSVRecord pairing = rows.stream().filter(r -> r.get("workflow").equals("pairing")).findFirst().orElseThrow();
        assertThat(List.of(pairing.get("usage_source"), pairing.get("data_as_of"), pairing.get("data_days_behind"),
                pairing.get("data_expected_lag_days"), pairing.get("data_stale"), pairing.get("data_anonymised")))
                .containsExactly("github-copilot", COPILOT_THROUGH.toString(), "3", "2", "true", "false");
        CSVRecord survey = rows.stream().filter(r -> r.get("workflow").equals("survey")).findFirst().orElseThrow();
        assertThat(survey.get("data_as_of")).isEmpty();
        assertThat(survey.get("usage_source")).isEmpty();
    }

    @Test
    void theDigestForSlackAndTeamsSaysDataAsOfBesideWauAndFlagsTheLateAndTheHiddenSource() throws Exception {
        JsonNode preview = get("/api/v1/digests/preview?programme=dev-ai&week=2026-W46");
        String copilotDay = COPILOT_THROUGH.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));

        List<String> slack = new ArrayList<>();
        preview.get("blockKit").forEach(part -> part.get("blocks").forEach(b -> slack.add(b.toString())));
        String pairingBlock = slack.stream().filter(b -> b.contains("*Pairing with Copilot*")).findFirst()
                .orElseThrow();
        JsonNode pairingSection = JSON.readTree(pairingBlock);
        String[] lines = pairingSection.get("text").get("text").asText().split("\n");
        assertThat(lines[1]).startsWith(":warning: Usage data is old: GitHub Copilot has delivered up to "
                + copilotDay + ", 3 days ago (usually within 2 days)");
        assertThat(pairingSection.get("fields").get(0).get("text").asText()).startsWith("*Weekly active*\n")
                .endsWith(" · data as of " + copilotDay);
        assertThat(slack).anyMatch(b -> b.contains(":warning: Microsoft 365 hides user names"));

        JsonNode card = preview.get("adaptiveCard");
        JsonNode pairing = StreamSupport.stream(card.get("body").spliterator(), false)
                .filter(b -> "Container".equals(b.path("type").asText()))
                .filter(b -> b.get("items").get(0).get("text").asText().startsWith("Pairing with Copilot"))
                .findFirst().orElseThrow();
        JsonNode flag = pairing.get("items").get(1);
        assertThat(flag.get("text").asText()).startsWith("⚠ Usage data is old: GitHub Copilot has delivered up to "
                + copilotDay);
        assertThat(flag.get("color").asText()).isEqualTo("Attention");
        // The flags come first (the sequencing reasons may follow the freshness one), then the facts.
        JsonNode wau = StreamSupport.stream(pairing.get("items").spliterator(), false).filter(i -> i.has("facts"))
                .findFirst().orElseThrow().get("facts").get(0);
        assertThat(wau.get("title").asText()).isEqualTo("Weekly active");
        assertThat(wau.get("value").asText()).endsWith(" · data as of " + copilotDay);
        assertThat(card.toString()).contains("⚠ Microsoft 365 hides user names");
    }

    @Test
    void healthListsEverySourceWithItsDayItsLastAttemptAndErrorAndStaysUp() throws Exception {
        JsonNode health = JSON.readTree(http.toBlocking().retrieve("/health"));

        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode usage = health.get("details").get("usage");
        assertThat(usage.get("status").asText()).isEqualTo("UP");
        assertThat(texts(usage.get("details").get("late"))).containsExactly("github-copilot",
                "microsoft-365-copilot");
        assertThat(usage.get("details").get("message").asText()).contains("The service itself is up");
        JsonNode copilot = usage.get("details").get("sources").get("github-copilot");
        assertThat(copilot.get("stale").asText()).isEqualTo("yes");
        assertThat(copilot.get("deliveredThrough").asText()).isEqualTo(COPILOT_THROUGH.toString());
        assertThat(copilot.get("lastAttemptAt").asText()).isEqualTo(NOW.minus(4, ChronoUnit.HOURS).toString());
        assertThat(copilot.get("lastError").asText()).isEqualTo(COPILOT_ERROR);
        assertThat(texts(copilot.get("workflows"))).containsExactly("pairing");
        JsonNode m365 = usage.get("details").get("sources").get("microsoft-365-copilot");
        assertThat(m365.get("stale").asText()).isEqualTo("no");
        assertThat(m365.get("anonymised").asBoolean()).isTrue();
    }

    @Test
    void theWorkflowPageSaysUnderWauHowOldItsUsageDataIs() {
        String page = http.toBlocking().retrieve(Sessions.of(context).signedInAsAdmin(
                HttpRequest.GET("/workflows/pairing?week=2026-W46")));
        String figures = page.substring(page.indexOf("Weekly active use (WAU)"));
        String wau = figures.substring(0, figures.indexOf("</tr>"));
        String next = figures.substring(wau.length() + "</tr>".length());
        String line = next.substring(0, next.indexOf("</tr>"));

        assertThat(line).contains(">Usage data as of<", ">" + COPILOT_THROUGH + " (3 days ago; expected within 2)<",
                ">GitHub Copilot<", ">late<");
    }

    private JsonNode get(String path) throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(TOKEN)));
    }

    private static JsonNode workflow(JsonNode card, String id) {
        for (JsonNode p : card.get("programmes")) {
            for (JsonNode w : p.get("workflows")) {
                if (id.equals(w.get("workflowId").asText())) {
                    return w;
                }
            }
        }
        throw new AssertionError("no workflow " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String row(String workflow, String email, LocalDate day) {
        return "{\"workflow\": \"" + workflow + "\", \"email\": \"" + email + "\", \"day\": \"" + day
                + "\", \"count\": 1}";
    }

    private void post(String key, List<String> rows) {
        String body = "{\"batch\": \"" + key + "\", \"events\": [" + String.join(",", rows) + "]}";
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/usage-events", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), Map.class);
    }
}
