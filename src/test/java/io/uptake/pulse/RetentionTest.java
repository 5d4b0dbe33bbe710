package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers older than the retention period (24 months by default) are purged; younger ones stay. */
@MicronautTest(transactional = false, rebuildContext = true)
class RetentionTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    PurgeOldAnswers purge;
    @Inject
    PulseRepositories.Answers answers;
    @Inject
    MutableClock clock;

    @Test
    void answersOlderThanTwentyFourMonthsArePurgedAndYoungerOnesKept() {
        Map<String, Long> ids = PulseWorld.in(context).person("ana@example.com", "UTC").build();
        long ana = ids.get("ana@example.com");
        long old = answerOn("2024-03-05", ana);
        long recent = answerOn("2024-03-12", ana);

        clock.set(Instant.parse("2026-03-10T03:30:00Z"));
        int deleted = purge.run();

        assertThat(purge.cutoff()).isEqualTo(LocalDate.parse("2024-03-10"));
        assertThat(deleted).isEqualTo(1);
        assertThat(answers.findByRoundId(old)).isEmpty();
        assertThat(answers.findByRoundId(recent)).hasSize(1);
        assertThat(purge.run()).isZero();
    }

    private long answerOn(String day, long person) {
        clock.set(Instant.parse(day + "T10:00:00Z"));
        long round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse(day)))
                .roundId();
        recordAnswer.record(new AnswerCommand(round, person, "trust", "4", null));
        return round;
    }
}
