package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.ChatMessage;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the catalog and people write, every rendered message stays within every Block Kit limit. */
class BlockKitLimitsTest {

    /** Characters that stress escaping, cutting and the button value's separators. */
    private static final String[] PIECES = {"a", "Z", " ", "\n", "&", "<", ">", "|", "%", "*", "_", "~", "`", "é",
        "😀", "👍🏽", "\t", "!", "@"};

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 60).mapToObj(i -> (long) i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomCardsOfEveryKindStayWithinTheLimits(long seed) {
        Random random = new Random(seed);
        PulseCard card = card(random);

        for (ChatMessage message : kinds(card, random.nextBoolean())) {
            assertThat(BlockKitLimits.check(BlockKit.render(message))).as("seed %d, %s", seed, message.kind())
                    .isEmpty();
        }
    }

    @Test
    void hugeNamesPromptsAndLabelsAreCutWithAnEllipsis() {
        AskedQuestion question = new AskedQuestion("usage", "p".repeat(10_000),
                List.of(new AnswerOption("l".repeat(500), "1")), "1");
        PulseCard card = new PulseCard("p", 1, "w".repeat(1000), "i".repeat(10_000), List.of(question),
                TestCards.CLOSES, false, null);

        SlackMessage message = BlockKit.render(new PulseAnswered(card));

        assertThat(message.blocks().get(0).at("/text/text").asText()).hasSizeLessThanOrEqualTo(150).endsWith("…");
        assertThat(message.blocks().get(1).at("/text/text").asText()).hasSize(3000).endsWith("…");
        assertThat(message.blocks().get(2).at("/text/text").asText()).contains("p…*\nYour answer: l");
        assertThat(BlockKitTest.buttons(message).get(0).at("/text/text").asText()).hasSize(75).endsWith("…");
        assertThat(BlockKitLimits.check(message)).isEmpty();
    }

    @Test
    void escapesAreNeverCutInHalf() {
        AskedQuestion question = new AskedQuestion("usage", "&".repeat(3000), List.of(), null);
        PulseCard card = new PulseCard("p", 1, "W", "<".repeat(3000), List.of(question), TestCards.CLOSES, false,
                null);

        for (ChatMessage message : kinds(card, true)) {
            assertThat(BlockKitLimits.check(BlockKit.render(message))).isEmpty();
        }
    }

    @Test
    void hugeQuestionIdsKeepActionIdsWithinLimitsAndDistinct() {
        String id = "q".repeat(1000);
        PulseCard card = TestCards.card(new AskedQuestion(id, "Pick", List.of(new AnswerOption("A", "1"),
                new AnswerOption("B", "2")), null), new AskedQuestion(id + "x", "Say", List.of(), null));

        SlackMessage message = BlockKit.render(new PulseQuestion(card));

        assertThat(BlockKitLimits.check(message)).isEmpty();
        assertThat(BlockKitTest.buttons(message)).hasSize(3)
                .allSatisfy(b -> assertThat(AnswerButtonValue.decode(b.path("value").asText())).isPresent());
    }

    @Test
    void sixtyQuestionsOfTwentyOptionsStayWithinFiftyBlocks() {
        AskedQuestion[] questions = IntStream.range(0, 60).mapToObj(i -> TestCards.options("q" + i, 20))
                .toArray(AskedQuestion[]::new);

        for (ChatMessage message : kinds(TestCards.card(questions), true)) {
            assertThat(BlockKitLimits.check(BlockKit.render(message))).as(message.kind()).isEmpty();
        }
    }

    @Test
    void aQuestionWithHundredsOfOptionsStaysWithinFiftyBlocks() {
        for (ChatMessage message : kinds(TestCards.card(TestCards.usage(), TestCards.options("big", 2000)), true)) {
            assertThat(BlockKitLimits.check(BlockKit.render(message))).as(message.kind()).isEmpty();
        }
    }

    @Test
    void emptyTextsStillRenderValidBlocks() {
        AskedQuestion question = new AskedQuestion("usage", " ", List.of(new AnswerOption("", "1")), null);
        PulseCard card = new PulseCard("p", 1, "", "", List.of(question), TestCards.CLOSES, true, "");

        for (ChatMessage message : kinds(card, false)) {
            assertThat(BlockKitLimits.check(BlockKit.render(message))).as(message.kind()).isEmpty();
        }
    }

    @Test
    void theCheckerItselfNoticesEachKindOfBreach() throws Exception {
        String button = "{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\"%s\"},"
                + "\"action_id\":\"%s\",\"value\":\"%s\"}";
        String blocks = "[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "h".repeat(151)
                + "\"}},{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"a & b <@U1> \\ud83d\"}},"
                + "{\"type\":\"actions\",\"elements\":[" + button.formatted("x".repeat(76), "same", "v".repeat(2001))
                + "," + button.formatted("ok", "same", "v") + "]}]";
        SlackMessage bad = new SlackMessage("fine", (ArrayNode) BlockKitTest.JSON.readTree(blocks));

        assertThat(BlockKitLimits.check(bad)).hasSize(6);
    }

    private static List<ChatMessage> kinds(PulseCard card, boolean answered) {
        return List.of(new PulseQuestion(card), new PulseReminder(card, 2), new PulseAnswered(card),
                new PulseClosed(card, answered));
    }

    private static PulseCard card(Random random) {
        int count = random.nextInt(10) == 0 ? 30 + random.nextInt(40) : random.nextInt(8);
        List<AskedQuestion> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(question(random, i));
        }
        boolean anonymous = random.nextBoolean();
        return new PulseCard("pulse", random.nextLong(), text(random, 1000), text(random, 8000), questions,
                Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)), anonymous,
                anonymous && random.nextBoolean() ? text(random, 40) : null);
    }

    private static AskedQuestion question(Random random, int index) {
        String id = random.nextInt(8) == 0 ? text(random, 800) : "q" + index;
        int options = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 20;
            case 2 -> random.nextInt(60);
            default -> 1 + random.nextInt(6);
        };
        List<AnswerOption> list = IntStream.range(0, options).mapToObj(i -> new AnswerOption(text(random, 400),
                random.nextInt(20) == 0 ? text(random, 2500) : Integer.toString(i))).toList();
        String chosen = null;
        if (random.nextBoolean()) {
            chosen = list.isEmpty() ? text(random, 3000) : list.get(random.nextInt(list.size())).value();
        }
        return new AskedQuestion(id, text(random, 6000), list, chosen);
    }

    /** Mostly short text, sometimes very long, sometimes empty. */
    private static String text(Random random, int longest) {
        int length = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> longest;
            default -> random.nextInt(Math.max(1, longest));
        };
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }
}
