package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.ChatMessage;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The neutral messages as Adaptive Cards: the exact shape of a question, every kind, and the size limit. */
class AdaptiveCardsTest {

    static final Instant CLOSES = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aQuestionIsASchema15CardWithExecuteButtonsFallingBackToSubmit() throws JsonProcessingException {
        PulseCard card = new PulseCard("claims-weekly", 7, "Claims triage", "Quick pulse on Claims triage.",
                List.of(new AskedQuestion("trust", "Trust it?", List.of(new AnswerOption("Low", "1"),
                        new AnswerOption("High", "5")), null)), CLOSES, false, null);

        ObjectNode rendered = AdaptiveCards.render(new PulseQuestion(card));

        // Compared as parsed JSON: a long and an int holding 7 are different nodes but the same JSON.
        assertThat(FakeBotConnector.JSON.readTree(rendered.toString())).isEqualTo(FakeBotConnector.JSON.readTree("""
                {"type": "AdaptiveCard",
                 "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                 "version": "1.5",
                 "fallbackText": "Quick pulse on Claims triage.",
                 "body": [
                   {"type": "TextBlock", "text": "Quick pulse on Claims triage.", "wrap": true},
                   {"type": "TextBlock", "text": "Trust it?", "wrap": true, "weight": "Bolder", "spacing": "Medium"},
                   {"type": "ActionSet", "actions": [
                     {"type": "Action.Execute", "title": "Low", "verb": "uptake.answer",
                      "data": {"uptake": "answer", "roundId": 7, "question": "trust", "value": "1"},
                      "fallback": {"type": "Action.Submit", "title": "Low",
                                   "data": {"uptake": "answer", "roundId": 7, "question": "trust", "value": "1"}}},
                     {"type": "Action.Execute", "title": "High", "verb": "uptake.answer",
                      "data": {"uptake": "answer", "roundId": 7, "question": "trust", "value": "5"},
                      "fallback": {"type": "Action.Submit", "title": "High",
                                   "data": {"uptake": "answer", "roundId": 7, "question": "trust", "value": "5"}}}]},
                   {"type": "TextBlock", "wrap": true, "isSubtle": true, "size": "Small",
                    "text": "Open until {{DATE(2026-11-24T10:00:00Z, SHORT)}} {{TIME(2026-11-24T10:00:00Z)}}"}]}
                """));
    }

    @Test
    void anAnsweredCardShowsTheAnswerAndMarksItsButton() {
        JsonNode rendered = AdaptiveCards.render(new PulseAnswered(pulse(false, "4")));

        assertThat(rendered.toString()).contains("Thanks, your answer is recorded", "Your answer: 4");
        assertThat(executes(rendered)).filteredOn(a -> a.path("style").asText().equals("positive"))
                .singleElement().satisfies(a -> assertThat(a.path("data").path("value").asText()).isEqualTo("4"));
    }

    @Test
    void anAnonymousCardsButtonsCarryTheBallot() {
        PulseCard card = new PulseCard("p", 9, "W", "Intro", List.of(trust(null)), CLOSES, true, "ballot-secret");

        assertThat(executes(AdaptiveCards.render(new PulseAnswered(card))))
                .allSatisfy(a -> assertThat(a.path("data").path("ballot").asText()).isEqualTo("ballot-secret"));
    }

    @Test
    void aReminderSaysSo() {
        assertThat(AdaptiveCards.render(new PulseReminder(pulse(false, null), 1)).path("body").path(0).path("text")
                .asText()).startsWith("Reminder");
    }

    @Test
    void aClosedCardShowsTheAnswersWithoutButtons() {
        JsonNode rendered = AdaptiveCards.render(new PulseClosed(pulse(false, "2"), true));

        assertThat(rendered.toString()).contains("This pulse has closed", "Your answer: 2")
                .doesNotContain("Action.Execute", "Action.Submit", "Open until");
    }

    @Test
    void aFreeTextQuestionHasAnInputAndASendButton() {
        AskedQuestion comment = new AskedQuestion("comment", "Anything else?", List.of(), null);
        PulseCard card = new PulseCard("p", 3, "W", "Intro", List.of(comment), CLOSES, false, null);

        JsonNode rendered = AdaptiveCards.render(new PulseQuestion(card));

        assertThat(rendered.path("body").findValues("id")).extracting(JsonNode::asText).contains("answer.comment");
        assertThat(executes(rendered)).singleElement().satisfies(a -> {
            assertThat(a.path("title").asText()).isEqualTo("Send");
            assertThat(a.path("data").has("value")).isFalse();
        });
    }

    @Test
    void cardsStayUnder80KilobytesWhateverTheTextLength() {
        String huge = "Ünïcödé 🙂 ".repeat(100_000);
        List<AnswerOption> options = IntStream.range(0, 500)
                .mapToObj(i -> new AnswerOption(huge.substring(0, 5000), String.valueOf(i))).toList();
        List<AskedQuestion> questions = IntStream.range(0, 200)
                .mapToObj(i -> new AskedQuestion("q" + i, huge, options, String.valueOf(i % 3))).toList();
        PulseCard card = new PulseCard("p", 1, huge, huge, questions, CLOSES, true, "b".repeat(30));

        for (ChatMessage message : List.of(new PulseQuestion(card), new PulseReminder(card, 2),
                new PulseAnswered(card), new PulseClosed(card, true))) {
            ObjectNode rendered = AdaptiveCards.render(message);
            String activity = Serialization.toStringSilent(TeamsMessages.activity(message));

            assertThat(rendered.path("version").asText()).isEqualTo("1.5");
            assertThat(activity.getBytes(StandardCharsets.UTF_8).length).isLessThan(80 * 1024);
            assertThat(rendered.path("body").size()).isGreaterThan(1);
        }
    }

    @Test
    void aSingleEnormousFieldIsCutNotRefused() {
        String huge = "x".repeat(5_000_000);
        PulseCard card = new PulseCard("p", 1, "W", huge, List.of(new AskedQuestion("trust", huge,
                List.of(new AnswerOption(huge, "1")), huge)), CLOSES, false, null);

        ObjectNode rendered = AdaptiveCards.render(new PulseAnswered(card));

        assertThat(AdaptiveCards.bytes(rendered)).isLessThanOrEqualTo(AdaptiveCards.MAX_BYTES);
        assertThat(rendered.path("body").path(1).path("text").asText()).endsWith("…");
    }

    private static PulseCard pulse(boolean anonymous, String chosen) {
        return new PulseCard("claims-weekly", 5, "Claims triage", "Quick pulse.", List.of(trust(chosen)), CLOSES,
                anonymous, null);
    }

    private static AskedQuestion trust(String chosen) {
        return new AskedQuestion("trust", "Trust it?", IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new AnswerOption(String.valueOf(i), String.valueOf(i))).toList(), chosen);
    }

    private static List<JsonNode> executes(JsonNode card) {
        return card.findParents("verb");
    }
}
