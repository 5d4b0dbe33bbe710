package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A workflow whose use comes from GitHub Copilot, with the tool's seats and price in the programmes file: telemetry
 * sent through the admin API gives the cohorts, tried-and-stopped, the cost per active user and the idle seats in
 * the scorecard's JSON and CSV, computed here from the rows sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortsAndSeatCostApiTest implements TestPropertyProvider {

    static final String TOKEN = "cohorts-api-test-token";
    static final String WEEK = "2026-W46";
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");
    static final List<String> PEOPLE = IntStream.range(0, 15).mapToObj(i -> "u" + i + "@example.com").toList();
    static final int SEATS = 20;

    final ProgrammesFile file = ProgrammesFile.create("""
            programmes:
              - id: dev-ai
                name: Coding assistant
                sponsor: cto@example.com
                workflows:
                  - id: pairing
                    owner: lee@example.com
                    audience: { emails: [%s] }
                    usage: { source: github-copilot }
            tools:
              github-copilot: { seats: %d, price-per-seat: 19, currency: USD, per: month }
            """.formatted(String.join(", ", PEOPLE), SEATS));

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.path().toString());
    }

    /**
     * In the scored week u0–u4 use it on 1 day, u5–u9 on 3 days, u10–u14 not at all; u10–u14 used it 5 weeks
     * before, and not since.
     */
    @BeforeAll
    void send() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int d = 0; d < (i < 5 ? 1 : 3); d++) {
                rows.add(row(PEOPLE.get(i), MONDAY.plusDays(d)));
            }
        }
        for (int i = 10; i < 15; i++) {
            rows.add(row(PEOPLE.get(i), MONDAY.minusWeeks(5).plusDays(2)));
        }
        String body = "{\"batch\": \"cohorts\", \"events\": [" + String.join(",", rows) + "]}";
        Map<?, ?> answer = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/usage-events", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), Map.class);
        assertThat(answer.get("accepted")).isEqualTo(rows.size());
    }

    private static String row(String email, LocalDate day) {
        return "{\"workflow\": \"pairing\", \"email\": \"" + email + "\", \"day\": \"" + day + "\", \"count\": 2}";
    }

    private static double percent(int part, int whole) {
        return Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** 20 seats × 19 USD a month × 12 ÷ 52.1775 weeks. */
    private static double weeklyCost() {
        return SEATS * 19 * 12 / 52.1775;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScorecardShowsCohortsByDaysOfUseAndWhoStopped() {
        Map<String, Object> cohorts = (Map<String, Object>) workflow().get("cohorts");

        assertThat(figure(cohorts, "none")).containsEntry("value", percent(5, 15)).containsEntry("n", 15)
                .containsEntry("source", "TELEMETRY").containsEntry("state", "SHOWN");
        assertThat(figure(cohorts, "light").get("value")).isEqualTo(percent(5, 15));
        assertThat(figure(cohorts, "moderate").get("value")).isEqualTo(percent(5, 15));
        assertThat(figure(cohorts, "heavy").get("value")).isEqualTo(0.0);
        assertThat(figure(cohorts, "triedAndStopped")).containsEntry("value", percent(5, 15))
                .containsEntry("n", 15);
        assertThat(figure(cohorts, "passive")).containsEntry("state", "NO_DATA");
        assertThat(cohorts).containsEntry("lightMaxDays", 1).containsEntry("moderateMaxDays", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScorecardShowsTheToolsCostPerActiveUserAndIdleSeats() {
        Map<String, Object> cost = (Map<String, Object>) workflow().get("seatCost");

        assertThat(cost).containsEntry("tool", "github-copilot").containsEntry("seats", SEATS)
                .containsEntry("currency", "USD");
        assertThat(figure(cost, "costPerActiveUser")).containsEntry("value",
                Math.round(weeklyCost() / 10 * 100) / 100.0).containsEntry("n", 10);
        // Active in the last 4 weeks: u0–u9; u10–u14's use was 5 weeks before.
        assertThat(figure(cost, "idleSeats")).containsEntry("value", (double) (SEATS - 10)).containsEntry("n", 10);
    }

    @Test
    void theCsvEndsWithTheCohortAndSeatCostColumns() throws IOException {
        String text = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/export/scorecard.csv?week=" + WEEK)
                .bearerAuth(TOKEN));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        CSVRecord row = rows.get(0);
        List<String> header = row.getParser().getHeaderNames();

        assertThat(header.subList(header.indexOf("data_anonymised") + 1,
                header.indexOf("idle_seats_active_n") + 1)).containsExactly(
                "cohort_source", "cohort_n", "cohort_none_percent", "cohort_light_percent", "cohort_moderate_percent",
                "cohort_heavy_percent", "cohort_light_max_days", "cohort_moderate_max_days",
                "tried_and_stopped_percent", "tried_and_stopped_n", "passive_percent", "seat_tool", "seats",
                "seat_currency", "seat_weekly_cost", "cost_per_active_user", "cost_active_n", "idle_seats",
                "idle_seats_active_n");
        Map<String, String> cells = header.stream().collect(Collectors.toMap(h -> h, row::get));
        assertThat(cells).containsEntry("cohort_source", "TELEMETRY").containsEntry("cohort_n", "15")
                .containsEntry("cohort_none_percent", String.valueOf(percent(5, 15)))
                .containsEntry("cohort_heavy_percent", "0").containsEntry("tried_and_stopped_n", "15")
                .containsEntry("passive_percent", "n/a").containsEntry("seat_currency", "USD")
                .containsEntry("seat_weekly_cost", String.valueOf(Math.round(weeklyCost() * 100) / 100.0))
                .containsEntry("cost_per_active_user", String.valueOf(Math.round(weeklyCost() / 10 * 100) / 100.0))
                .containsEntry("idle_seats", String.valueOf(SEATS - 10)).containsEntry("idle_seats_active_n", "10");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figure(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> workflow() {
        Map<String, Object> card = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=" + WEEK)
                .bearerAuth(TOKEN), Map.class);
        return ((List<Map<String, Object>>) card.get("programmes")).stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("workflows")).stream())
                .filter(w -> "pairing".equals(w.get("workflowId"))).findFirst().orElseThrow();
    }
}
