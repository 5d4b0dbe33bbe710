package io.uptake.api;

import static io.uptake.api.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A past week's figures rest on the people in the audience that week: after the file drops someone and adds
 * someone else, or shortens its list, last month's team size, weekly active use and habit read as they did
 * (issue 12 (a)).
 */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastWeekAudienceTest implements TestPropertyProvider {

    static final String WEEK = "2026-W46";
    /** Monday of the scored week; the habit window is the 12 weeks ending with it. */
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");

    final ProgrammesFile file = ProgrammesFile.create(programmes(List.of(1, 2, 3, 4, 5, 6, 7, 8)));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", AdminApiTest.TOKEN, "uptake.catalog", file.path().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPastWeekKeepsItsAudienceAfterSomeoneLeavesAndSomeoneJoins() {
        // Loaded on Sunday 2026-11-22, so d1..d8 are the audience of W46, the week scored.
        List<String> rows = new ArrayList<>();
        for (int person : List.of(1, 2, 3, 4, 5, 8)) {
            IntStream.range(0, 12).forEach(w -> rows.add(row(person, MONDAY.minusWeeks(11 - w))));
        }
        rows.add(row(6, MONDAY.plusDays(2)));
        post("before", rows);
        // In W48 the list drops d8 (a habitual user, active in W46) and adds d9, who then sends use for W46 only.
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        file.write(programmes(List.of(1, 2, 3, 4, 5, 6, 7, 9)));
        http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);
        Map<String, Object> late = post("after", List.of(row(9, MONDAY.plusDays(1))));
        assertThat(late).containsEntry("accepted", 1);

        Map<String, Object> review = workflow();

        // W46's audience: d1..d8. Active that week: d1..d6 and d8 = 7 of 8. Used in >= 9 of the 12 weeks: d1..d5
        // and d8 = 6 of 8, resting on the 7 members with any use.
        assertThat((Map<String, Object>) review.get("teamSize")).containsEntry("value", 8)
                .containsEntry("basis", "LISTED");
        assertThat(figure(review, "wauPercent")).isEqualTo("SHOWN 87.5 n=8");
        assertThat(figure(review, "wauPercentPrevious")).isEqualTo("SHOWN 75.0 n=8");
        assertThat(figure(review, "habitPercent")).isEqualTo("SHOWN 75.0 n=7");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPastWeekKeepsTheSizeOfTheListInForceThenAfterTheListShrinks() {
        List<String> rows = new ArrayList<>();
        for (int person : List.of(1, 2, 3, 4, 5, 6)) {
            rows.add(row(person, MONDAY.plusDays(1)));
        }
        post("week", rows);
        // In W48 the list drops d7 and d8, who had no use in W46.
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        file.write(programmes(List.of(1, 2, 3, 4, 5, 6)));
        http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);

        Map<String, Object> review = workflow();

        // W46's list named d1..d8, of whom d1..d6 used it: 6 of 8.
        assertThat((Map<String, Object>) review.get("teamSize")).containsEntry("value", 8)
                .containsEntry("basis", "LISTED");
        assertThat(figure(review, "wauPercent")).isEqualTo("SHOWN 75.0 n=8");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLaterWeekShowsThePastWeekAsItReportedItAfterTheListGrows() {
        // W46: the list names d1..d8, of whom d1..d6 use it: 6 of 8 = 75 %.
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);
        post("w46", List.of(1, 2, 3, 4, 5, 6).stream().map(p -> row(p, MONDAY.plusDays(1))).toList());
        // W47: the list grows to d1..d10 on Tuesday; d1..d5 use it: 5 of 10 = 50 %.
        clock.set(Instant.parse("2026-11-17T09:00:00Z"));
        file.write(programmes(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/catalog/reload", "")), Map.class);
        post("w47", List.of(1, 2, 3, 4, 5).stream().map(p -> row(p, MONDAY.plusDays(8))).toList());
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));

        Map<String, Object> w47 = workflow("2026-W47");

        assertThat(figure(w47, "wauPercent")).isEqualTo("SHOWN 50.0 n=10");
        // Last week as last week reported it, 6 of its 8, not 6 of this week's 10 (60 %).
        assertThat(figure(w47, "wauPercentPrevious")).isEqualTo("SHOWN 75.0 n=8");
        Map<String, Object> w46 = ((List<Map<String, Object>>) w47.get("history")).stream()
                .filter(point -> "2026-W46".equals(point.get("week"))).findFirst().orElseThrow();
        assertThat(figure(w46, "wauPercent")).isEqualTo("SHOWN 75.0 n=8");
        assertThat(figure(workflow(WEEK), "wauPercent")).isEqualTo("SHOWN 75.0 n=8");
    }

    /** The next test's context loads the file at start-up: it must find the first list again. */
    @AfterEach
    void restoreTheFile() {
        file.write(programmes(List.of(1, 2, 3, 4, 5, 6, 7, 8)));
    }

    @SuppressWarnings("unchecked")
    private static String figure(Map<String, Object> workflow, String name) {
        Map<String, Object> f = (Map<String, Object>) workflow.get(name);
        return f.get("state") + " " + ((Number) f.get("value")).doubleValue() + " n=" + f.get("n");
    }

    private static String programmes(List<Integer> people) {
        return """
                programmes:
                  - id: legal-ai
                    name: Legal drafting assistant
                    sponsor: gc@example.com
                    workflows:
                      - id: review
                        owner: lee@example.com
                        audience: { emails: [%s] }
                """.formatted(people.stream().map(PastWeekAudienceTest::email).collect(Collectors.joining(", ")));
    }

    private static String email(int person) {
        return "d" + person + "@example.com";
    }

    private static String row(int person, LocalDate day) {
        return "{\"workflow\": \"review\", \"email\": \"" + email(person) + "\", \"day\": \"" + day
                + "\", \"count\": 1}";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String key, List<String> rows) {
        String body = "{\"batch\": \"" + key + "\", \"events\": [" + String.join(",", rows) + "]}";
        return http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/usage-events", body)
                .contentType(MediaType.APPLICATION_JSON)), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> workflow() {
        return workflow(WEEK);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> workflow(String week) {
        Map<String, Object> card = http.toBlocking().retrieve(admin(HttpRequest.GET("/api/v1/scorecard?week="
                + week)), Map.class);
        return ((List<Map<String, Object>>) card.get("programmes")).stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("workflows")).stream())
                .filter(w -> "review".equals(w.get("workflowId"))).findFirst().orElseThrow();
    }
}
