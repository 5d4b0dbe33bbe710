package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.platform.Platform;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.MyData;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ExportMyData;
import io.uptake.people.ForgetMe;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.time.MutableClock;
import io.uptake.usage.UsageRepositories;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Export and erasure of one person's data do exactly what they say, and nothing to anyone else. */
@MicronautTest(transactional = false, rebuildContext = true)
class DataRightsTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    CloseRounds closeRounds;
    @Inject
    ExportMyData exportMyData;
    @Inject
    ForgetMe forgetMe;
    @Inject
    PulseRepositories.Answers answers;
    @Inject
    PulseRepositories.Deliveries deliveries;
    @Inject
    PersonRepository people;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    OutboxRepository outbox;
    @Inject
    UsageRepositories.Events usage;
    @Inject
    Dispatcher dispatcher;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    Map<String, Long> ids;
    long round;

    void answered() {
        ids = PulseWorld.in(context).person("ana@example.com", "UTC").person("bo@example.com", "UTC")
                .questions(Question.USAGE, Question.TRUST, Question.COMMENT).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
        for (long person : ids.values()) {
            recordAnswer.record(new AnswerCommand(round, person, "usage", "2", null));
            recordAnswer.record(new AnswerCommand(round, person, "trust", "4", null));
            recordAnswer.record(new AnswerCommand(round, person, "comment", "Saves me an hour, " + person, null));
        }
        dispatcher.dispatchDue();
        slack.clear();
    }

    @Test
    void myDataSendsIdentitiesDeliveriesAndConfidentialAnswersAndIsNotKept() {
        answered();
        long ana = ids.get("ana@example.com");

        ExportMyData.Result result = exportMyData.send(ana, Platform.SLACK);
        dispatcher.dispatchDue();

        assertThat(result).isInstanceOf(ExportMyData.Result.Sent.class);
        assertThat(slack.delivered()).singleElement().satisfies(call -> {
            assertThat(call.envelope().recipient()).isEqualTo("U1");
            String text = ((MyData) call.envelope().message()).sections().toString();
            assertThat(text).contains("ana@example.com", "slack · workspace T0TEAM · user U1",
                    "Claims triage pulse of 2026-03-10: sent", "→ 4", "Saves me an hour, " + ana,
                    "(from your pulse answer)");
            assertThat(text).doesNotContain("Saves me an hour, " + ids.get("bo@example.com"), "bo@example.com");
        });
        assertThat(outbox.findAll()).noneMatch(row -> row.kind().equals(MyData.KIND));
    }

    @Test
    void myDataLeavesOutAnonymousAnswers() {
        ids = PulseWorld.in(context).person("ana@example.com", "UTC").anonymous()
                .questions(Question.USAGE, Question.COMMENT).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "comment", "secret words", null));
        dispatcher.dispatchDue();
        slack.clear();

        exportMyData.send(ids.get("ana@example.com"), Platform.SLACK);
        dispatcher.dispatchDue();

        String text = ((MyData) slack.delivered().get(0).envelope().message()).sections().toString();
        assertThat(text).doesNotContain("secret words").contains("anonymous: your answers are not linked to you");
    }

    @Test
    void forgetMeErasesIdentityAndFreeTextAndUnlinksAnswersButCountsStay() {
        answered();
        long ana = ids.get("ana@example.com");
        long answersBefore = answers.countByRoundId(round);

        ForgetMe.Result result = forgetMe.erase(ana);

        assertThat(result).isInstanceOf(ForgetMe.Result.Erased.class);
        PersonRow erased = people.findById(ana).orElseThrow();
        assertThat(erased.erasedAt()).isEqualTo(clock.instant());
        assertThat(erased.email()).isNull();
        assertThat(erased.timeZone()).isNull();
        assertThat(identities.findByPersonIdOrderById(ana)).isEmpty();
        assertThat(answers.findByPersonIdOrderByIdDesc(ana)).isEmpty();
        assertThat(answers.countByRoundId(round)).isEqualTo(answersBefore - 1);
        assertThat(answers.findByRoundId(round)).filteredOn(a -> a.valueText() != null).singleElement()
                .satisfies(a -> assertThat(a.valueText()).isEqualTo("Saves me an hour, " + ids.get("bo@example.com")));
        assertThat(answers.findByRoundId(round)).filteredOn(a -> a.question().equals("trust"))
                .hasSize(2).allSatisfy(a -> assertThat(a.valueInt()).isEqualTo(4));
        assertThat(deliveries.findByRoundIdOrderById(round)).hasSize(2);
        assertThat(usage.findByPersonIdOrderByDay(ana)).hasSize(1);
        assertThat(outbox.findAll()).filteredOn(row -> ana == (row.personId() == null ? -1 : row.personId()))
                .allSatisfy(row -> {
                    assertThat(row.payload()).isEqualTo("{}");
                    assertThat(row.recipient()).isEqualTo("erased");
                });
        assertThat(people.findById(ids.get("bo@example.com")).orElseThrow().email()).isEqualTo("bo@example.com");
    }

    @Test
    void anErasedPersonGetsNothingMoreNotEvenTheClosingEdit() {
        answered();
        long ana = ids.get("ana@example.com");
        forgetMe.erase(ana);

        clock.advance(Duration.ofHours(73));
        closeRounds.run();
        dispatcher.dispatchDue();

        assertThat(slack.delivered()).singleElement()
                .satisfies(c -> assertThat(c.envelope().recipient()).isEqualTo("U2"));
        assertThat(forgetMe.erase(ana)).isInstanceOf(ForgetMe.Result.NotFound.class);
        assertThat(exportMyData.send(ana, Platform.SLACK)).isInstanceOf(ExportMyData.Result.NotFound.class);
    }

    @Test
    void pendingMessagesToAnErasedPersonAreCancelled() {
        answered();
        long ana = ids.get("ana@example.com");
        exportMyData.send(ana, Platform.SLACK);

        forgetMe.erase(ana);
        dispatcher.dispatchDue();

        assertThat(slack.delivered()).isEmpty();
        assertThat(outbox.findAll()).filteredOn(r -> r.kind().equals(MyData.KIND)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(OutboxRow.CANCELLED));
    }
}
