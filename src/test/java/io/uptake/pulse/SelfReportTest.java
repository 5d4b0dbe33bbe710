package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.usage.UsageEventRow;
import io.uptake.usage.UsageRepositories;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A usage answer in a confidential round becomes a self-reported usage event; anonymous rounds write none. */
@MicronautTest(transactional = false, rebuildContext = true)
class SelfReportTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    UsageRepositories.Events events;
    @Inject
    MutableClock clock;

    @Test
    void aUsageAnswerIsStoredAsSelfReportedUseOnTheAnswerDay() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC").build();
        long round = open();

        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "usage", "2", null));

        assertThat(events.findByPersonIdOrderByDay(ids.get("ana@example.com"))).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(UsageEventRow.SELF_REPORT);
            assertThat(e.workflowId()).isEqualTo("claims-triage");
            assertThat(e.day()).isEqualTo(LocalDate.parse("2026-03-10"));
            assertThat(e.count()).isEqualTo(3);
            assertThat(e.batchKey()).isEqualTo("round:" + round);
        });
    }

    @Test
    void answeringAgainReplacesTheSelfReportInsteadOfAddingToIt() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC").build();
        long round = open();
        long ana = ids.get("ana@example.com");

        recordAnswer.record(new AnswerCommand(round, ana, "usage", "3", null));
        clock.advance(Duration.ofDays(1));
        recordAnswer.record(new AnswerCommand(round, ana, "usage", "0", null));

        assertThat(events.findByPersonIdOrderByDay(ana)).singleElement().satisfies(e -> {
            assertThat(e.count()).isZero();
            assertThat(e.day()).isEqualTo(LocalDate.parse("2026-03-10"));
        });
    }

    @Test
    void otherQuestionsWriteNoUsage() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC").build();
        long round = open();

        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "4", null));

        assertThat(events.count()).isZero();
    }

    @Test
    void anAnonymousUsageAnswerWritesNoUsageEvent() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC").anonymous().build();
        long round = open();

        AnswerResult result = recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "usage", "3",
                null));

        assertThat(result).isInstanceOf(AnswerResult.Recorded.class);
        assertThat(events.count()).isZero();
    }

    private long open() {
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        return ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
    }
}
