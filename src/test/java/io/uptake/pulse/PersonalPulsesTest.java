package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class PersonalPulsesTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PersonalPulses personal;
    @Inject
    MutableClock clock;

    @Test
    void aPersonSeesTheirOpenPulsesAndOnlyTheirOwnAnswers() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC").person("bo@example.com", "UTC")
                .build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        long round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "4", null));
        recordAnswer.record(new AnswerCommand(round, ids.get("bo@example.com"), "trust", "1", null));

        assertThat(personal.open(ids.get("ana@example.com"))).singleElement()
                .satisfies(card -> assertThat(card.questions().get(1).chosen()).isEqualTo("4"));
        assertThat(personal.recentAnswers(ids.get("ana@example.com"))).singleElement()
                .satisfies(a -> assertThat(a.answer()).isEqualTo("4"));

        clock.advance(Duration.ofDays(4));
        assertThat(personal.open(ids.get("ana@example.com"))).isEmpty();
    }
}
