package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.uptake.message.OwnerAlert;
import io.uptake.platform.Platform;
import io.uptake.storage.MigrationsTest;
import io.uptake.time.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Two nodes (two application contexts) on one PostgreSQL outbox: they share a round, each message goes out once,
 * a dead node's rows are taken over once its lease lapses and never while a live node renews it, and a starting
 * node leaves a live node's claims alone. The lapse is also checked on SQLite, the single-node database.
 *
 * <p>Each node has its own clock, moved by the test; its recording gateway is its side of one fake platform.
 */
class OutboxOnTwoNodesTest {

    private static final Instant DUE = MutableClock.START.minus(Duration.ofMinutes(1));
    private static final Duration LEASE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    private final List<ApplicationContext> nodes = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopNodes() {
        threads.shutdownNow();
        nodes.forEach(ApplicationContext::close);
    }

    @Test
    void aRoundDispatchedByTwoNodesAtOnceGoesOutOnceEachAndBothSendSome() throws Exception {
        onPostgres("uptake_two_nodes_round", url -> {
            ApplicationContext one = node(url, Map.of());
            ApplicationContext two = node(url, Map.of());
            int messages = 400;
            enqueue(one, messages);

            CountDownLatch go = new CountDownLatch(1);
            List<Future<DispatchReport>> passes = Stream.of(one, two)
                    .map(node -> threads.submit(() -> {
                        go.await();
                        return node.getBean(Dispatcher.class).dispatchDue();
                    })).toList();
            go.countDown();
            for (Future<DispatchReport> pass : passes) {
                pass.get(120, TimeUnit.SECONDS);
            }

            List<String> byOne = recipients(one);
            List<String> byTwo = recipients(two);
            List<String> all = new ArrayList<>(byOne);
            all.addAll(byTwo);
            assertThat(all).hasSize(messages).doesNotHaveDuplicates();
            // Each node claims a small batch at a time, so the round is shared: neither gets only a batch or two.
            assertThat(byOne).hasSizeGreaterThan(messages / 10);
            assertThat(byTwo).hasSizeGreaterThan(messages / 10);
            assertThat(one.getBean(OutboxRepository.class).countByStatus(OutboxRow.SENT)).isEqualTo(messages);
        });
    }

    @Test
    void onPostgresADeadNodesRowsAreTakenOverOnceItsLeaseLapsesNotBefore() {
        onPostgres("uptake_two_nodes_dead", this::aDeadNodesRowsAreTakenOverOnceItsLeaseLapsesNotBefore);
    }

    @Test
    void onSqliteADeadNodesRowsAreTakenOverOnceItsLeaseLapsesNotBefore() {
        aDeadNodesRowsAreTakenOverOnceItsLeaseLapsesNotBefore(dir.resolve("dead.db").toString());
    }

    @Test
    void aLiveNodeThatRenewsItsLeaseKeepsItsRowsPastTheLease() throws Exception {
        onPostgres("uptake_two_nodes_live", url -> {
            ApplicationContext holder = node(url, Map.of());
            ApplicationContext other = node(url, Map.of());
            enqueue(holder, 3);
            CountDownLatch inFlight = new CountDownLatch(3);
            CountDownLatch answer = new CountDownLatch(1);
            slack(holder).beforeEachSend(() -> {
                inFlight.countDown();
                await(answer);
            });
            Future<DispatchReport> pass = threads.submit(holder.getBean(Dispatcher.class)::dispatchDue);
            assertThat(inFlight.await(60, TimeUnit.SECONDS)).isTrue();

            // Ten lease lengths on, with the holder renewing as its heartbeat does while it holds rows.
            Instant later = MutableClock.START.plus(LEASE.multipliedBy(10));
            clock(holder).set(later);
            clock(other).set(later);
            assertThat(holder.getBean(OutboxClaims.class).renew()).isEqualTo(3);
            DispatchReport taken = other.getBean(Dispatcher.class).dispatchDue();

            assertThat(taken.sent()).isZero();
            assertThat(recipients(other)).isEmpty();
            assertThat(rows(other).countByStatus(OutboxRow.SENDING)).isEqualTo(3);
            answer.countDown();
            assertThat(pass.get(60, TimeUnit.SECONDS).sent()).isEqualTo(3);
            assertThat(recipients(holder)).containsExactlyInAnyOrder("U0", "U1", "U2");
            assertThat(rows(other).countByStatus(OutboxRow.SENT)).isEqualTo(3);
        });
    }

    @Test
    void aStartingNodeLeavesALiveNodesClaimsAloneEvenIfToldItIsTheOnlyOne() {
        onPostgres("uptake_two_nodes_start", url -> {
            ApplicationContext holder = node(url, Map.of());
            enqueue(holder, 3);
            OutboxClaims claims = holder.getBean(OutboxClaims.class);
            String claim = claims.newClaim();
            assertThat(claims.take(claim, MutableClock.START)).isEqualTo(3);

            ApplicationContext starting;
            List<ILoggingEvent> warnings;
            try (Logs logs = new Logs(DispatchLoop.class)) {
                starting = node(url, Map.of("uptake.delivery.single-instance", "true"));
                warnings = logs.at(Level.WARN);
            }
            clock(starting).set(MutableClock.START.plusSeconds(1));
            DispatchReport first = starting.getBean(Dispatcher.class).dispatchDue();

            assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getFormattedMessage())
                    .contains("uptake.delivery.single-instance", "ignored", "lease lapsed"));
            assertThat(first.sent()).isZero();
            assertThat(rows(starting).findClaimed(claim, OutboxRow.SENDING)).hasSize(3);

            // The holder stops: it gives its rows back, and the other node sends them at once.
            holder.close();
            nodes.remove(holder);
            assertThat(starting.getBean(Dispatcher.class).dispatchDue().sent()).isEqualTo(3);
            assertThat(recipients(starting)).containsExactlyInAnyOrder("U0", "U1", "U2");
        });
    }

    private void aDeadNodesRowsAreTakenOverOnceItsLeaseLapsesNotBefore(String url) {
        ApplicationContext survivor = node(url, Map.of());
        enqueue(survivor, 5);
        // A node claimed these and died: no heartbeat renews them.
        assertThat(rows(survivor).claimDue("dead0000:1", MutableClock.START, 5)).isEqualTo(5);

        clock(survivor).set(MutableClock.START.plus(LEASE).minusMillis(1));
        DispatchReport early = survivor.getBean(Dispatcher.class).dispatchDue();
        assertThat(early.sent()).isZero();
        assertThat(rows(survivor).findClaimed("dead0000:1", OutboxRow.SENDING)).hasSize(5);

        clock(survivor).set(MutableClock.START.plus(LEASE).plusMillis(1));
        DispatchReport late = survivor.getBean(Dispatcher.class).dispatchDue();
        assertThat(late.sent()).isEqualTo(5);
        assertThat(recipients(survivor)).containsExactlyInAnyOrder("U0", "U1", "U2", "U3", "U4");
        assertThat(rows(survivor).countByStatus(OutboxRow.SENT)).isEqualTo(5);
    }

    /** Runs a test on a fresh PostgreSQL schema, skipped when no PostgreSQL answers. */
    private void onPostgres(String name, ThrowingConsumer<String> test) {
        String schema = name + "_" + Long.toHexString(System.nanoTime());
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try {
                test.accept(MigrationsTest.PG_URL + "?currentSchema=" + schema);
            } finally {
                stopNodes();
                nodes.clear();
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** A node with four sends in flight and a pace fast enough that pacing hardly moves its clock. */
    private ApplicationContext node(String url, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("datasources.default.url", url);
        if (url.startsWith("jdbc:postgresql:")) {
            settings.put("datasources.default.username", MigrationsTest.PG_USER);
        }
        settings.put("uptake.delivery.concurrency", 4);
        settings.put("uptake.delivery.slack-posts-per-second", 1000);
        ApplicationContext node = ApplicationContext.run(settings, "test");
        nodes.add(node);
        return node;
    }

    private static void enqueue(ApplicationContext node, int messages) {
        Outbox outbox = node.getBean(Outbox.class);
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(new NewMessage("round:" + i, Platform.SLACK, "T1", "U" + i, null,
                    new OwnerAlert("Claims triage", "2026-W47", List.of("alert " + i)), DUE, null, null, null));
        }
    }

    private static List<String> recipients(ApplicationContext node) {
        return slack(node).delivered().stream().map(call -> call.envelope().recipient()).toList();
    }

    private static RecordingGateway slack(ApplicationContext node) {
        return node.getBean(RecordingGateway.class, Qualifiers.byName("slack"));
    }

    private static OutboxRepository rows(ApplicationContext node) {
        return node.getBean(OutboxRepository.class);
    }

    private static MutableClock clock(ApplicationContext node) {
        return node.getBean(MutableClock.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A test body given the database URL. */
    interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }

    /** Catches what one class logs. */
    private static final class Logs implements AutoCloseable {

        private final Logger logger;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        Logs(Class<?> source) {
            logger = (Logger) LoggerFactory.getLogger(source);
            appender.start();
            logger.addAppender(appender);
        }

        List<ILoggingEvent> at(Level level) {
            return appender.list.stream().filter(event -> event.getLevel() == level).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }
}
