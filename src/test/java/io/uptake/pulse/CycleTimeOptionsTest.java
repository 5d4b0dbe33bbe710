package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cycle-time answers beyond an hour are stored as minutes; a press of the old "Over an hour" still counts. */
@MicronautTest(transactional = false, rebuildContext = true)
class CycleTimeOptionsTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PulseRepositories.Answers answers;
    @Inject
    MutableClock clock;

    @Test
    void rangesBeyondAnHourAreStoredAsTheirMinutesAndTheOldOverAnHourStaysSeventyFive() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC")
                .person("bo@example.com", "UTC").person("cy@example.com", "UTC")
                .questions(Question.USAGE, Question.CYCLE_TIME).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        long round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();

        AnswerResult half = recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "cycle-time",
                "300", null));
        AnswerResult old = recordAnswer.record(new AnswerCommand(round, ids.get("bo@example.com"), "cycle-time",
                "75", null));
        AnswerResult made = recordAnswer.record(new AnswerCommand(round, ids.get("cy@example.com"), "cycle-time",
                "76", null));

        assertThat(half).isInstanceOf(AnswerResult.Recorded.class);
        assertThat(old).isInstanceOf(AnswerResult.Recorded.class);
        assertThat(made).isInstanceOf(AnswerResult.Invalid.class);
        assertThat(answers.findByRoundId(round)).extracting(AnswerRow::valueNum)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("300"), new BigDecimal("75"));
        assertThat(PulseQuestions.CYCLE_TIME).hasSize(8).extracting(o -> o.value())
                .containsExactly("3", "8", "15", "30", "50", "90", "180", "300");
    }
}
