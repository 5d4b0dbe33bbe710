package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A week with no telemetry counts as 0 % only from the week telemetry started flowing: the weeks before it have no
 * data, so a workflow's first week of telemetry is not reported as "up from 0%".
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstTelemetryWeekTest extends FiguresWorld {

    @Override
    String programmesFile() {
        return """
                programmes:
                  - id: first
                    name: First telemetry
                    sponsor: cfo@example.com
                    workflows:
                      - id: drafts
                        name: Reply drafts
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: u1@example.com
                        audience: { emails: [u1@example.com, u2@example.com, u3@example.com, u4@example.com] }
                """;
    }

    @Test
    void theWeeksBeforeTheFirstTelemetryHaveNoDataAndTheWeeksAfterItCountAsNone() throws Exception {
        clock.set(Instant.parse("2026-12-14T09:00:00Z")); // the last complete week is 2026-W50
        usage("first-1", "drafts", "U1", "2026-11-24"); // 2026-W48, the first telemetry
        usage("first-2", "drafts", "U2", "2026-11-26");
        usage("first-3", "drafts", "U3", "2026-12-08"); // 2026-W50; nothing in 2026-W49

        JsonNode w48 = workflow(scorecard("?week=2026-W48"), "drafts");
        assertThat(w48.path("wauPercent").path("value").asDouble()).isEqualTo(50.0); // 2 of 4
        assertThat(w48.path("wauPercentPrevious").path("state").asText()).isEqualTo("NO_DATA");
        assertThat(preview("?programme=first&week=2026-W48").path("text").asText())
                .contains("Weekly active: 50% of 4 people").doesNotContain("from 0%");

        JsonNode w50 = workflow(scorecard("?week=2026-W50"), "drafts");
        assertThat(w50.path("wauPercent").path("value").asDouble()).isEqualTo(25.0); // 1 of 4
        assertThat(w50.path("wauPercentPrevious").path("value").asDouble()).isEqualTo(0.0); // W49: telemetry flows
        assertThat(w50.path("history")).hasSize(12);
        for (JsonNode week : w50.path("history")) {
            String state = week.path("wauPercent").path("state").asText();
            if (week.path("week").asText().compareTo("2026-W48") < 0) {
                assertThat(state).as(week.path("week").asText()).isEqualTo("NO_DATA");
            } else {
                assertThat(state).as(week.path("week").asText()).isEqualTo("SHOWN");
            }
        }
    }
}
