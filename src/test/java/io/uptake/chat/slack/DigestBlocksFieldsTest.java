package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.message.DigestMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A workflow's row past Slack's ten fields a section may hold: no fact is dropped. */
class DigestBlocksFieldsTest {

    static DigestMessage withFacts(int count) {
        List<DigestMessage.Fact> facts = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new DigestMessage.Fact("Label " + i, "value " + i)).toList();
        return new DigestMessage("Weekly adoption digest · 2026-W47", "2026-W47", 1, 1, List.of(
                new DigestMessage.Programme("P", "Emerging", List.of(), false, List.of(
                        new DigestMessage.Row("Triage", "Emerging", facts, List.of())))), null);
    }

    static JsonNode fields(DigestMessage digest) {
        for (JsonNode block : BlockKit.render(digest).blocks()) {
            if (block.has("fields")) {
                return block.get("fields");
            }
        }
        throw new AssertionError("no row");
    }

    @Test
    void tenFactsAreTenFields() {
        JsonNode fields = fields(withFacts(10));

        assertThat(fields).hasSize(10);
        assertThat(fields.get(9).get("text").asText()).isEqualTo("*Label 10*\nvalue 10");
    }

    @Test
    void twelveFactsKeepTenFieldsTheLastCarryingTheRestOneUnderAnother() {
        JsonNode fields = fields(withFacts(12));

        assertThat(fields).hasSize(10);
        assertThat(fields.get(8).get("text").asText()).isEqualTo("*Label 9*\nvalue 9");
        assertThat(fields.get(9).get("text").asText())
                .isEqualTo("*Label 10*\nvalue 10\n*Label 11*\nvalue 11\n*Label 12*\nvalue 12");
        List<String> problems = new ArrayList<>(BlockKitLimits.check(BlockKit.render(withFacts(12))));
        assertThat(problems).isEmpty();
    }
}
