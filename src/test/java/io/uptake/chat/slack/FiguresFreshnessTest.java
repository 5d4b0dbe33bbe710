package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every output of a week (API, CSV, digest preview, {@code /uptake status}) shows a reload, new usage and new
 * answers at the very next read, and they never disagree: no output keeps figures computed before a write.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiguresFreshnessTest extends FiguresWorld {

    static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z"); // the last complete week is 2026-W48
    static final String WEEK = "?week=2026-W48";
    static final List<String> USERS = List.of("U1", "U2", "U3", "U4", "U5", "U6");
    static final String FILE = """
            programmes:
              - id: fresh
                name: Freshness
                sponsor: cfo@example.com
                workflows:
                  - id: a-triage
                    name: Claims triage
                    stage: pilot
                    stage-since: 2026-09-01
                    owner: u1@example.com
                    audience: { slack-channel: C0FRESH }
                    target-team-size: 6
            pulses:
              - id: triage-weekly
                workflow: a-triage
                schedule: { every: FRIDAY, at: "10:00", zone: recipient }
                questions: [usage, trust]
                close-after: 96h
            """;
    static final String ADDED = """
                  - id: b-review
                    name: Fraud review
                    stage: pilot
                    stage-since: 2026-10-01
                    owner: u2@example.com
                    audience: { slack-channel: C0FRESH }
                    target-team-size: 6
            """;

    @Override
    String programmesFile() {
        return FILE;
    }

    @Override
    Map<String, String> more() {
        return Map.of("uptake.metrics.min-respondents", "3");
    }

    /** The four outputs as a person reads them: the figure after {@code label}, or empty where none is shown. */
    Map<String, Optional<Double>> reads(String workflow, String name, String field, String column, String label)
            throws Exception {
        Map<String, Optional<Double>> reads = new LinkedHashMap<>();
        JsonNode figure = workflow(scorecard(WEEK), workflow).path(field);
        reads.put("api", figure.path("value").isNumber() ? Optional.of(figure.get("value").asDouble())
                : Optional.empty());
        reads.put("csv", csvRow(WEEK, workflow).map(r -> r.get(column)).filter(v -> v.matches("-?[0-9.]+"))
                .map(Double::parseDouble));
        reads.put("preview", section(preview("?programme=fresh&week=2026-W48").path("text").asText(), name)
                .flatMap(s -> number(s, label)).map(Integer::doubleValue));
        reads.put("status", section(command("U1", "status " + workflow), name).flatMap(s -> number(s, label))
                .map(Integer::doubleValue));
        return reads;
    }

    /** The lines of a digest text from a workflow's name to the next blank line. */
    static Optional<String> section(String text, String name) {
        int at = text.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        int end = text.indexOf("\n\n", at);
        return Optional.of(end < 0 ? text.substring(at) : text.substring(at, end));
    }

    /** Whether each output shows {@code expected}: one decimal in the API and CSV, a whole number in text. */
    static List<String> stale(Map<String, Optional<Double>> reads, double expected) {
        List<String> stale = new ArrayList<>();
        double oneDecimal = Math.round(expected * 10) / 10.0;
        reads.forEach((output, value) -> {
            double wanted = output.equals("api") || output.equals("csv") ? oneDecimal : Math.round(oneDecimal);
            if (value.isEmpty() || Math.abs(value.get() - wanted) > 1e-9) {
                stale.add(output + " showed " + value.map(Object::toString).orElse("nothing") + " for " + wanted);
            }
        });
        return stale;
    }

    @Test
    @Order(1)
    void aWorkflowAddedByAReloadIsInEveryOutputOfTheRunningWeekAtOnce() throws Exception {
        clock.set(MONDAY);
        channelMembers("C0FRESH", USERS);
        assertThat(command("U1", "status a-triage")).contains("Claims triage");
        assertThat(preview("?programme=fresh").path("text").asText()).contains("Claims triage");

        reload(FILE.replace("pulses:", ADDED.stripTrailing() + "\npulses:"));

        // Added on Monday of W49: in the running week's outputs at once, while W48, reported without it, stays so.
        assertThat(workflow(scorecard("?week=current"), "b-review").path("name").asText()).isEqualTo("Fraud review");
        assertThat(csvRow("?week=current", "b-review")).isPresent();
        assertThat(preview("?programme=fresh&week=current").path("text").asText())
                .contains("Claims triage", "Fraud review");
        String status = command("U1", "status b-review");
        assertThat(status).contains("No figures yet for Fraud review in 2026-W48.");
        assertThat(status.substring(status.indexOf("2026-W49"))).contains("Fraud review");
        assertThat(workflow(scorecard(""), "b-review").isMissingNode()).isTrue();
        assertThat(csvRow("", "b-review")).isEmpty();
        assertThat(preview("?programme=fresh").path("text").asText()).contains("Claims triage")
                .doesNotContain("Fraud review");
    }

    @Test
    @Order(2)
    void newUsageIsInEveryOutputAtOnce() throws Exception {
        clock.set(MONDAY);
        List<String> stale = new ArrayList<>();
        reads("a-triage", "Claims triage", "wauPercent", "wau_percent", "Weekly active");
        for (int i = 1; i <= 4; i++) {
            usage("fresh-" + i, "a-triage", USERS.get(i - 1), "2026-11-25");
            stale.addAll(stale(reads("a-triage", "Claims triage", "wauPercent", "wau_percent", "Weekly active"),
                    i * 100.0 / 6));
        }

        assertThat(stale).isEmpty();
    }

    @Test
    @Order(3)
    void newAnswersAreInEveryOutputAtTheNextRead() throws Exception {
        clock.set(Instant.parse("2026-11-27T10:00:00Z"));
        openRound("triage-weekly");
        clock.set(MONDAY);
        int[][] clicks = {{1, 4}, {2, 5}, {3, 2}, {4, 4}, {5, 1}, {6, 3}, {1, 5}, {2, 1}, {3, 3}, {4, 5}, {5, 5},
            {6, 1}, {1, 2}, {2, 2}, {3, 4}, {4, 1}, {5, 3}, {6, 5}, {1, 1}, {2, 4}, {3, 5}, {4, 2}};
        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, Integer> staleBy = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        int checked = 0;
        for (int[] click : clicks) {
            String user = USERS.get(click[0] - 1);
            trust(user, click[1]);
            answers.put(user, click[1]);
            if (answers.size() < 3) {
                continue;
            }
            double expected = answers.values().stream().mapToDouble(v -> (v - 1) * 25.0).average().orElseThrow();
            Map<String, Optional<Double>> reads = reads("a-triage", "Claims triage", "trustIndex", "trust_index",
                    "Trust");
            checked += reads.size();
            for (String s : stale(reads, expected)) {
                stale.add("after " + answers.size() + " answers, " + s);
                staleBy.merge(s.substring(0, s.indexOf(' ')), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "answer -> figure freshness: %d stale reads of %d (%s)%n", stale.size(),
                checked, staleBy);

        assertThat(stale).as("stale reads of %d", checked).isEmpty();
    }
}
