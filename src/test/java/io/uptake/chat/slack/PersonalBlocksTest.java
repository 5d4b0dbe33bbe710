package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.message.ChatMessage;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonalBlocksTest {

    @Test
    void aPlayNudgeLinksThePlayAndNamesTheOwnerEscaped() {
        SlackMessage message = BlockKit.render(new PlayNudge("Claims <triage>",
                "https://wiki.example.com/plays/a?x=1&y=2", "Jane & co"));

        // The play is the one intended link, so the escaping check is made on the text, not by the limits checker.
        assertThat(message.blocksJson()).contains("<https://wiki.example.com/plays/a?x=1&amp;y=2|the play>",
                "Jane &amp; co", "Claims &lt;triage&gt;");
    }

    @Test
    void aPlayAddressTooLongToLinkWholeIsLeftOutRatherThanCutIntoBrokenMarkup() {
        SlackMessage message = BlockKit.render(new PlayNudge("Claims triage", "https://wiki.example.com/"
                + "p".repeat(2990), "Jane"));

        assertThat(BlockKitLimits.check(message)).isEmpty();
        assertThat(message.blocks().get(1).at("/text/text").asText()).doesNotContain("<https")
                .contains("Jane owns it");
    }

    @Test
    void everyNewKindStaysWithinSlackLimitsHoweverLong() {
        String longText = String.join("", Collections.nCopies(5000, "é<"));
        List<String> lines = IntStream.range(0, 800).mapToObj(i -> i + " " + longText).toList();
        List<ChatMessage> messages = List.of(new PlayNudge(longText, null, longText),
                new OwnerAlert(longText, "2026-W47", List.of(longText, longText)),
                new MyData(List.of(new MyData.Section("You", lines), new MyData.Section("Empty", List.of()))),
                new ForgetMeConfirm());

        for (ChatMessage m : messages) {
            assertThat(BlockKitLimits.check(BlockKit.render(m))).as(m.kind()).isEmpty();
        }
    }

    @Test
    void aLongExportSaysWhatWasLeftOut() {
        List<String> lines = IntStream.range(0, 2000).mapToObj(i -> "answer number " + i + " " + "x".repeat(200))
                .toList();

        assertThat(BlockKit.render(new MyData(List.of(new MyData.Section("Answers", lines)))).blocksJson())
                .contains("too long for one message");
    }

    @Test
    void aYearOfAnswersInAnExportStaysWithinTheTextSlackTakesInOneMessage() {
        List<String> lines = IntStream.range(0, 260).mapToObj(i -> "2026-W" + (i % 52 + 1) + " Claims triage: How "
                + "far do you trust its output enough to rely on it? 4").toList();

        SlackMessage message = BlockKit.render(new MyData(List.of(new MyData.Section("Answers", lines))));

        assertThat(BlockKitLimits.check(message)).isEmpty();
        assertThat(message.blocksJson()).contains("too long for one message");
    }

    @Test
    void theErasureQuestionHasConfirmAndCancelButtons() {
        String json = BlockKit.render(new ForgetMeConfirm()).blocksJson();

        assertThat(json).contains(PersonalBlocks.FORGET_CONFIRM, PersonalBlocks.FORGET_CANCEL, "\"danger\"")
                .doesNotContain("Reply `forget-me confirm`");
    }
}
