package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.uptake.ProductClasses;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.file.CatalogParser;
import io.uptake.chat.CheckinReplies;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.OpenCheckinForm;
import io.uptake.digest.ComposeDigest;
import io.uptake.digest.DigestText;
import io.uptake.digest.Digests;
import io.uptake.digest.Scores;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.ChatMessage;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import io.uptake.message.BoardSummary;
import io.uptake.message.DigestChart;
import io.uptake.message.DigestMessage;
import io.uptake.message.CommentsShared;
import io.uptake.message.EarlyWarning;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.OutcomeGapAlert;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import io.uptake.metrics.Scorecard;
import io.uptake.pulse.PersonalPulses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every payload the Slack adapter can send passes {@link BlockKitLimits}, rendered from the largest catalogue the
 * programmes file allows: every message kind (the list below must name each kind {@link ChatMessage} permits), the
 * check-in and comment modals, the Home tab, and every text reply. Two architecture rules keep the list whole: only
 * the classes tested here call Slack's sending methods, and every text reply goes through {@link PrivateReply}.
 */
class EverySlackPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The programmes file holds at most 1 MiB (and as many code points), so no catalogue text is longer. */
    private static final int FILE_LIMIT = 1 << 20;
    /** A name as long as the programmes file allows, full of what Slack parses or cuts badly. */
    private static final String LONGEST = "Ünï <!channel> & <@U1> *b* 😀 ".repeat(FILE_LIMIT / 28)
            .substring(0, FILE_LIMIT - 1000);
    private static final String URL = "https://wiki.example.com/plays/claims?a=1&b=<2>|"
            + "x".repeat(FILE_LIMIT - 1000);

    /** How many workflows the largest programmes file holds, read by the real parser. */
    private static int mostWorkflows;

    @BeforeAll
    static void largestCatalogue() {
        StringBuilder file = new StringBuilder("programmes:\n  - id: p\n    name: P\n    sponsor: s@example.com\n"
                + "    workflows:\n");
        String tail = "\n";
        int count = 0;
        while (true) {
            String line = "      - {id: w" + count + ", owner: o@example.com, audience: {slack-channel: C01}}\n";
            if (file.length() + line.length() + tail.length() > FILE_LIMIT) {
                break;
            }
            file.append(line);
            count++;
        }
        CatalogParse parsed = new CatalogParser().parse("programmes.yml", file.append(tail).toString());
        assertThat(parsed).isInstanceOf(CatalogParse.Valid.class);
        mostWorkflows = ((CatalogParse.Valid) parsed).catalog().workflows().size();
        assertThat(mostWorkflows).isEqualTo(count).isGreaterThan(10_000);
    }

    /** The largest and hardest messages of each kind. */
    static Map<Class<?>, Supplier<List<ChatMessage>>> samples() {
        Map<Class<?>, Supplier<List<ChatMessage>>> samples = new LinkedHashMap<>();
        samples.put(PulseQuestion.class, () -> cards().stream().<ChatMessage>map(PulseQuestion::new).toList());
        samples.put(PulseReminder.class, () -> cards().stream().<ChatMessage>map(c -> new PulseReminder(c, 2))
                .toList());
        samples.put(PulseAnswered.class, () -> cards().stream().<ChatMessage>map(PulseAnswered::new).toList());
        samples.put(PulseClosed.class, () -> cards().stream().flatMap(c -> List.<ChatMessage>of(
                new PulseClosed(c, true), new PulseClosed(c, false)).stream()).toList());
        samples.put(DigestMessage.class, () -> new ArrayList<>(digests()));
        samples.put(DigestChart.class, () -> List.of(new DigestChart("Weekly adoption digest · 2026-W47 (this week"
                + " so far)", "2026-W47", "t".repeat(43))));
        samples.put(BoardSummary.class, () -> List.of(new BoardSummary("ops", "Board summary: " + LONGEST,
                List.of(LONGEST, LONGEST, LONGEST), "2026-Q4", "t".repeat(43), null, "board-summary-ops-2026-Q4.png"),
                new BoardSummary("ops", "Board summary: Operations AI, 2026-Q4", List.of("Verdict: EMERGING."),
                        "2026-Q4", "t".repeat(43), URL, "board-summary-ops-2026-Q4.png")));
        samples.put(CheckinRequest.class, () -> forms().stream().flatMap(f -> List.<ChatMessage>of(
                new CheckinRequest(f, 0), new CheckinRequest(f, 2)).stream()).toList());
        samples.put(CheckinEscalation.class, () -> List.of(new CheckinEscalation("w", LONGEST, LONGEST, LONGEST,
                "2026-Q4", 1), new CheckinEscalation("claims-triage", "Claims triage", "Claims", "Jane", "2026-Q4",
                400)));
        samples.put(CheckinSaved.class, () -> List.of(new CheckinSaved(LONGEST, "2026-Q4", "-123456789012345.5",
                LONGEST, "at_risk", 10, URL), new CheckinSaved("Claims", "2026-11", "130", "claims", "on_track", 0,
                null)));
        samples.put(OutcomeGapAlert.class, () -> List.of(new OutcomeGapAlert("w", LONGEST, LONGEST, LONGEST, LONGEST,
                LONGEST, LONGEST, "10%", LONGEST), new OutcomeGapAlert("claims-triage", "Claims triage", "Claims",
                "Jane <jane@example.com>", "Claims closed (claims)", "claimed 47, measured 40 on 30 Nov", "17.5%",
                "10%", "2026-Q4")));
        samples.put(PlayNudge.class, () -> List.of(new PlayNudge(LONGEST, URL, LONGEST),
                new PlayNudge("Claims triage", "https://wiki.example.com/p?a=1&b=2", "Jane & co"),
                new PlayNudge(LONGEST, null, "jane@example.com")));
        samples.put(OwnerAlert.class, () -> List.of(new OwnerAlert(LONGEST, "2026-W47", List.of(LONGEST, LONGEST,
                "trust fell 18 points", LONGEST))));
        samples.put(MyData.class, () -> List.of(new MyData(List.of(new MyData.Section(LONGEST, IntStream.range(0,
                3000).mapToObj(i -> i + " " + LONGEST.substring(0, 3000)).toList()), new MyData.Section("Empty",
                List.of())))));
        samples.put(ForgetMeConfirm.class, () -> List.of(new ForgetMeConfirm()));
        samples.put(EarlyWarning.class, () -> List.of(new EarlyWarning("w".repeat(64), LONGEST, 365,
                List.of(LONGEST, LONGEST, LONGEST, LONGEST)), new EarlyWarning("claims-triage", "Claims triage", 61,
                List.of("habit falling: weekly active use fell 3 weeks running, to 25% (n = 4)"))));
        samples.put(CommentsShared.class, () -> List.of(new CommentsShared("w", LONGEST, "2026-11-24", 12, "owner",
                IntStream.range(0, 9).mapToObj(g -> new CommentsShared.Group(g + " " + LONGEST, IntStream.range(0,
                        300).mapToObj(i -> i + " <&> *bold* " + LONGEST.repeat(20).substring(0, 1990)).toList()))
                        .toList(), URL), new CommentsShared("claims-triage", "Claims triage", "2026-11-24", 10,
                "owner and sponsor", List.of(new CommentsShared.Group("No blocker named", List.of("Fine"))), null)));
        return samples;
    }

    @Test
    void everyKindOfMessageHasSamplesHere() {
        Set<Class<?>> kinds = new HashSet<>(Arrays.asList(ChatMessage.class.getPermittedSubclasses()));

        assertThat(samples().keySet()).as("a new kind of message needs its largest samples here")
                .containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void everyMessageOfTheLargestCatalogueIsWithinTheLimits() {
        int checked = 0;
        for (var kind : samples().entrySet()) {
            for (ChatMessage message : kind.getValue().get()) {
                if (message instanceof DigestChart chart) {
                    // Uploaded as a file, not rendered as blocks: its words are the upload's title and caption.
                    assertThat(BlockKitLimits.checkText(chart.title())).as(chart.kind()).isEmpty();
                    assertThat(BlockKitLimits.checkText(SlackText.mrkdwn(chart.caption(), PrivateReply.MAX_TEXT)))
                            .as(chart.kind()).isEmpty();
                } else if (message instanceof BoardSummary board) {
                    // Uploaded as a file too: its words are the upload's plain title and its mrkdwn comment.
                    assertThat(SlackChartUpload.title(board)).hasSizeLessThanOrEqualTo(SlackChartUpload.MAX_TITLE);
                    assertThat(BlockKitLimits.checkText(SlackText.mrkdwn(board.text(), PrivateReply.MAX_TEXT)))
                            .as(board.kind()).isEmpty();
                } else {
                    assertThat(BlockKitLimits.check(BlockKit.render(message))).as(message.kind()).isEmpty();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(mostWorkflows / ComposeDigest.SLACK_UNITS);
    }

    @Test
    void theCheckinModalInEveryStateIsWithinTheLimits() {
        for (CheckinForm form : forms()) {
            assertThat(BlockKitLimits.checkView(CheckinModalView.render(form))).isEmpty();
            Map<String, String> typed = Map.of("value", "1".repeat(30), "status", "at_risk", "confidence", "10",
                    "evidence", URL.substring(0, 3000), "note", LONGEST.substring(0, 2000));
            CheckinResult.ConfirmValue confirm = new CheckinResult.ConfirmValue("1".repeat(30), form.unit(),
                    form.baseline(), form.target());
            assertThat(BlockKitLimits.checkView(CheckinModalView.confirming(form, typed, confirm))).isEmpty();
        }
        for (ChatMessage saved : samples().get(CheckinSaved.class).get()) {
            assertThat(BlockKitLimits.checkView(CheckinModalView.saved((CheckinSaved) saved))).isEmpty();
        }
    }

    @Test
    void theCommentModalIsWithinTheLimits() throws Exception {
        for (PulseCard card : cards()) {
            JsonNode button = BlockKit.render(new PulseQuestion(card)).blocks().findValues("value").stream()
                    .filter(v -> v.asText().contains("comment")).findFirst().orElseThrow();
            JsonNode view = JSON.readTree(GsonFactory.createSnakeCase().toJson(CommentModal.view(button.asText())));
            assertThat(BlockKitLimits.checkView(view)).isEmpty();
            JsonNode noted = JSON.readTree(GsonFactory.createSnakeCase().toJson(CommentModal.view(button.asText(),
                    "Read by " + LONGEST + " (owner) and " + LONGEST + " (sponsor) after the round closes.")));
            assertThat(BlockKitLimits.checkView(noted)).isEmpty();
        }
    }

    @Test
    void theHomeTabWithTheMostItHoldsIsWithinTheLimits() {
        List<PulseCard> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            open.addAll(cards());
        }
        List<PersonalPulses.MyAnswer> mine = IntStream.range(0, 10).mapToObj(i -> new PersonalPulses.MyAnswer(
                LONGEST, "How long does this task take you now: " + LONGEST + "?", LONGEST.substring(0, 2000),
                LocalDate.of(2026, 11, 24))).toList();

        for (boolean optedOut : List.of(true, false)) {
            assertThat(BlockKitLimits.checkView(HomeTabView.render(new HomeTabContent(open, mine, optedOut))))
                    .isEmpty();
            assertThat(BlockKitLimits.checkView(HomeTabView.render(new HomeTabContent(List.of(), List.of(),
                    optedOut)))).isEmpty();
            assertThat(BlockKitLimits.checkView(HomeTabView.render(new HomeTabContent(cards().subList(0, 1),
                    mine.subList(0, 1), optedOut)))).isEmpty();
        }
    }

    @Test
    void theErasureQuestionAnsweringTheSlashCommandIsWithinTheLimits() throws Exception {
        JsonNode body = JSON.readTree(UptakeCommand.confirmErasure().getBody());

        assertThat(BlockKitLimits.check(new SlackMessage(body.path("text").asText(),
                (com.fasterxml.jackson.databind.node.ArrayNode) body.path("blocks")))).isEmpty();
    }

    @Test
    void everyTextReplyIsWithinTheLimits() {
        List<String> replies = new ArrayList<>(List.of(LONGEST, "", " ", "a & b <!channel> <@U1> 😀",
                CheckinModal.NOT_OPENED, ForgetMeConfirm.CONFIRM_COMMAND, new ForgetMeConfirm().fallbackText()));
        // The longest replies the product words: a status of the largest programme, an owner of every workflow.
        Scorecard largest = Scores.large(mostWorkflows, 20);
        replies.add(DigestText.render(Digests.compose(largest, ComposeDigest.SLACK_UNITS, null)));
        replies.add(CheckinReplies.of(new OpenCheckinForm.Result.Choose(IntStream.range(0, mostWorkflows)
                .mapToObj(i -> new OpenCheckinForm.Choice("w" + i, "Workflow <" + i + ">")).toList())));
        replies.add(CheckinReplies.of(new OpenCheckinForm.Result.NotOwner(LONGEST, LONGEST)));

        for (String reply : replies) {
            assertThat(BlockKitLimits.checkText(PrivateReply.text(reply))).as(reply.substring(0,
                    Math.min(40, reply.length()))).isEmpty();
        }
    }

    @Test
    void onlyTheRenderersTestedHereSendToSlack() {
        JavaClasses classes = ProductClasses.all();
        Set<String> senders = Set.of("chatPostMessage", "chatUpdate", "chatPostEphemeral", "chatScheduleMessage",
                "viewsOpen", "viewsUpdate", "viewsPush", "viewsPublish", "filesCompleteUploadExternal",
                "filesUploadV2", "filesUpload");
        DescribedPredicate<JavaMethodCall> sends = DescribedPredicate.describe("a Slack Web API call that shows "
                + "something to people", call -> call.getTargetOwner().getName().equals(
                "com.slack.api.methods.MethodsClient") && senders.contains(call.getName()));
        // SlackGateway renders with BlockKit (every message kind above), CheckinModal with CheckinModalView,
        // CommentModal with its own view, HomeTab with HomeTabView, SlackChartUpload uploads the DigestChart.
        ArchRuleDefinition.noClasses().that().doNotHaveSimpleName("SlackGateway").and()
                .doNotHaveSimpleName("CheckinModal").and().doNotHaveSimpleName("CommentModal").and()
                .doNotHaveSimpleName("HomeTab").and().doNotHaveSimpleName("SlackChartUpload")
                .should().callMethodWhere(sends).check(classes);
        DescribedPredicate<JavaMethodCall> replies = DescribedPredicate.describe("a reply through Bolt's "
                + "acknowledgement or response_url", call -> call.getTargetOwner().getPackageName().startsWith(
                "com.slack.api.bolt.context") && (call.getName().equals("respond") || call.getName().equals("say")
                || (call.getName().equals("ack") && call.getTarget().getRawParameterTypes().size() == 1
                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class))));
        ArchRuleDefinition.noClasses().that().doNotHaveSimpleName("PrivateReply").should().callMethodWhere(replies)
                .check(classes);
    }

    /** Cards of every question kind, worded as the product words them, at the catalogue's longest names. */
    /** The notice under a comment box, as the product words it, with <, > and & in the names. */
    static final String NOTE = "Read by Jane <Doe> & co (owner) and Sam Lee (sponsor) after the round closes, only "
            + "if at least 10 people answer; names, emails, numbers and mentions are removed. You can withdraw it "
            + "until then. Not linked to you.";

    private static List<PulseCard> cards() {
        List<PulseCard> cards = new ArrayList<>();
        for (boolean anonymous : List.of(false, true)) {
            for (boolean answered : List.of(false, true)) {
                List<AskedQuestion> questions = everyQuestion(LONGEST, LONGEST).stream()
                        .map(q -> q.freeText() ? q.withNote(NOTE) : q)
                        .map(q -> answered ? q.choose(q.freeText() ? LONGEST.substring(0, 2000)
                                : q.options().get(q.options().size() - 1).value()) : q).toList();
                cards.add(new PulseCard("p".repeat(64), Long.MAX_VALUE, LONGEST, "Quick pulse on " + LONGEST
                        + ": 5 questions, under a minute.", questions, TestCards.CLOSES, anonymous,
                        anonymous ? "b".repeat(64) : null));
            }
        }
        return cards;
    }

    /** The question kinds of the programmes file, with the wording and options of {@code pulse/PulseQuestions}. */
    private static List<AskedQuestion> everyQuestion(String workflow, String task) {
        return List.of(
                new AskedQuestion("usage", "How often did you use " + workflow + " this week?", List.of(
                        new AnswerOption("Never", "0"), new AnswerOption("Once", "1"),
                        new AnswerOption("A few times", "2"), new AnswerOption("Most days", "3")), null),
                new AskedQuestion("trust", "How far do you trust its output enough to rely on it?", List.of(
                        new AnswerOption("1 · Not at all", "1"), new AnswerOption("2", "2"),
                        new AnswerOption("3", "3"), new AnswerOption("4", "4"),
                        new AnswerOption("5 · Completely", "5")), null),
                new AskedQuestion("correction", "How often did its output need fixing?", List.of(
                        new AnswerOption("Never", "0"), new AnswerOption("Sometimes", "1"),
                        new AnswerOption("Often", "2"), new AnswerOption("Always", "3")), null),
                new AskedQuestion("cycle-time", "How long does this task take you now: " + task + "?", List.of(
                        new AnswerOption("Under 5 min", "3"), new AnswerOption("5–10 min", "8"),
                        new AnswerOption("10–20 min", "15"), new AnswerOption("20–40 min", "30"),
                        new AnswerOption("40–60 min", "50"), new AnswerOption("1–2 hours", "90"),
                        new AnswerOption("2–4 hours", "180"), new AnswerOption("Half a day or more", "300")), null),
                new AskedQuestion("comment", "Anything else? (optional)", List.of(), null));
    }

    private static List<DigestMessage> digests() {
        List<DigestMessage> parts = new ArrayList<>();
        parts.addAll(Digests.forSlack(Scores.large(mostWorkflows, 20)));
        parts.addAll(Digests.forSlack(Scores.large(3, LONGEST.length())));
        parts.addAll(Digests.forSlack(Scores.large(60, 300)));
        parts.addAll(Digests.forSlack(new Scorecard("2026-W47", List.of())));
        return parts;
    }

    private static List<CheckinForm> forms() {
        return List.of(new CheckinForm("w".repeat(64), LONGEST, LONGEST, LONGEST, "down", "-123456789012345.123456789",
                        "123456789012345.123456789", "2027-Q1", "2026-Q4", "-123456789012345.123456789"),
                new CheckinForm("claims-triage", "Claims triage", "Claims closed", "claims", "up", "120", "150",
                        "2027-Q1", "2026-Q4", null));
    }
}
