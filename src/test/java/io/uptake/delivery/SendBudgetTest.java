package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.uptake.platform.Platform;
import io.uptake.storage.MigrationsTest;
import io.uptake.time.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two services on one database, as two nodes of a cluster, draw on one send budget per lane: on SQLite and on
 * PostgreSQL, each with its own pacer, four threads each reserving at once.
 */
class SendBudgetTest {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final int THREADS_PER_NODE = 4;
    private static final int SLOTS_PER_THREAD = 25;

    @TempDir
    Path dir;
    private final List<ApplicationContext> nodes = new ArrayList<>();
    private String schema;

    @Test
    void twoNodesNeverHandOutSlotsCloserThanTheIntervalOnSqlite() throws Exception {
        String url = dir.resolve("shared.db").toString();
        neverCloserThanTheInterval(node(url, null), node(url, null));
    }

    @Test
    void twoNodesNeverHandOutSlotsCloserThanTheIntervalOnPostgres() throws Exception {
        String url = postgresSchema();
        neverCloserThanTheInterval(node(url, MigrationsTest.PG_USER), node(url, MigrationsTest.PG_USER));
    }

    @Test
    void aTenantsBacklogDoesNotDelayAnotherTenantOnSqlite() {
        String url = dir.resolve("shared.db").toString();
        tenantsAreIndependent(node(url, null), node(url, null));
    }

    @Test
    void aTenantsBacklogDoesNotDelayAnotherTenantOnPostgres() throws Exception {
        String url = postgresSchema();
        tenantsAreIndependent(node(url, MigrationsTest.PG_USER), node(url, MigrationsTest.PG_USER));
    }

    @Test
    void a429SeenByOneNodePausesTheOtherOnSqlite() {
        String url = dir.resolve("shared.db").toString();
        oneNodes429PausesTheOther(node(url, null), node(url, null));
    }

    @Test
    void a429SeenByOneNodePausesTheOtherOnPostgres() throws Exception {
        String url = postgresSchema();
        oneNodes429PausesTheOther(node(url, MigrationsTest.PG_USER), node(url, MigrationsTest.PG_USER));
    }

    private void neverCloserThanTheInterval(ApplicationContext one, ApplicationContext two) throws Exception {
        Instant start = clock(one).instant();
        List<Instant> slots = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (ApplicationContext node : List.of(one, two)) {
                Pacer pacer = node.getBean(Pacer.class);
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    tasks.add(() -> {
                        for (int i = 0; i < SLOTS_PER_THREAD; i++) {
                            slots.add(pacer.reserve(post("T1")));
                        }
                        return null;
                    });
                }
            }
            for (Future<Void> done : threads.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        List<Instant> sorted = slots.stream().sorted().toList();
        assertThat(sorted).hasSize(2 * THREADS_PER_NODE * SLOTS_PER_THREAD);
        assertThat(sorted.get(0)).isEqualTo(start);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).as("slot %d after slot %d", i, i - 1)
                    .isGreaterThanOrEqualTo(INTERVAL);
        }
    }

    private void tenantsAreIndependent(ApplicationContext one, ApplicationContext two) {
        Instant now = clock(one).instant();
        Pacer first = one.getBean(Pacer.class);
        for (int i = 0; i < 40; i++) {
            first.reserve(post("T1"));
        }

        assertThat(first.reserve(post("T1"))).isEqualTo(now.plus(INTERVAL.multipliedBy(40)));
        assertThat(two.getBean(Pacer.class).reserve(post("T2"))).isEqualTo(now);
        assertThat(two.getBean(Pacer.class).reserve(teams("T1"))).as("a Teams tenant of the same id").isEqualTo(now);
    }

    private void oneNodes429PausesTheOther(ApplicationContext one, ApplicationContext two) {
        Instant now = clock(one).instant();
        Pacer first = one.getBean(Pacer.class);
        Pacer second = two.getBean(Pacer.class);
        first.reserve(post("T1"));

        first.limited(post("T1"), Duration.ofSeconds(30));

        assertThat(second.pausedUntil(post("T1"))).isEqualTo(now.plusSeconds(30));
        assertThat(second.reserve(post("T1"))).isEqualTo(now.plusSeconds(30));
        assertThat(second.reserve(post("T1"))).as("the rate was halved on both nodes")
                .isEqualTo(now.plusSeconds(30).plus(INTERVAL.multipliedBy(2)));
        assertThat(second.pausedUntil(post("T2"))).isNull();
        assertThat(second.reserve(update("T1"))).as("Slack limits edits apart from posts").isEqualTo(now);
    }

    @Test
    void aStartingRateAboveTheCeilingIsKeptAsTheCeiling() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("uptake.delivery.slack-posts-per-second", 200);
        ApplicationContext node = ApplicationContext.run(settings, "test");
        nodes.add(node);
        Instant now = clock(node).instant();
        Pacer pacer = node.getBean(Pacer.class);
        for (int i = 0; i < 100; i++) {
            pacer.reserve(post("T1"));
        }

        assertThat(pacer.reserve(post("T1"))).as("200 a second: 5 ms apart, never closer")
                .isEqualTo(now.plus(Duration.ofMillis(5).multipliedBy(100)));
    }

    private ApplicationContext node(String url, String user) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", url);
        if (user != null) {
            settings.put("datasources.default.username", user);
        }
        settings.put("uptake.delivery.slack-posts-per-second", 4);
        settings.put("uptake.delivery.concurrency", 4);
        settings.put("uptake.delivery.pacing.decrease", 0.5);
        settings.put("uptake.delivery.pacing.increase", 0);
        settings.put("uptake.delivery.pacing.creep", 0);
        ApplicationContext context = ApplicationContext.run(settings, "test");
        nodes.add(context);
        return context;
    }

    private String postgresSchema() throws SQLException {
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            schema = "uptake_budget_" + Long.toHexString(System.nanoTime());
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return MigrationsTest.PG_URL + "?currentSchema=" + schema;
    }

    private static MutableClock clock(ApplicationContext node) {
        return node.getBean(MutableClock.class);
    }

    private static Envelope post(String tenant) {
        return new Envelope(1, Platform.SLACK, tenant, "U1", null, Optional.empty());
    }

    private static Envelope update(String tenant) {
        return new Envelope(1, Platform.SLACK, tenant, "U1", null, Optional.of("ts-1"));
    }

    private static Envelope teams(String tenant) {
        return new Envelope(1, Platform.TEAMS, tenant, "conversation-1", null, Optional.empty());
    }

    @AfterEach
    void closeNodesThenDropSchema() throws SQLException {
        nodes.forEach(ApplicationContext::close);
        if (schema != null) {
            try (Connection admin = DriverManager.getConnection(MigrationsTest.PG_URL, MigrationsTest.PG_USER, "")) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
