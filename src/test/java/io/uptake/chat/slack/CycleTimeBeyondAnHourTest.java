package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cycle time answers reach beyond an hour: the card offers 1–2 hours (90 minutes), 2–4 hours (180) and half a day
 * or more (300), and the median and its Δ % rest on those minutes, not on a cap at 75.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleTimeBeyondAnHourTest extends FiguresWorld {

    static final List<String> USERS = List.of("U1", "U2", "U3", "U4");
    static final String[] MINUTES = {"90", "180", "300", "300"};
    static final double BASELINE = 60;

    @Override
    String programmesFile() {
        return """
                programmes:
                  - id: hours
                    name: Hours
                    sponsor: cfo@example.com
                    workflows:
                      - id: a-review
                        name: Contract review
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: u1@example.com
                        audience: { slack-channel: C0HOURS }
                        target-team-size: 4
                        cycle-time: { task: Review one contract, baseline-minutes: 60 }
                pulses:
                  - id: review-weekly
                    workflow: a-review
                    schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                    questions: [usage, cycle-time]
                    close-after: 96h
                """;
    }

    @Override
    Map<String, String> more() {
        return Map.of("uptake.metrics.min-respondents", "3");
    }

    @BeforeAll
    void answersBeyondAnHour() throws Exception {
        clock.set(Instant.parse("2026-11-16T08:00:00Z"));
        channelMembers("C0HOURS", USERS);
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        openRound("review-weekly");
        for (int i = 0; i < USERS.size(); i++) {
            answer(USERS.get(i), "cycle-time", MINUTES[i]);
        }
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void theCardOffersRangesBeyondAnHour() throws Exception {
        FakeSlackApi.Call post = slackApi.calls("chat.postMessage").stream()
                .filter(c -> "U4".equals(c.params().get("channel"))).findFirst().orElseThrow();
        List<String> labels = new ArrayList<>();
        for (JsonNode block : JSON.readTree(post.params().get("blocks"))) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText("").startsWith(PulseActions.ANSWER_PREFIX + "cycle-time")) {
                    labels.add(element.path("text").path("text").asText());
                }
            }
        }

        assertThat(labels).containsExactly("Under 5 min", "5–10 min", "10–20 min", "20–40 min", "40–60 min",
                "1–2 hours", "2–4 hours", "Half a day or more");
    }

    @Test
    void theMedianAndItsChangeRestOnTheMinutesBeyondAnHour() throws Exception {
        double median = (180 + 300) / 2.0; // the middle two of 90, 180, 300, 300
        double delta = (median - BASELINE) / BASELINE * 100; // +300 %

        JsonNode review = workflow(scorecard("?week=2026-W48"), "a-review");
        CSVRecord row = csvRow("?week=2026-W48", "a-review").orElseThrow();

        assertThat(review.path("cycleTimeMedian").path("value").asDouble()).isEqualTo(median);
        assertThat(review.path("cycleTimeMedian").path("n").asInt()).isEqualTo(4);
        assertThat(review.path("cycleTimeDeltaPercent").path("value").asDouble()).isEqualTo(delta);
        assertThat(row.get("cycle_time_median")).isEqualTo("240");
        assertThat(row.get("cycle_time_delta_percent")).isEqualTo("300");
    }
}
