package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.CommentsShared;
import io.uptake.message.PulseQuestion;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.ForgetMe;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Comments reach the workflow's owner and the programme's sponsor: only the scrubbed copy, only after the round
 * closes and only when at least ten people answered it, grouped by blocker and in the order of their words; a
 * person can withdraw theirs while the round is open, not after; erasure takes the display copy too.
 */
@MicronautTest(transactional = false, rebuildContext = true)
class CommentsReachReadersTest {

    static final Instant OPEN = Instant.parse("2026-03-10T10:00:00Z");
    /** The pulse closes 72 hours after it opens: a Friday morning, inside working hours. */
    static final Instant CLOSED = Instant.parse("2026-03-13T10:00:01Z");

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    CloseRounds closeRounds;
    @Inject
    Dispatcher dispatcher;
    @Inject
    RoundComments roundComments;
    @Inject
    PulseRepositories.Answers answers;
    @Inject
    PulseRepositories.ShownComments shown;
    @Inject
    PulseRepositories.Deliveries deliveries;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    List<Long> people;
    long owner;
    long sponsor;
    long round;

    /** {@code n} people asked usage and a comment; the owner and the sponsor reachable on Slack. */
    void open(int n, boolean anonymous) {
        PulseWorld world = PulseWorld.in(context).questions(Question.USAGE, Question.COMMENT);
        IntStream.rangeClosed(1, n).forEach(i -> world.person("p" + i + "@example.com", "UTC"));
        if (anonymous) {
            world.anonymous();
        }
        people = new ArrayList<>(world.build().values());
        owner = reachable("owner@example.com", "Olive Owner", "UOWNER");
        sponsor = reachable("cfo@example.com", "Sam Lee", "USPONSOR");
        named(people.get(0), "Jane Doe");
        clock.set(OPEN);
        round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
    }

    @Test
    void tenRespondentsLetTheOwnerAndSponsorReadTheScrubbedCommentsInTheOrderOfTheirWords() {
        open(10, false);
        everyoneAnswersUsage();
        comment(3, "Zebra crossings of data would help");
        comment(1, "Ask Jane Doe or mail jane.doe@example.com, call +44 20 7946 0958, cc <@U123> and @bo");
        comment(2, "apples first: it saves time");

        close();

        List<CommentsShared> sent = commentsSent();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(CommentsShared::reader).containsExactlyInAnyOrder("owner", "sponsor");
        assertThat(sent.get(0).respondents()).isEqualTo(10);
        assertThat(sent.get(0).groups()).singleElement().satisfies(g -> {
            assertThat(g.blocker()).isEqualTo(RoundComments.NO_BLOCKER);
            assertThat(g.comments()).containsExactly("apples first: it saves time",
                    "Ask [name] or mail [email], call [phone], cc [mention] and [mention]",
                    "Zebra crossings of data would help");
        });
        // The words as written stay for their author's own export.
        assertThat(answers.findByDeliveryId(delivery(1))).anySatisfy(a ->
                assertThat(a.valueText()).contains("Jane Doe", "jane.doe@example.com"));
    }

    @Test
    void nineRespondentsKeepTheCommentsHiddenAndSendNothing() {
        open(9, false);
        everyoneAnswersUsage();
        comment(1, "Too slow on Mondays");

        close();

        assertThat(commentsSent()).isEmpty();
        RoundComments.Round shownRound = roundComments.ofWorkflow("claims-triage").get(0);
        assertThat(shownRound.respondents()).isEqualTo(9);
        assertThat(shownRound.written()).isEqualTo(1);
        assertThat(shownRound.shown()).isFalse();
        assertThat(shownRound.groups()).isEmpty();
    }

    @Test
    void commentsAreGroupedByTheBlockerTheSamePersonNamed() {
        open(10, false);
        everyoneAnswersUsage();
        comment(1, "Cannot reach the claims data");
        comment(2, "Nobody showed us how");
        comment(3, "Fine as it is");
        // The blockers question's answers, as the blockers question stores them: 1 data access, 5 training.
        blocker(1, 1);
        blocker(2, 5);

        close();

        assertThat(commentsSent().get(0).groups()).extracting(CommentsShared.Group::blocker)
                .containsExactly("Data access", "I don't understand it / no training", RoundComments.NO_BLOCKER);
        assertThat(commentsSent().get(0).groups().get(0).comments()).containsExactly("Cannot reach the claims data");
    }

    @Test
    void aCommentWithdrawnWhileOpenIsGoneAndOneAfterTheCloseIsRefused() {
        open(10, false);
        everyoneAnswersUsage();
        comment(1, "Please do not share this after all");
        comment(2, "Keep this one");

        AnswerResult withdrawn = recordAnswer.record(new AnswerCommand(round, people.get(0), "withdraw:comment",
                "withdraw", null));

        assertThat(withdrawn).isInstanceOf(AnswerResult.Recorded.class);
        assertThat(answers.findByDeliveryId(delivery(1))).extracting(AnswerRow::question).containsExactly("usage");
        assertThat(shown.findByRoundIdAndQuestionInList(round, List.of("comment")))
                .extracting(ShownCommentRow::shownText).containsExactly("Keep this one");
        close();
        AnswerResult late = recordAnswer.record(new AnswerCommand(round, people.get(1), "withdraw:comment",
                "withdraw", null));
        assertThat(late).isInstanceOf(AnswerResult.TooLateToWithdraw.class);
        assertThat(late.message()).contains("can no longer be withdrawn");
        assertThat(commentsSent().get(0).groups().get(0).comments()).containsExactly("Keep this one");
    }

    @Test
    void anAnonymousCommentIsWithdrawnWithItsBallotAndTheWriterCanAnswerAgainFromTheSameMessage() {
        open(10, true);
        comment(1, "Only this");

        AnswerResult withoutBallot = recordAnswer.record(new AnswerCommand(round, people.get(0), "withdraw:comment",
                "withdraw", null));
        AnswerResult withBallot = recordAnswer.record(new AnswerCommand(round, people.get(0), "withdraw:comment",
                "withdraw", ballot(1)));

        assertThat(withoutBallot).isInstanceOf(AnswerResult.UseLatestMessage.class);
        assertThat(withBallot).isInstanceOfSatisfying(AnswerResult.Recorded.class, r -> assertThat(r.changed())
                .isTrue());
        assertThat(answers.findByRoundId(round)).isEmpty();
        assertThat(deliveries.findById(delivery(1)).orElseThrow().answered()).isFalse();
        assertThat(recordAnswer.record(new AnswerCommand(round, people.get(0), "usage", "3", ballot(1))))
                .isInstanceOf(AnswerResult.Recorded.class);
        assertThat(answers.findByRoundId(round)).singleElement().satisfies(a -> assertThat(a.valueInt()).isEqualTo(3));
    }

    @Test
    void erasureDeletesTheDisplayCopyOfThePersonsComments() {
        open(10, false);
        everyoneAnswersUsage();
        comment(1, "Mine to take back");
        comment(2, "Stays");

        context.getBean(ForgetMe.class).erase(people.get(0));

        assertThat(shown.findByRoundIdAndQuestionInList(round, List.of("comment")))
                .extracting(ShownCommentRow::shownText).containsExactly("Stays");
    }

    @Test
    void anAnonymousCommentCannotBeJoinedToItsDeliveryNorToWhenItWasWritten() {
        open(10, true);
        everyoneAnswersUsage();
        clock.set(OPEN.plusSeconds(3600));
        comment(1, "b written first");
        clock.set(OPEN.plusSeconds(7200));
        comment(2, "a written second");

        List<ShownCommentRow> kept = shown.findByRoundIdAndQuestionInList(round, List.of("comment"));
        assertThat(kept).hasSize(2).allSatisfy(c -> {
            assertThat(c.deliveryId()).isNull();
            assertThat(c.ballot()).hasSize(64);
        });
        assertThat(answers.findByRoundIdAndQuestion(round, "comment")).allSatisfy(a -> {
            assertThat(a.personId()).isNull();
            assertThat(a.updatedAt()).isNull();
        });
        // The notice says so before they write.
        assertThat(slack.delivered()).filteredOn(c -> c.envelope().message() instanceof PulseQuestion).first()
                .satisfies(c -> assertThat(((PulseQuestion) c.envelope().message()).card().questions().get(1).note())
                        .isEqualTo("Read by Olive Owner (owner) and Sam Lee (sponsor) after the round closes, only if"
                                + " at least 10 people answer; names, emails, numbers and mentions are removed. You "
                                + "can withdraw it until then. Not linked to you."));
        close();
        // Shown in the order of their words, not of their writing; nothing beside them says who or when.
        CommentsShared message = commentsSent().get(0);
        assertThat(message.groups().get(0).comments()).containsExactly("a written second", "b written first");
        assertThat(message).isIn(new CommentsShared("claims-triage", "Claims triage", "2026-03-10", 10, "owner",
                message.groups(), null), new CommentsShared("claims-triage", "Claims triage", "2026-03-10", 10,
                "sponsor", message.groups(), null));
    }

    // Helpers

    void everyoneAnswersUsage() {
        for (int n = 1; n <= people.size(); n++) {
            AnswerResult result = recordAnswer.record(new AnswerCommand(round, people.get(n - 1), "usage", "2",
                    null));
            assertThat(result).isInstanceOf(AnswerResult.Recorded.class);
            ballots.put(n, ((AnswerResult.Recorded) result).card().ballot());
        }
    }

    /** The {@code n}th person (from 1) comments; in anonymous rounds with the ballot their message carries. */
    void comment(int n, String text) {
        String ballot = ballot(n);
        AnswerResult result = recordAnswer.record(new AnswerCommand(round, people.get(n - 1), "comment", text,
                ballot));
        assertThat(result).isInstanceOf(AnswerResult.Recorded.class);
        ballots.put(n, ((AnswerResult.Recorded) result).card().ballot());
    }

    final Map<Integer, String> ballots = new java.util.HashMap<>();

    String ballot(int n) {
        return ballots.get(n);
    }

    void blocker(int n, int category) {
        DeliveryRow d = deliveries.findByRoundIdAndPersonId(round, people.get(n - 1)).orElseThrow();
        answers.save(new AnswerRow(null, round, d.id(), d.personId(), null, "blockers", category, null, null,
                LocalDate.parse("2026-03-10"), OPEN));
    }

    long delivery(int n) {
        return deliveries.findByRoundIdAndPersonId(round, people.get(n - 1)).orElseThrow().id();
    }

    void close() {
        clock.set(CLOSED);
        slack.clear();
        closeRounds.run();
        dispatcher.dispatchDue();
    }

    List<CommentsShared> commentsSent() {
        return slack.delivered().stream().map(c -> c.envelope().message())
                .filter(m -> m instanceof CommentsShared).map(m -> (CommentsShared) m).toList();
    }

    long reachable(String email, String name, String userId) {
        PersonRow person = context.getBean(FindOrAddPerson.class).byEmail(email).orElseThrow();
        named(person.id(), name);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        context.getBean(ChatIdentityRepository.class).save(new ChatIdentityRow(null, person.id(), Platform.SLACK,
                PulseWorld.TENANT, userId, null, null, null, at, at));
        return person.id();
    }

    void named(long personId, String name) {
        PersonRepository repo = context.getBean(PersonRepository.class);
        PersonRow p = repo.findById(personId).orElseThrow();
        repo.update(new PersonRow(p.id(), p.email(), name, p.timeZone(), p.locale(), p.optedOutAt(), p.pausedUntil(),
                p.unreachableAt(), p.unreachableReason(), p.erasedAt(), p.createdAt(), p.updatedAt()));
    }
}
