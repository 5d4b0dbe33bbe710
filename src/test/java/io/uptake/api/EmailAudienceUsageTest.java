package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A new user's first try: two workflows whose audiences are {@code emails:} lists, no chat platform connected,
 * telemetry sent through the admin API. Everyone the file names counts, and the scorecard shows weekly active use
 * and habit computed here from the rows sent.
 */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailAudienceUsageTest implements TestPropertyProvider {

    static final String TOKEN = "email-audience-test-token";
    static final String WEEK = "2026-W46";
    /** Monday of the scored week; the habit window is the 12 weeks ending with it. */
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");

    static final List<String> DRAFTING = List.of("ana@example.com", "bo@example.com", "cy@example.com");
    static final List<String> REVIEW = List.of("d1@example.com", "d2@example.com", "d3@example.com",
            "d4@example.com", "d5@example.com", "d6@example.com");

    final ProgrammesFile file = ProgrammesFile.create("""
            programmes:
              - id: legal-ai
                name: Legal drafting assistant
                sponsor: gc@example.com
                workflows:
                  - id: drafting
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
                  - id: review
                    owner: lee@example.com
                    audience: { emails: [d1@example.com, d2@example.com, d3@example.com, d4@example.com,
                                         d5@example.com, d6@example.com] }
            """);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.path().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void usageOfListedPeopleIsTakenInAndGivesWeeklyActiveUse() {
        Map<String, Object> answer = post("first", List.of(row("drafting", "ana@example.com", MONDAY.plusDays(1)),
                row("drafting", "bo@example.com", MONDAY.plusDays(3))));

        assertThat(answer).containsEntry("accepted", 2).containsEntry("unknownPeople", List.of());
        double expected = Math.round(2 * 1000.0 / DRAFTING.size()) / 10.0;
        Map<String, Object> wau = (Map<String, Object>) workflow("drafting").get("wauPercent");
        assertThat(wau).containsEntry("state", "SHOWN").containsEntry("n", DRAFTING.size());
        assertThat(((Number) wau.get("value")).doubleValue()).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twelveWeeksOfUsageByListedPeopleGiveTheHabitRate() {
        // Weeks of the 12-week window (0 = oldest) in which each listed person used the workflow.
        Map<String, Set<Integer>> weeks = new LinkedHashMap<>();
        weeks.put("d1@example.com", range(0, 12));
        weeks.put("d2@example.com", range(0, 12));
        weeks.put("d3@example.com", range(2, 12));
        weeks.put("d4@example.com", range(3, 12));
        weeks.put("d5@example.com", range(4, 12));
        List<String> rows = new ArrayList<>();
        weeks.forEach((email, used) -> used.forEach(w -> rows.add(row("review", email,
                MONDAY.minusWeeks(11 - w)))));

        Map<String, Object> answer = post("history", rows);

        assertThat(answer).containsEntry("accepted", rows.size());
        long habitual = weeks.values().stream().filter(used -> used.size() >= 9).count();
        long activeNow = weeks.values().stream().filter(used -> used.contains(11)).count();
        Map<String, Object> review = workflow("review");
        Map<String, Object> habit = (Map<String, Object>) review.get("habitPercent");
        Map<String, Object> wau = (Map<String, Object>) review.get("wauPercent");
        assertThat(habit).containsEntry("state", "SHOWN");
        assertThat(((Number) habit.get("value")).doubleValue())
                .isEqualTo(Math.round(habitual * 1000.0 / REVIEW.size()) / 10.0);
        assertThat(((Number) wau.get("value")).doubleValue())
                .isEqualTo(Math.round(activeNow * 1000.0 / REVIEW.size()) / 10.0);
    }

    private static Set<Integer> range(int from, int to) {
        return Set.copyOf(IntStream.range(from, to).boxed().toList());
    }

    private static String row(String workflow, String email, LocalDate day) {
        return "{\"workflow\": \"" + workflow + "\", \"email\": \"" + email + "\", \"day\": \"" + day
                + "\", \"count\": 1}";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String key, List<String> rows) {
        String body = "{\"batch\": \"" + key + "\", \"events\": [" + String.join(",", rows) + "]}";
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/usage-events", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> workflow(String id) {
        Map<String, Object> card = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard?week=" + WEEK)
                .bearerAuth(TOKEN), Map.class);
        return ((List<Map<String, Object>>) card.get("programmes")).stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("workflows")).stream())
                .filter(w -> id.equals(w.get("workflowId"))).findFirst().orElseThrow();
    }
}
