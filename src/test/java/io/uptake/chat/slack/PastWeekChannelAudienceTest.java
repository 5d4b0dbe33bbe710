package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Slack channel audience: after two members leave the channel and someone joins, a past week's team size,
 * weekly active use and habit still rest on the channel's members of that week (issue 12 (a)).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastWeekChannelAudienceTest extends FiguresWorld {

    /** Monday of the scored week, 2026-W46; the habit window is the 12 weeks ending with it. */
    static final LocalDate MONDAY = LocalDate.parse("2026-11-09");

    @Override
    String programmesFile() {
        return """
                programmes:
                  - id: claims-ai
                    name: Claims
                    sponsor: cfo@example.com
                    workflows:
                      - id: review
                        name: Fraud review
                        owner: u1@example.com
                        audience: { slack-channel: C0PAST }
                """;
    }

    @Test
    void aPastWeekKeepsTheChannelMembersItHadAfterALaterSync() throws Exception {
        clock.set(Instant.parse("2026-11-02T08:00:00Z"));
        channelMembers("C0PAST", List.of("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8"));
        clock.set(Instant.parse("2026-11-16T08:00:00Z"));
        for (String user : List.of("U1", "U2", "U3", "U4", "U5", "U8")) {
            for (int w = 0; w < 12; w++) {
                usage(user + "-" + w, "review", user, MONDAY.minusWeeks(11 - w).toString());
            }
        }
        usage("U6", "review", "U6", MONDAY.plusDays(2).toString());
        // In W48 U7 and U8 (a habitual user, active in W46) have left the channel and U9 has joined.
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        channelMembers("C0PAST", List.of("U1", "U2", "U3", "U4", "U5", "U6", "U9"));
        usage("U9", "review", "U9", MONDAY.plusDays(1).toString());

        JsonNode review = workflow(scorecard("?week=2026-W46"), "review");

        // W46's channel: U1..U8. Active that week: U1..U6 and U8 = 7 of 8. Used in >= 9 of the 12 weeks: U1..U5 and
        // U8 = 6 of 8, resting on the 7 members with any use.
        assertThat(review.path("teamSize").path("value").asInt()).isEqualTo(8);
        assertThat(review.path("teamSize").path("basis").asText()).isEqualTo("SYNCED_MEMBERS");
        assertThat(figure(review.path("wauPercent"))).isEqualTo("SHOWN 87.5 n=8");
        assertThat(figure(review.path("habitPercent"))).isEqualTo("SHOWN 75.0 n=7");
    }

    private static String figure(JsonNode f) {
        return f.path("state").asText() + " " + f.path("value").asDouble() + " n=" + f.path("n").asInt();
    }
}
