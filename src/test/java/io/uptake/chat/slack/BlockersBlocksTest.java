package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.catalog.BlockerCategory;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "What's most in the way?" in Slack: eight buttons in one row, then the optional comment's button. */
class BlockersBlocksTest {

    static AskedQuestion blockers(String chosen) {
        return new AskedQuestion("blockers", "What's most in the way of using Claims triage?",
                BlockerCategory.inOrder().stream().map(c -> new AnswerOption(c.label(), Integer.toString(c.value())))
                        .toList(), chosen);
    }

    static AskedQuestion blockersComment() {
        return new AskedQuestion("blockers-comment", "Anything to add? (optional)", List.of(), null);
    }

    @Test
    void everyCategoryIsAButtonCarryingItsValueAndTheCommentFollows() {
        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(blockers(null), blockersComment())));

        assertThat(BlockKitLimits.check(message)).isEmpty();
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String commentAction = null;
        for (JsonNode block : message.blocks()) {
            for (JsonNode e : block.path("elements")) {
                String action = e.path("action_id").asText("");
                if (action.startsWith(PulseActions.ANSWER_PREFIX + "blockers")) {
                    labels.add(e.path("text").path("text").asText());
                    values.add(AnswerButtonValue.decode(e.path("value").asText()).orElseThrow().value());
                } else if (action.startsWith(PulseActions.COMMENT_PREFIX)) {
                    commentAction = action;
                }
            }
        }
        assertThat(labels).containsExactly("Data access", "Integration with the tools I use", "Rules or approval",
                "I don't trust the output", "I don't understand it / no training", "No time", "Doesn't fit my work",
                "Nothing — it works");
        assertThat(values).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(commentAction).isEqualTo(PulseActions.COMMENT_PREFIX + "blockers-comment");
        assertThat(message.blocks().toString()).contains("What's most in the way of using Claims triage?",
                "Anything to add? (optional)");
    }

    @Test
    void theChosenCategoryIsShownAndItsButtonPressed() {
        PulseCard card = TestCards.card(blockers("6"), blockersComment());

        SlackMessage message = BlockKit.render(new PulseQuestion(card));

        assertThat(BlockKitLimits.check(message)).isEmpty();
        assertThat(message.blocks().toString()).contains("Your answer: No time");
        for (JsonNode block : message.blocks()) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText("").startsWith(PulseActions.ANSWER_PREFIX + "blockers")) {
                    boolean chosen = AnswerButtonValue.decode(e.path("value").asText()).orElseThrow().value()
                            .equals("6");
                    assertThat(e.has("style")).as(e.toString()).isEqualTo(chosen);
                }
            }
        }
    }
}
