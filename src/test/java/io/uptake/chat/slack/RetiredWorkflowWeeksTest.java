package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A past week shows the workflows that were live during it, also those retired since. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetiredWorkflowWeeksTest extends FiguresWorld {

    static final List<String> USERS = List.of("U1", "U2", "U3", "U4");
    static final String REVIEW = """
                  - id: b-review
                    name: Fraud review
                    stage: production
                    stage-since: 2026-10-01
                    owner: u2@example.com
                    audience: { slack-channel: C0RET }
                    target-team-size: 4
            """;
    static final String FILE = """
            programmes:
              - id: retiring
                name: Retiring
                sponsor: cfo@example.com
                workflows:
                  - id: a-triage
                    name: Claims triage
                    stage: pilot
                    stage-since: 2026-09-01
                    owner: u1@example.com
                    audience: { slack-channel: C0RET }
                    target-team-size: 4
            """ + REVIEW + """
                  - id: c-intake
                    name: Claims intake
                    stage: pilot
                    stage-since: 2026-09-01
                    owner: u1@example.com
                    audience: { slack-channel: C0RET }
                    target-team-size: 4
            """;

    @Override
    String programmesFile() {
        return FILE;
    }

    @Test
    void aWorkflowRetiredOnMondayIsStillInTheWeekBeforeAndNotInItsOwnWeek() throws Exception {
        clock.set(Instant.parse("2026-11-16T08:00:00Z"));
        channelMembers(USERS, 3);
        clock.set(Instant.parse("2026-11-28T08:00:00Z"));
        usage("review-1", "b-review", "U1", "2026-11-24");
        usage("review-2", "b-review", "U2", "2026-11-26");
        clock.set(Instant.parse("2026-11-30T10:00:00Z")); // Monday of 2026-W49

        reload(FILE.replace(REVIEW, ""));

        JsonNode review = workflow(scorecard("?week=2026-W48"), "b-review");
        assertThat(review.path("name").asText()).isEqualTo("Fraud review");
        assertThat(review.path("stage").asText()).isEqualTo("production");
        assertThat(review.path("wauPercent").path("value").asDouble()).isEqualTo(2 * 100.0 / USERS.size());
        assertThat(csvRow("?week=2026-W48", "b-review")).isPresent();
        assertThat(preview("?programme=retiring&week=2026-W48").path("text").asText()).contains("Fraud review");
        assertThat(workflow(scorecard("?week=2026-W49"), "b-review").isMissingNode()).isTrue();
        assertThat(workflow(scorecard("?week=2026-W49"), "a-triage").isMissingNode()).isFalse();
        assertThat(preview("?programme=retiring&week=current").path("text").asText())
                .doesNotContain("Fraud review");
    }
}
