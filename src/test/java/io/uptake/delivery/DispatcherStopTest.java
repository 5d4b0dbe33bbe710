package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.uptake.message.OwnerAlert;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop (the context closing, as SIGTERM does) while a pass is sending: the send in the platform's hands
 * finishes and is marked sent, every other claimed row (waiting for its pacing slot or not yet started) is given
 * back as it was, and the stop returns within {@code stop-within}.
 *
 * <p>Sends really wait for their slot here (the real sleeper, at one send every two seconds), and the platform
 * answers the first send only when the test says so.
 */
class DispatcherStopTest {

    private static final int ROWS = 10;
    private static final Instant DUE = MutableClock.START.minus(Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aStopFinishesTheSendInFlightAndGivesBackTheRestWithinTheBound() throws Exception {
        ApplicationContext context = seeded(Map.of());
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        RecordingGateway slack = slack(context);
        slack.beforeEachSend(() -> {
            inFlight.countDown();
            awaitQuietly(answer);
        });
        Dispatcher dispatcher = context.getBean(Dispatcher.class);
        Future<DispatchReport> pass = threads.submit(dispatcher::dispatchDue);
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        Future<?> closed = threads.submit(context::close);
        while (!dispatcher.stopping()) {
            Thread.onSpinWait();
        }
        answer.countDown();
        closed.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(pass.get(30, TimeUnit.SECONDS).sent()).isOne();
        assertThat(slack.calls()).hasSize(1);
        String inFlightTo = slack.delivered().get(0).envelope().recipient();
        try (ApplicationContext after = start(Map.of())) {
            List<OutboxRow> all = new ArrayList<>();
            after.getBean(OutboxRepository.class).findAll().forEach(all::add);
            assertThat(all).hasSize(ROWS);
            assertThat(all).filteredOn(r -> r.status().equals(OutboxRow.SENT))
                    .singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo(inFlightTo));
            assertThat(all).filteredOn(r -> !r.status().equals(OutboxRow.SENT)).hasSize(ROWS - 1)
                    .allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(OutboxRow.PENDING);
                        assertThat(r.claimedBy()).isNull();
                        assertThat(r.claimedAt()).isNull();
                        assertThat(r.notBefore()).isEqualTo(DUE);
                        assertThat(r.attempts()).isZero();
                    });
        }
    }

    @Test
    void aSendThePlatformNeverAnswersDoesNotHoldTheStopPastItsBound() throws Exception {
        ApplicationContext context = seeded(Map.of("uptake.delivery.stop-within", "1s"));
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        slack(context).beforeEachSend(() -> {
            inFlight.countDown();
            awaitIgnoringInterrupts(never);
        });
        threads.submit(context.getBean(Dispatcher.class)::dispatchDue);
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        context.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
        try (ApplicationContext after = start(Map.of())) {
            OutboxRepository rows = after.getBean(OutboxRepository.class);
            assertThat(rows.countByStatus(OutboxRow.PENDING)).isEqualTo(ROWS);
            assertThat(rows.countByStatus(OutboxRow.SENDING)).isZero();
        } finally {
            never.countDown();
        }
    }

    /** A context on this test's database: one send every two seconds, three at once. */
    private ApplicationContext start(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("datasources.default.url", dir.resolve("stop.db").toString());
        settings.put("uptake.test.real-sleeper", "true");
        settings.put("uptake.delivery.concurrency", 3);
        settings.put("uptake.delivery.slack-posts-per-second", 0.5);
        return ApplicationContext.run(settings, "test");
    }

    /** {@link #start} with {@link #ROWS} messages due, each to its own person. */
    private ApplicationContext seeded(Map<String, Object> more) {
        ApplicationContext context = start(more);
        Outbox outbox = context.getBean(Outbox.class);
        for (int i = 0; i < ROWS; i++) {
            outbox.enqueue(new NewMessage("stop:" + i, Platform.SLACK, "T1", "U" + i, null,
                    new OwnerAlert("Claims triage", "2026-W47", List.of("alert " + i)), DUE, null, null, null));
        }
        return context;
    }

    private static RecordingGateway slack(ApplicationContext context) {
        return context.getBean(RecordingGateway.class, Qualifiers.byName("slack"));
    }

    /** A platform that does not answer, even when the dispatcher's threads are interrupted. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keeps waiting, as a hung connection would
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
