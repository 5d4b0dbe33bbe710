package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.catalog.BlockerCategory;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "What's most in the way?" in Teams: eight answers are more than a row of buttons may hold, so they are a choice
 * input with one Send button; the optional comment is a text input with its own Send.
 */
class BlockersCardTest {

    static PulseCard card(String chosen) {
        AskedQuestion blockers = new AskedQuestion("blockers", "What's most in the way of using Claims triage?",
                BlockerCategory.inOrder().stream().map(c -> new AnswerOption(c.label(), Integer.toString(c.value())))
                        .toList(), chosen);
        AskedQuestion comment = new AskedQuestion("blockers-comment", "Anything to add? (optional)", List.of(),
                null);
        return new PulseCard("claims-weekly", 42, "Claims triage", "Quick pulse on Claims triage.",
                List.of(blockers, comment), Instant.parse("2026-11-24T10:00:00Z"), false, null);
    }

    @Test
    void theCategoriesAreAChoiceWithOneSendAndTheCommentATextInput() {
        ObjectNode rendered = AdaptiveCards.render(new PulseQuestion(card(null)));

        assertThat(AdaptiveCardLimits.check(rendered)).isEmpty();
        JsonNode choice = rendered.findParents("choices").get(0);
        assertThat(choice.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(choice.path("id").asText()).isEqualTo(CardData.INPUT_PREFIX + "blockers");
        assertThat(choice.path("choices").findValuesAsText("value"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(choice.path("choices").findValuesAsText("title")).first().isEqualTo("Data access");
        assertThat(rendered.toString()).contains("\"id\":\"" + CardData.INPUT_PREFIX + "blockers-comment\"",
                "Anything to add? (optional)");
        for (JsonNode set : rendered.findParents("actions")) {
            assertThat(set.path("actions").size()).isLessThanOrEqualTo(AdaptiveCards.MAX_ACTIONS);
        }
    }

    @Test
    void anEditedAnswerShowsTheChosenCategoryPreselected() {
        ObjectNode rendered = AdaptiveCards.render(new PulseQuestion(card("3")));

        assertThat(AdaptiveCardLimits.check(rendered)).isEmpty();
        assertThat(rendered.toString()).contains("Your answer: Rules or approval");
        assertThat(rendered.findParents("choices").get(0).path("value").asText()).isEqualTo("3");
    }
}
