package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.delivery.RecordingGateway;
import io.uptake.time.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two service lifetimes on one database: what the first left half done, the second finishes, once. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void aRestartMidRoundSendsNothingTwice() {
        String db = dir.resolve("restart.db").toString();
        List<String> received = new ArrayList<>();
        try (ApplicationContext first = start(db)) {
            PulseWorld.in(first).person("paris@example.com", "Europe/Paris").person("utc@example.com", "UTC")
                    .person("ny@example.com", "America/New_York").build();
            clock(first).set(Instant.parse("2026-03-10T00:00:00Z"));
            first.getBean(OpenRound.class).scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));
            clock(first).set(Instant.parse("2026-03-10T09:00:00Z"));
            first.getBean(Dispatcher.class).dispatchDue();
            clock(first).set(Instant.parse("2026-03-10T10:00:00Z"));
            // The process dies after claiming the next message, before the platform saw it.
            assertThat(first.getBean(OutboxRepository.class).claimDue("dying", clock(first).instant(), 10)).isOne();
            received.addAll(recipients(first));
        }

        try (ApplicationContext second = start(db)) {
            clock(second).set(Instant.parse("2026-03-10T10:05:00Z"));
            // Five minutes on, the dead process's claim has lapsed (lease 6 s): the next pass takes it back.
            second.getBean(Dispatcher.class).dispatchDue();
            clock(second).set(Instant.parse("2026-03-10T14:00:00Z"));
            second.getBean(Dispatcher.class).dispatchDue();
            received.addAll(recipients(second));
            assertThat(second.getBean(OutboxRepository.class).countByStatus(OutboxRow.SENT)).isEqualTo(3);
        }

        assertThat(received).containsExactly("U1", "U2", "U3");
    }

    @Test
    void afterLongDowntimeStalePulsesAreNotSentInABurst() {
        String db = dir.resolve("downtime.db").toString();
        try (ApplicationContext first = start(db)) {
            PulseWorld.in(first).person("a@example.com", "UTC").person("b@example.com", "UTC").build();
            clock(first).set(Instant.parse("2026-03-10T09:00:00Z"));
            first.getBean(OpenRound.class).scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));
        }

        try (ApplicationContext second = start(db)) {
            clock(second).set(Instant.parse("2026-03-10T18:00:00Z"));
            var report = second.getBean(Dispatcher.class).dispatchDue();

            assertThat(report.expired()).isEqualTo(2);
            assertThat(recipients(second)).isEmpty();
        }
    }

    private static ApplicationContext start(String db) {
        return ApplicationContext.builder().environments("test")
                .properties(Map.of("datasources.default.url", db)).start();
    }

    private static MutableClock clock(ApplicationContext context) {
        return context.getBean(MutableClock.class);
    }

    private static List<String> recipients(ApplicationContext context) {
        return context.getBean(RecordingGateway.class, Qualifiers.byName("slack")).delivered().stream()
                .map(c -> c.envelope().recipient()).toList();
    }
}
