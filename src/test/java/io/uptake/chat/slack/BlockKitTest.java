package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class BlockKitTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void smallQuestionCardRendersTheExpectedBlocks() throws Exception {
        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(TestCards.usage(),
                TestCards.comment())));

        assertThat(message.blocks()).isEqualTo(JSON.readTree("""
                [
                  {"type": "header", "text": {"type": "plain_text", "text": "Pulse: Claims triage"}},
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "Quick pulse on Claims triage: 2 questions, under a minute."}},
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "*How often did you use Claims triage this week?*"}},
                  {"type": "actions", "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Never"},
                     "action_id": "pulse_answer:usage:0", "value": "1|42|usage|0|"},
                    {"type": "button", "text": {"type": "plain_text", "text": "Once"},
                     "action_id": "pulse_answer:usage:1", "value": "1|42|usage|1|"}
                  ]},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "*Anything else? (optional)*"}},
                  {"type": "actions", "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Write a comment"},
                     "action_id": "pulse_comment:comment", "value": "1|42|comment||"}
                  ]},
                  {"type": "context", "elements": [{"type": "mrkdwn",
                    "text": "Confidential: reports never show groups small enough to single you out. · Closes <!date^1795514400^{date_short_pretty} at {time}|24 Nov 2026, 10:00 UTC>"}]}
                ]
                """));
        assertThat(message.text()).isEqualTo("Quick pulse on Claims triage: 2 questions, under a minute.");
    }

    @Test
    void blocksJsonIsTheSameTree() throws Exception {
        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(TestCards.usage())));

        assertThat(JSON.readTree(message.blocksJson())).isEqualTo(message.blocks());
    }

    @Test
    void reminderSaysItIsAReminder() {
        SlackMessage message = BlockKit.render(new PulseReminder(TestCards.card(TestCards.usage()), 1));

        assertThat(message.blocks().get(0).at("/text/text").asText()).isEqualTo("Reminder: pulse on Claims triage");
        assertThat(message.blocks().get(1).at("/text/text").asText())
                .startsWith("*Reminder:* you have not answered this pulse yet.\nQuick pulse");
        assertThat(message.text()).startsWith("Reminder: ");
        assertThat(buttons(message)).hasSize(2);
    }

    @Test
    void answeredCardMarksTheChosenOptionKeepsTheButtonsAndThanks() {
        PulseCard card = TestCards.card(TestCards.usage().choose("1"), TestCards.comment());

        SlackMessage message = BlockKit.render(new PulseAnswered(card));

        assertThat(buttons(message)).extracting(b -> b.path("text").path("text").asText(),
                        b -> b.path("style").asText())
                .containsExactly(tuple("Never", ""),
                        tuple("Once", "primary"),
                        tuple("Write a comment", ""));
        assertThat(texts(message)).contains("*How often did you use Claims triage this week?*\nYour answer: Once",
                BlockKit.THANKS);
    }

    @Test
    void answeredCommentIsShownAndCanBeEdited() {
        PulseCard card = TestCards.card(TestCards.comment().choose("Saved me <an hour> & more"));

        SlackMessage message = BlockKit.render(new PulseAnswered(card));

        assertThat(texts(message)).contains(
                "*Anything else? (optional)*\nYour comment: Saved me &lt;an hour&gt; &amp; more");
        assertThat(buttons(message)).singleElement()
                .satisfies(b -> assertThat(b.at("/text/text").asText()).isEqualTo("Edit your comment"));
    }

    @Test
    void anonymousCardCarriesTheBallotInEveryButtonAndSaysItIsAnonymous() {
        PulseCard card = TestCards.anonymous("s3cr|et", TestCards.usage(), TestCards.comment());

        SlackMessage message = BlockKit.render(new PulseAnswered(card));

        assertThat(buttons(message)).allSatisfy(b -> assertThat(AnswerButtonValue.decode(b.path("value").asText()))
                .hasValueSatisfying(parts -> assertThat(parts.ballot()).isEqualTo("s3cr|et")));
        assertThat(texts(message)).anyMatch(t -> t.startsWith("Anonymous: answers are stored with no link to you."));
    }

    @Test
    void everyButtonValueNamesTheRoundQuestionAndOption() {
        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(TestCards.usage(),
                TestCards.comment())));

        assertThat(buttons(message)).extracting(b -> AnswerButtonValue.decode(b.path("value").asText()).orElseThrow())
                .containsExactly(new AnswerCommandParts(42, "usage", "0", null),
                        new AnswerCommandParts(42, "usage", "1", null),
                        new AnswerCommandParts(42, "comment", "", null));
        assertThat(buttons(message)).extracting(b -> b.path("action_id").asText())
                .allMatch(id -> PulseActions.ANSWER_ACTIONS.matcher(id).matches()
                        || PulseActions.COMMENT_ACTIONS.matcher(id).matches());
    }

    @Test
    void closedCardHasNoButtonsAndShowsTheAnswers() {
        PulseCard card = TestCards.card(TestCards.usage().choose("0"), TestCards.comment());

        SlackMessage message = BlockKit.render(new PulseClosed(card, true));

        assertThat(buttons(message)).isEmpty();
        assertThat(message.blocks().get(0).at("/text/text").asText()).isEqualTo("Pulse closed: Claims triage");
        assertThat(texts(message)).contains("This pulse has closed. Thanks for answering.\nYour answers:",
                "*How often did you use Claims triage this week?*\nYour answer: Never",
                "*Anything else? (optional)*\n_No answer_");
    }

    @Test
    void closedCardWithoutAnswersSaysSoAndListsNoQuestions() {
        SlackMessage message = BlockKit.render(new PulseClosed(TestCards.card(TestCards.usage()), false));

        assertThat(message.blocks()).extracting(b -> b.path("type").asText())
                .containsExactly("header", "section", "context");
        assertThat(texts(message)).contains("This pulse has closed, so answers are no longer taken.");
    }

    @Test
    void namesPromptsAndLabelsAreEscapedInMrkdwnButNotInPlainText() {
        AskedQuestion question = new AskedQuestion("usage", "Use <!channel> & <https://x.example|this>?",
                List.of(new AnswerOption("A & <B>", "1")), null);
        PulseCard card = new PulseCard("p", 7, "R&D <tools>", "Hi <@U123> & team", List.of(question),
                TestCards.CLOSES, false, null);

        SlackMessage message = BlockKit.render(new PulseQuestion(card));

        assertThat(message.blocks().get(0).at("/text/text").asText()).isEqualTo("Pulse: R&D <tools>");
        assertThat(texts(message)).contains("Hi &lt;@U123&gt; &amp; team",
                "*Use &lt;!channel&gt; &amp; &lt;https://x.example|this&gt;?*");
        assertThat(buttons(message).get(0).at("/text/text").asText()).isEqualTo("A & <B>");
        assertThat(message.text()).isEqualTo("Hi &lt;@U123&gt; &amp; team");
        assertThat(BlockKitLimits.check(message)).isEmpty();
    }

    @Test
    void twentyOptionsFitOneActionsBlock() {
        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(TestCards.options("scale", 20))));

        assertThat(actionBlocks(message)).singleElement()
                .satisfies(b -> assertThat(b.path("elements")).hasSize(20));
    }

    @Test
    void moreThanTwentyFiveOptionsAreSplitIntoBlocksOfTwentyFive() {
        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(TestCards.options("scale", 30))));

        assertThat(actionBlocks(message)).extracting(b -> b.path("elements").size()).containsExactly(25, 5);
        assertThat(buttons(message)).extracting(b -> b.path("action_id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void questionsBeyondFiftyBlocksAreCountedNotDropped() {
        AskedQuestion[] questions = new AskedQuestion[40];
        for (int i = 0; i < questions.length; i++) {
            questions[i] = TestCards.options("q" + i, 3);
        }

        SlackMessage message = BlockKit.render(new PulseAnswered(TestCards.card(questions)));

        assertThat(message.blocks().size()).isLessThanOrEqualTo(50);
        assertThat(texts(message)).contains("18 more questions do not fit in this message.", BlockKit.THANKS);
        assertThat(BlockKitLimits.check(message)).isEmpty();
    }

    @Test
    void anOptionWhoseValueCannotFitInAButtonIsLeftOut() {
        AskedQuestion question = new AskedQuestion("usage", "Pick", List.of(new AnswerOption("Fits", "1"),
                new AnswerOption("Too big", "v".repeat(2000))), null);

        SlackMessage message = BlockKit.render(new PulseQuestion(TestCards.card(question)));

        assertThat(buttons(message)).extracting(b -> b.at("/text/text").asText()).containsExactly("Fits");
    }

    static List<JsonNode> actionBlocks(SlackMessage message) {
        return StreamSupport.stream(message.blocks().spliterator(), false)
                .filter(b -> "actions".equals(b.path("type").asText())).toList();
    }

    static List<JsonNode> buttons(SlackMessage message) {
        List<JsonNode> buttons = new ArrayList<>();
        actionBlocks(message).forEach(b -> b.path("elements").forEach(buttons::add));
        return buttons;
    }

    /** The mrkdwn of every section and context. */
    static List<String> texts(SlackMessage message) {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : message.blocks()) {
            if (block.has("text") && "mrkdwn".equals(block.at("/text/type").asText())) {
                texts.add(block.at("/text/text").asText());
            }
            block.path("elements").forEach(e -> {
                if ("mrkdwn".equals(e.path("type").asText())) {
                    texts.add(e.path("text").asText());
                }
            });
        }
        return texts;
    }
}
