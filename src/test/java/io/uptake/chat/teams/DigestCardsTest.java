package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.digest.ComposeDigest;
import io.uptake.digest.Digests;
import io.uptake.digest.Scores;
import io.uptake.message.DigestChart;
import io.uptake.message.DigestMessage;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestCardsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static DigestMessage small(String chartUrl) {
        return Digests.compose(Scores.card("2026-W47", Scores.programme("claims-ai", "Claims", Verdict.EMERGING,
                List.of(Scores.workflow("w", "Triage").pilotFor(140).trust(Figure.suppressed(Figure.Source.PULSE),
                        Figure.suppressed(Figure.Source.PULSE)).build()))), ComposeDigest.TEAMS_UNITS, chartUrl)
                .get(0);
    }

    @Test
    void aDigestRendersAsExpected() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5",
                 "fallbackText":"Weekly adoption digest · 2026-W47",
                 "body":[
                  {"type":"TextBlock","text":"Weekly adoption digest · 2026-W47","wrap":true,"weight":"Bolder","size":"Large"},
                  {"type":"TextBlock","text":"Last complete week, 2026-W47. Figures resting on too few answers are hidden, never estimated.","wrap":true,"isSubtle":true,"size":"Small"},
                  {"type":"Image","url":"https://uptake.example.com/charts/tok.png","altText":"WAU % and trust index over 12 weeks per workflow","size":"Stretch"},
                  {"type":"TextBlock","text":"Claims: Emerging","wrap":true,"weight":"Bolder","size":"Medium","spacing":"Large"},
                  {"type":"TextBlock","text":"WAU 62% of a 40-person team","wrap":true},
                  {"type":"Container","separator":true,"items":[
                   {"type":"TextBlock","text":"Triage · Leverage","wrap":true,"weight":"Bolder"},
                   {"type":"TextBlock","text":"⚠ Pilot for 140 days (over 90)","wrap":true,"color":"Attention"},
                   {"type":"FactSet","facts":[
                    {"title":"Weekly active","value":"62% of 40 people, up from 55% (telemetry)"},
                    {"title":"Habit","value":"35% (n=40)"},
                    {"title":"Trust","value":"—  (fewer than 5 answers)"},
                    {"title":"Response rate","value":"80% of 15"},
                    {"title":"Cycle time Δ","value":"−30% vs baseline (median 13 min)"},
                    {"title":"Stage","value":"pilot · 140 days in stage"},
                    {"title":"Outcome","value":"45% of target · on track · check-in current"},
                    {"title":"Owner","value":"jane@example.com"},
                    {"title":"Days of use","value":"heavy (4+ days) 25% · moderate (2–3 days) 25% · light (1 day) 20% · none 30% of 40 (telemetry) · stopped 10% · 8.74 USD a week per active user · 22 of 50 seats idle"}]}]},
                  {"type":"TextBlock","text":"WAU (weekly active): people of the target team who used the workflow at least once in the week. Habit: people who used it in at least 9 of the last 12 weeks. Cycle time Δ: change of the median reported time against the baseline. Days of use: the week's audience by the days they used it; stopped: used in the 4 weeks before the last 2, not since; passive: seen by the tool but not using it.","wrap":true,"isSubtle":true,"size":"Small"}]}
                """);

        assertThat(DigestCards.render(small("https://uptake.example.com/charts/tok.png"))).isEqualTo(expected);
    }

    @Test
    void withoutAChartAddressTheCardHasNoImage() {
        assertThat(DigestCards.render(small(null)).toString()).doesNotContain("\"Image\"");
    }

    @Test
    void sixtyWorkflowsWithLongNamesFitTwoCardsUnder80KilobytesInUtf16ShowingEveryWorkflow() {
        List<DigestMessage> parts = Digests.compose(Scores.large(60, 200), ComposeDigest.TEAMS_UNITS,
                "https://uptake.example.com/charts/tok.png");

        assertThat(parts).hasSize(2);
        String cards = parts.stream().map(DigestCards::render).peek(card -> assertThat(card.toString().length() * 2)
                .isLessThanOrEqualTo(80 * 1024)).map(ObjectNode::toString).reduce("", String::concat);
        assertThat(cards).contains("Workflow 0 ", "Workflow 59").doesNotContain("did not fit");
        assertThat(parts.stream().map(DigestCards::render).mapToLong(card -> card.findValues("type").stream()
                .filter(t -> t.asText().equals("Container")).count()).sum()).isEqualTo(60);
    }

    @Test
    void aHugeProgrammeIsCutIntoSeveralCardsEachUnder80KilobytesInUtf16() {
        List<DigestMessage> parts = Digests.compose(Scores.large(300, 200), ComposeDigest.TEAMS_UNITS, null);

        assertThat(parts).hasSize(8);
        parts.forEach(p -> assertThat(DigestCards.render(p).toString()).doesNotContain("did not fit")
                .satisfies(card -> assertThat(card.length() * 2).isLessThanOrEqualTo(80 * 1024)));
    }

    @Test
    void aDigestChartHasNoCardOfItsOwnSinceTheDigestCardShowsItByAddress() {
        assertThatThrownBy(() -> AdaptiveCards.render(new DigestChart("Weekly adoption digest · 2026-W47",
                "2026-W47", "tok"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DigestChart.KIND);
    }
}
