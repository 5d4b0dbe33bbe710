package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseClosed;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class AnswerTest {

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
    PulseRepositories.Answers answers;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    Map<String, Long> ids;
    long round;

    void openAndSend() {
        ids = PulseWorld.in(context).person("ana@example.com", "UTC").person("bo@example.com", "UTC")
                .questions(Question.USAGE, Question.TRUST, Question.COMMENT).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
        slack.clear();
    }

    @Test
    void twoIdenticalAnswersRecordOneAndEditTheMessageOnce() {
        openAndSend();
        AnswerCommand click = new AnswerCommand(round, ids.get("ana@example.com"), "trust", "4", null);

        AnswerResult first = recordAnswer.record(click);
        AnswerResult second = recordAnswer.record(click);
        dispatcher.dispatchDue();

        assertThat(first).isInstanceOfSatisfying(AnswerResult.Recorded.class, r -> assertThat(r.changed()).isTrue());
        assertThat(second).isInstanceOfSatisfying(AnswerResult.Recorded.class, r -> assertThat(r.changed()).isFalse());
        assertThat(answers.findByRoundId(round)).singleElement().satisfies(a -> assertThat(a.valueInt()).isEqualTo(4));
        assertThat(slack.delivered()).singleElement().satisfies(call -> {
            assertThat(call.envelope().updateRef()).contains("slack-msg-1");
            assertThat(((PulseAnswered) call.envelope().message()).card().questions().get(1).chosen()).isEqualTo("4");
        });
    }

    @Test
    void reAnsweringWithinTheRoundReplacesTheAnswer() {
        openAndSend();
        long ana = ids.get("ana@example.com");

        recordAnswer.record(new AnswerCommand(round, ana, "usage", "0", null));
        recordAnswer.record(new AnswerCommand(round, ana, "usage", "3", null));

        assertThat(answers.findByRoundId(round)).singleElement().satisfies(a -> assertThat(a.valueInt()).isEqualTo(3));
    }

    @Test
    void anAnswerAfterTheRoundClosedIsRefusedPolitely() {
        openAndSend();
        clock.advance(Duration.ofHours(72));
        closeRounds.run();

        AnswerResult result = recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "5",
                null));

        assertThat(result).isInstanceOf(AnswerResult.Closed.class);
        assertThat(result.message()).contains("closed");
        assertThat(answers.findByRoundId(round)).isEmpty();
    }

    @Test
    void closingARoundEditsEveryDeliveredMessage() {
        openAndSend();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "5", null));
        dispatcher.dispatchDue();
        slack.clear();
        clock.advance(Duration.ofHours(71));
        assertThat(closeRounds.run()).isZero();
        clock.advance(Duration.ofHours(1));

        assertThat(closeRounds.run()).isEqualTo(1);
        dispatcher.dispatchDue();

        assertThat(slack.delivered()).hasSize(2).allSatisfy(c -> {
            assertThat(c.envelope().message()).isInstanceOf(PulseClosed.class);
            assertThat(c.envelope().updateRef()).isPresent();
        });
    }

    @Test
    void invalidValuesAndStrangersAreRefusedAndNothingIsStored() {
        openAndSend();
        long ana = ids.get("ana@example.com");

        assertThat(recordAnswer.record(new AnswerCommand(round, ana, "trust", "9", null)))
                .isInstanceOf(AnswerResult.Invalid.class);
        assertThat(recordAnswer.record(new AnswerCommand(round, ana, "correction", "1", null)))
                .isInstanceOf(AnswerResult.Invalid.class);
        assertThat(recordAnswer.record(new AnswerCommand(round, ana, "comment", " ", null)))
                .isInstanceOf(AnswerResult.Invalid.class);
        assertThat(recordAnswer.record(new AnswerCommand(round, 999_999, "trust", "3", null)))
                .isInstanceOf(AnswerResult.NotInvited.class);
        assertThat(answers.findByRoundId(round)).isEmpty();
    }
}
