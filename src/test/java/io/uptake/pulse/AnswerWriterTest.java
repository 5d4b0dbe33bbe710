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
}
