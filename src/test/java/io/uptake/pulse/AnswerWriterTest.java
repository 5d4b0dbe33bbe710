package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class AnswerWriterTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    AnswerWriter writer;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PulseRepositories.Answers answers;
    @Inject
    PulseRepositories.Deliveries deliveries;
    @Inject
    MutableClock clock;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    io.uptake.delivery.OutboxRepository outbox;

    @Test
    void manyClicksAtOnceAreEachRecordedAndEachCallerGetsItsOwnResult() throws Exception {
        PulseWorld world = PulseWorld.in(context);
        for (int i = 0; i < 40; i++) {
            world.person("p" + i + "@example.com", "UTC");
        }
        Map<String, Long> ids = world.questions(Question.USAGE, Question.TRUST).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        long round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();

        List<CompletableFuture<AnswerResult>> recorded = new ArrayList<>();
        List<CompletableFuture<AnswerResult>> refused = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long person = ids.get("p" + i + "@example.com");
            recorded.add(writer.submit(new AnswerCommand(round, person, "trust", Integer.toString(i % 5 + 1), null)));
            refused.add(writer.submit(new AnswerCommand(round, person, "trust", "9", null)));
        }

        for (CompletableFuture<AnswerResult> result : recorded) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(AnswerResult.Recorded.class);
        }
        for (CompletableFuture<AnswerResult> result : refused) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(AnswerResult.Invalid.class);
        }
        List<AnswerRow> stored = answers.findByRoundId(round).stream()
                .filter(a -> a.question().equals("trust")).toList();
        assertThat(stored).hasSize(40);
        assertThat(stored.stream().mapToInt(AnswerRow::valueInt).sum()).isEqualTo(8 * (1 + 2 + 3 + 4 + 5));
        assertThat(deliveries.findByRoundIdOrderById(round)).allMatch(DeliveryRow::answered);
    }

    @Test
    void laterClicksInOneBatchSeeTheEarlierOnes() {
        PulseWorld world = PulseWorld.in(context);
        world.person("ann@example.com", "UTC");
        world.person("bob@example.com", "UTC");
        Map<String, Long> ids = world.questions(Question.USAGE, Question.TRUST).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        long round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
        long ann = ids.get("ann@example.com");
        long bob = ids.get("bob@example.com");

        List<AnswerResult> results = recordAnswer.recordAll(List.of(
                new AnswerCommand(round, ann, "trust", "2", null),
                new AnswerCommand(round, ann, "trust", "4", null),
                new AnswerCommand(round, ann, "usage", "3", null),
                new AnswerCommand(round, ann, "trust", "4", null),
                new AnswerCommand(round, 999_999L, "trust", "4", null),
                new AnswerCommand(round, bob, "trust", "7", null)));

        assertThat(((AnswerResult.Recorded) results.get(0)).changed()).isTrue();
        assertThat(((AnswerResult.Recorded) results.get(1)).changed()).isTrue();
        AnswerResult.Recorded both = (AnswerResult.Recorded) results.get(2);
        assertThat(both.changed()).isTrue();
        assertThat(both.card().questions()).allMatch(q -> q.chosen() != null);
        assertThat(((AnswerResult.Recorded) results.get(3)).changed()).as("the same answer again").isFalse();
        assertThat(results.get(4)).isInstanceOf(AnswerResult.NotInvited.class);
        assertThat(results.get(5)).isInstanceOf(AnswerResult.Invalid.class);
        List<AnswerRow> stored = answers.findByRoundId(round);
        assertThat(stored).extracting(AnswerRow::question, AnswerRow::personId, AnswerRow::valueInt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("trust", ann, 4),
                        org.assertj.core.groups.Tuple.tuple("usage", ann, 3));
        assertThat(deliveries.findByRoundIdOrderById(round))
                .extracting(DeliveryRow::personId, DeliveryRow::answered)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ann, true),
                        org.assertj.core.groups.Tuple.tuple(bob, false));
        // One edit of Ann's message for each change: three, each showing the answers as they then stood.
        assertThat(java.util.stream.StreamSupport.stream(outbox.findAll().spliterator(), false)
                .filter(row -> row.kind().equals("pulse_answered") && ann == row.personId())).hasSize(3);
    }
}
