package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.metrics.ScorecardSeed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardApiTest implements TestPropertyProvider {

    static final String TOKEN = "test-admin-token-0123456789";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN);
    }

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            ScorecardSeed.seed(c);
            try (var owner = c.prepareStatement("INSERT INTO person (email, display_name, created_at, updated_at) "
                    + "VALUES ('owner-claims-triage@example.com', 'Jane Triage', 0, 0)")) {
                owner.executeUpdate();
            }
        }
    }

    <T> HttpRequest<T> admin(HttpRequest<T> request) {
        return ((io.micronaut.http.MutableHttpRequest<T>) request).bearerAuth(TOKEN);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> workflow(Map<String, Object> card, String id) {
        var programmes = (List<Map<String, Object>>) card.get("programmes");
        var workflows = (List<Map<String, Object>>) programmes.get(0).get("workflows");
        return workflows.stream().filter(w -> id.equals(w.get("workflowId"))).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultsToTheLastCompleteIsoWeek() {
        Map<String, Object> card = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/scorecard")), Map.class);

        assertThat(card.get("week")).isEqualTo("2026-W46");
        var programme = ((List<Map<String, Object>>) card.get("programmes")).get(0);
        // Its workflows would make it LEVERAGE; without a programme owner it is ACTIVITY, and says so first.
        assertThat(programme.get("verdict")).isEqualTo("ACTIVITY");
        assertThat((List<String>) programme.get("reasons")).startsWith("no programme owner named")
                .contains("1 of 2 workflows at leverage");
        assertThat((List<String>) programme.get("flags")).contains("no programme owner");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesNoValueForSuppressedFiguresAndTheDistributionCannotBeRecoveredFromN() {
        Map<String, Object> card = http.toBlocking().retrieve(
                admin(HttpRequest.GET("/api/v1/scorecard?week=2026-W46&programme=claims-ai")), Map.class);
        Map<String, Object> intake = workflow(card, "claims-intake");

        var distribution = (List<Map<String, Object>>) intake.get("trustDistribution");
        assertThat(distribution).hasSize(5).allSatisfy(f -> {
            assertThat(f).doesNotContainKey("value");
            assertThat(f.get("state")).isEqualTo("SUPPRESSED");
            assertThat(f.get("n")).isEqualTo(0);
        });
        int n = (Integer) ((Map<String, Object>) intake.get("trustIndex")).get("n");
        int shown = distribution.stream().filter(f -> f.containsKey("value"))
                .mapToInt(f -> ((Number) f.get("value")).intValue()).sum();
        long hidden = distribution.stream().filter(f -> !f.containsKey("value")).count();
        // Subtracting what is shown from n leaves the remainder spread over every hidden group.
        assertThat(n - shown).isEqualTo(6);
        assertThat(hidden).isGreaterThanOrEqualTo(2);
        assertThat((Map<String, Object>) intake.get("wauPercent")).doesNotContainKey("value")
                .containsEntry("state", "SUPPRESSED");
        assertThat((Map<String, Object>) intake.get("correctionPercent")).doesNotContainKey("value");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVerdictReasonNamesTheOwnerAsTheDigestDoesByNameWhereKnown() {
        Map<String, Object> card = http.toBlocking().retrieve(
                admin(HttpRequest.GET("/api/v1/scorecard?week=2026-W46&programme=claims-ai")), Map.class);

        Map<String, Object> triage = workflow(card, "claims-triage");
        assertThat((List<String>) triage.get("reasons")).contains("owner Jane Triage")
                .noneMatch(reason -> reason.contains("@"));
        assertThat(triage.get("ownerEmail")).isEqualTo("owner-claims-triage@example.com");
        assertThat((List<String>) workflow(card, "claims-intake").get("reasons"))
                .contains("owner owner-claims-intake@example.com");
    }

    @Test
    void aBadWeekIsRefusedWithAJsonMessage() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(admin(HttpRequest.GET("/api/v1/scorecard?week=2026-W60")),
                        Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("message").toString())
                .contains("ISO week such as 2026-W47");
    }

    @Test
    void anUnknownProgrammeIsNotFound() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(admin(HttpRequest.GET("/api/v1/scorecard?programme=nope")),
                        Map.class));

        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void theScorecardNeedsTheAdminToken() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/export/scorecard.csv"), String.class));

        assertThat(e.getStatus().getCode()).isEqualTo(401);
    }

    @Test
    void scorecardCsvHasOneRowPerWorkflowWithHandWorkedFigures() throws IOException {
        List<CSVRecord> rows = csv("/api/v1/export/scorecard.csv?week=2026-W46");

        assertThat(rows).extracting(r -> r.get("workflow")).containsExactly("claims-intake", "claims-triage");
        CSVRecord triage = rows.get(1);
        assertThat(triage.get("wau_percent")).isEqualTo("60");
        assertThat(triage.get("wau_source")).isEqualTo("TELEMETRY");
        assertThat(triage.get("trust_index")).isEqualTo("87.5");
        assertThat(triage.get("trust_4")).isEqualTo("5");
        assertThat(triage.get("cycle_time_delta_percent")).isEqualTo("-25");
        assertThat(triage.get("verdict")).isEqualTo("LEVERAGE");
        assertThat(triage.get("reasons")).contains("WAU 60% of a 10-person team");
    }

    @Test
    void csvWritesSuppressedCellsAsSuppressedAndNoSubtractionRecoversOne() throws IOException {
        CSVRecord intake = csv("/api/v1/export/scorecard.csv?week=2026-W46").get(0);

        for (String column : List.of("wau_percent", "wau_n", "correction_percent", "correction_n", "trust_1",
                "trust_2", "trust_3", "trust_4", "trust_5")) {
            assertThat(intake.get(column)).as(column).isEqualTo("suppressed");
        }
        int n = Integer.parseInt(intake.get("trust_n"));
        int shown = List.of("trust_1", "trust_2", "trust_3", "trust_4", "trust_5").stream()
                .map(intake::get).filter(v -> v.matches("\\d+")).mapToInt(Integer::parseInt).sum();
        assertThat(n - shown).isEqualTo(n);
    }

    @Test
    void historyCsvHasTwelveWeeksPerWorkflowAndSuppressesSmallWeeks() throws IOException {
        List<CSVRecord> rows = csv("/api/v1/export/history.csv?week=2026-W46");

        assertThat(rows).hasSize(24);
        CSVRecord w44 = rows.stream().filter(r -> r.get("workflow").equals("claims-triage")
                && r.get("week").equals("2026-W44")).findFirst().orElseThrow();
        assertThat(w44.get("trust_index")).isEqualTo("suppressed");
        assertThat(w44.get("trust_n")).isEqualTo("suppressed");
    }

    @Test
    void aCsvExportWithABadWeekAnswersJson400() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(admin(HttpRequest.GET("/api/v1/export/history.csv?week=last")),
                        String.class));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
    }

    List<CSVRecord> csv(String path) throws IOException {
        HttpResponse<String> response = http.toBlocking().exchange(admin(HttpRequest.GET(path)), String.class);
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(response.body())).getRecords();
    }
}
