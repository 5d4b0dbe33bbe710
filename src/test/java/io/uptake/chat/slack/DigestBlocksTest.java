package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.digest.ComposeDigest;
import io.uptake.digest.Digests;
import io.uptake.digest.Scores;
import io.uptake.message.DigestChart;
import io.uptake.message.DigestMessage;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestBlocksTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static DigestMessage small() {
        return Digests.compose(Scores.card("2026-W47", Scores.programme("claims-ai", "Claims & co", Verdict.EMERGING,
                List.of(Scores.workflow("w", "Triage").pilotFor(140).trust(Figure.suppressed(Figure.Source.PULSE),
                        Figure.suppressed(Figure.Source.PULSE)).build()))), ComposeDigest.SLACK_UNITS, null).get(0);
    }

    @Test
    void aDigestRendersAsExpected() throws Exception {
        JsonNode expected = JSON.readTree("""
                [{"type":"header","text":{"type":"plain_text","text":"Weekly adoption digest · 2026-W47"}},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"Last complete week, 2026-W47. Figures resting on too few answers are hidden, never estimated."}]},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Claims &amp; co*: Emerging"}},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"WAU 62% of a 40-person team"}]},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Triage* · Leverage\\n:warning: Pilot for 140 days (over 90)"},
                  "fields":[
                   {"type":"mrkdwn","text":"*Weekly active*\\n62% of 40 people, up from 55% (telemetry)"},
                   {"type":"mrkdwn","text":"*Habit*\\n35% (n=40)"},
                   {"type":"mrkdwn","text":"*Trust*\\n—  (fewer than 5 answers)"},
                   {"type":"mrkdwn","text":"*Response rate*\\n80% of 15"},
                   {"type":"mrkdwn","text":"*Cycle time Δ*\\n−30% vs baseline (median 13 min)"},
                   {"type":"mrkdwn","text":"*Stage*\\npilot · 140 days in stage"},
                   {"type":"mrkdwn","text":"*Outcome*\\n45% of target · on track · check-in current"},
                   {"type":"mrkdwn","text":"*Owner*\\njane@example.com"},
                   {"type":"mrkdwn","text":"*Days of use*\\nheavy (4+ days) 25% · moderate (2–3 days) 25% · light (1 day) 20% · none 30% of 40 (telemetry) · stopped 10% · 8.74 USD a week per active user · 22 of 50 seats idle"}]},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"WAU (weekly active): people of the target team who used the workflow at least once in the week. Habit: people who used it in at least 9 of the last 12 weeks. Cycle time Δ: change of the median reported time against the baseline. Days of use: the week's audience by the days they used it; stopped: used in the 4 weeks before the last 2, not since; passive: seen by the tool but not using it."}]}]
                """);

        SlackMessage message = BlockKit.render(small());

        assertThat(message.blocks()).isEqualTo(expected);
        assertThat(message.text()).isEqualTo("Weekly adoption digest · 2026-W47");
    }

    @Test
    void aSmallDigestIsWithinSlackLimits() {
        assertThat(BlockKitLimits.check(BlockKit.render(small()))).isEmpty();
    }

    @Test
    void sixtyWorkflowsWithLongNamesStayWithinSlackLimitsInEveryPart() {
        List<DigestMessage> parts = Digests.forSlack(Scores.large(60, 200));

        assertThat(parts).hasSizeGreaterThan(1);
        for (DigestMessage part : parts) {
            SlackMessage message = BlockKit.render(part);
            assertThat(BlockKitLimits.check(message)).as("part %d", part.part()).isEmpty();
            assertThat(message.blocks().size()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void aPartComposedTooLargeIsRefusedRatherThanSentBroken() {
        DigestMessage tooBig = Digests.compose(Scores.large(60, 10), 100, null).get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BlockKit.render(tooBig))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDigestChartHasNoBlocksOfItsOwnSinceTheGatewayUploadsIt() {
        assertThatThrownBy(() -> BlockKit.render(new DigestChart("Weekly adoption digest · 2026-W47", "2026-W47",
                "tok"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(DigestChart.KIND);
    }
}
