package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;
import io.uptake.digest.ComposeDigest;
import io.uptake.digest.Digests;
import io.uptake.digest.Scores;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.ChatMessage;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import io.uptake.message.OutcomeGapAlert;
import io.uptake.message.BoardSummary;
import io.uptake.message.DigestChart;
import io.uptake.message.CommentsShared;
import io.uptake.message.EarlyWarning;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every card the bot can send, at the largest pulse the programmes file allows and beyond, passes the validator. */
class AdaptiveCardLimitsTest {

    static final Instant CLOSES = Instant.parse("2026-11-24T10:00:00Z");
    /** The kinds of message the checks of this class rendered and validated. */
    private static final Set<Class<?>> CHECKED = ConcurrentHashMap.newKeySet();
    private static final String[] PIECES = {"a", "Z", " ", "\n", "&", "<", ">", "é", "😀", "👍🏽", "\"", "{{", "}}"};

    /** Every question kind the programmes file offers, with the options and wording the product uses. */
    static List<AskedQuestion> everyQuestion(String chosenCycleTime) {
        return List.of(
                new AskedQuestion("usage", "How often did you use Claims triage this week?", List.of(
                        new AnswerOption("Never", "0"), new AnswerOption("Once", "1"),
                        new AnswerOption("A few times", "2"), new AnswerOption("Most days", "3")), null),
                new AskedQuestion("trust", "How far do you trust its output enough to rely on it?", List.of(
                        new AnswerOption("1 · Not at all", "1"), new AnswerOption("2", "2"),
                        new AnswerOption("3", "3"), new AnswerOption("4", "4"),
                        new AnswerOption("5 · Completely", "5")), null),
                new AskedQuestion("correction", "How often did its output need fixing?", List.of(
                        new AnswerOption("Never", "0"), new AnswerOption("Sometimes", "1"),
                        new AnswerOption("Often", "2"), new AnswerOption("Always", "3")), null),
                new AskedQuestion("cycle-time", "How long does the task take you now?", List.of(
                        new AnswerOption("Under 5 min", "3"), new AnswerOption("5–10 min", "8"),
                        new AnswerOption("10–20 min", "15"), new AnswerOption("20–40 min", "30"),
                        new AnswerOption("40–60 min", "50"), new AnswerOption("1–2 hours", "90"),
                        new AnswerOption("2–4 hours", "180"), new AnswerOption("Half a day or more", "300")),
                        chosenCycleTime),
                new AskedQuestion("comment", "Anything else? (optional)", List.of(), "A comment", "Read by Jane Doe "
                        + "(owner) and Sam Lee (sponsor) after the round closes."));
    }

    @Test
    void theCycleTimeQuestionsEightOptionsAreAChoiceWithOneSendButton() {
        PulseCard card = new PulseCard("p", 7, "Claims triage", "Quick pulse.", everyQuestion("15"), CLOSES, false,
                null);

        ObjectNode rendered = AdaptiveCards.render(new PulseQuestion(card));

        assertThat(AdaptiveCardLimits.check(rendered)).isEmpty();
        JsonNode choice = rendered.path("body").findParents("id").stream()
                .filter(n -> n.path("id").asText().equals("answer.cycle-time")).findFirst().orElseThrow();
        assertThat(choice.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(choice.path("choices")).hasSize(8);
        assertThat(choice.path("value").asText()).isEqualTo("15");
    }

    @Test
    void aSendFromTheChoiceIsReadAsTheChosenAnswer() {
        var data = CardData.of(7, "cycle-time", null, null).put("answer.cycle-time", "30");

        assertThat(CardData.answer(data, 1)).hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("30"));
    }

    @Test
    void everyPulseKindOfTheLargestPulseIsValid() {
        PulseCard card = new PulseCard("p", 7, "Claims triage", "Quick pulse.", everyQuestion(null), CLOSES, true,
                "ballot-1");

        for (ChatMessage message : pulses(card, true)) {
            assertValid(message);
        }
    }

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 40).mapToObj(i -> (long) i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomPulsesOfEveryKindAreValid(long seed) {
        Random random = new Random(seed);
        List<AskedQuestion> questions = new ArrayList<>();
        int count = random.nextInt(8) == 0 ? 30 + random.nextInt(30) : 1 + random.nextInt(7);
        for (int i = 0; i < count; i++) {
            int options = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 6;
                case 2 -> random.nextInt(60);
                default -> 1 + random.nextInt(6);
            };
            List<AnswerOption> list = IntStream.range(0, options).mapToObj(o -> new AnswerOption(
                    "L" + text(random, 300), Integer.toString(o))).toList();
            String chosen = list.isEmpty() || random.nextBoolean() ? null : list.get(random.nextInt(list.size()))
                    .value();
            questions.add(new AskedQuestion("q" + i, "P" + text(random, 4000), list,
                    list.isEmpty() && random.nextBoolean() ? "C" + text(random, 2000) : chosen,
                    list.isEmpty() && random.nextBoolean() ? "N" + text(random, 3000) : null));
        }
        PulseCard card = new PulseCard("p", random.nextInt(1000), "W" + text(random, 500), "I" + text(random, 6000),
                questions, CLOSES, random.nextBoolean(), null);

        for (ChatMessage message : pulses(card, random.nextBoolean())) {
            assertValid(message);
        }
    }

    @Test
    void checkinCardsAreValidEvenWithHugeNames() {
        String huge = "Ünï 😀 ".repeat(20_000);
        for (CheckinForm form : List.of(CheckinCardsTest.FORM, new CheckinForm("claims-triage", huge, huge, huge,
                "up", "1", "2", "2027-Q1", "2026-Q4", null))) {
            assertValid(new CheckinRequest(form, 0));
            assertValid(new CheckinRequest(form, 2));
        }
        assertValid(new CheckinEscalation("w", huge, huge, huge, "2026-Q4", 7));
        assertValid(new OutcomeGapAlert("w", huge, huge, huge, huge, huge, huge, "10%", huge));
        assertValid(new CheckinSaved("Claims triage", "2026-Q4", "130", "claims", "on track", 7,
                "https://wiki.example.com/e"));
        assertValid(new CheckinSaved(huge, huge, huge, huge, huge, 0, null));
    }

    @Test
    void personalCardsAreValid() {
        String huge = "x😀".repeat(50_000);
        assertValid(new PlayNudge("Claims triage", "https://wiki.example.com/p", "Jane"));
        assertValid(new PlayNudge(huge, null, huge));
        assertValid(new OwnerAlert("Claims triage", "2026-W47", List.of("trust fell 18 points")));
        assertValid(new OwnerAlert(huge, "2026-W47", List.of(huge, huge, huge)));
        assertValid(new MyData(List.of(new MyData.Section("Answers", List.of("one", "two")))));
        assertValid(new MyData(List.of(new MyData.Section("Answers", IntStream.range(0, 5_000)
                .mapToObj(i -> "answer " + i + " " + "é".repeat(200)).toList()))));
        assertValid(new ForgetMeConfirm());
        assertValid(new EarlyWarning("claims-triage", "Claims triage", 61, List.of("habit falling")));
        assertValid(new EarlyWarning("w".repeat(64), huge, 365, List.of(huge, huge, huge, huge)));
        assertValid(new CommentsShared("w", huge, "2026-11-24", 12, "owner", List.of(new CommentsShared.Group(huge,
                IntStream.range(0, 2_000).mapToObj(i -> i + " " + "é".repeat(1990)).toList())),
                "https://uptake.example.com/workflows/w/comments"));
        assertValid(new CommentsShared("w", "Claims", "2026-11-24", 10, "sponsor", List.of(), null));
        assertValid(new BoardSummary("ops", huge, List.of(huge, huge, huge, huge), "2026-Q4", "t", null, "f.png"));
        assertValid(new BoardSummary("ops", "Board summary: Operations AI, 2026-Q4", List.of("Verdict: EMERGING."),
                "2026-Q4", "t", "https://uptake.example.com/charts/t.png", "board-summary-ops-2026-Q4.png"));
    }

    @Test
    void digestCardsAreValidFromOneWorkflowToThreeHundred() {
        assertValid(DigestCardsTest.small("https://uptake.example.com/charts/t.png"));
        for (var digest : Digests.compose(Scores.large(300, 200), ComposeDigest.TEAMS_UNITS,
                "https://uptake.example.com/charts/t.png")) {
            assertValid(digest);
        }
    }

    @Test
    void everyKindOfMessageTeamsIsSentIsCheckedHere() {
        CHECKED.clear();
        everyPulseKindOfTheLargestPulseIsValid();
        checkinCardsAreValidEvenWithHugeNames();
        personalCardsAreValid();
        digestCardsAreValidFromOneWorkflowToThreeHundred();
        Set<Class<?>> kinds = new HashSet<>(Arrays.asList(ChatMessage.class.getPermittedSubclasses()));
        // Teams shows a digest's chart inside the digest card, by address: no chart message is ever sent to it.
        kinds.remove(DigestChart.class);

        assertThat(CHECKED).as("a new kind of message needs its largest samples here")
                .containsExactlyInAnyOrderElementsOf(kinds);
        assertThatThrownBy(() -> AdaptiveCards.render(new DigestChart("t", "2026-W47", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theValidatorNoticesEachKindOfBreach() throws Exception {
        String action = "{\"type\":\"Action.Submit\",\"title\":\"t\"}";
        String actions = String.join(",", java.util.Collections.nCopies(6, action));
        JsonNode bad = new ObjectMapper().readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.6\",\"body\":["
                + "{\"type\":\"ActionSet\",\"actions\":[" + actions + "]},{\"type\":\"Marquee\"},"
                + "{\"type\":\"TextBlock\",\"text\":\"\\ud83d\"},{\"type\":\"Input.Text\",\"id\":\"a\"},"
                + "{\"type\":\"Input.Text\",\"id\":\"a\"},{\"type\":\"TextBlock\",\"text\":\"" + "x".repeat(41_000)
                + "\"}]}");

        assertThat(AdaptiveCardLimits.check(bad)).hasSize(6);
    }

    private static List<ChatMessage> pulses(PulseCard card, boolean answered) {
        return List.of(new PulseQuestion(card), new PulseReminder(card, 2), new PulseAnswered(card),
                new PulseClosed(card, answered));
    }

    private static void assertValid(ChatMessage message) {
        CHECKED.add(message.getClass());
        ObjectNode card = AdaptiveCards.render(message);
        String activity = Serialization.toStringSilent(TeamsMessages.activity(message));
        assertThat(AdaptiveCardLimits.check(card, activity)).as(message.kind()).isEmpty();
    }

    private static String text(Random random, int longest) {
        int length = random.nextInt(4) == 0 ? longest : random.nextInt(Math.max(1, longest));
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }
}
