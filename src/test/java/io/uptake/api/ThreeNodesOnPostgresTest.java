package io.uptake.api;

import static io.uptake.api.AdminApiTest.admin;
import static io.uptake.time.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.catalog.CatalogState;
import io.uptake.catalog.Pulse;
import io.uptake.schedule.ClusterNodes;
import io.uptake.schedule.Schedules;
import io.uptake.storage.MigrationsTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

/**
 * Three nodes (three application contexts, each with its own scheduler and node id) on one PostgreSQL schema share
 * Quartz's clustered store: a schedule registered on one is seen on the others, a catalogue reload on one reaches
 * every node's schedules and catalogue, each node's {@code /health} lists the three, and a trigger fires on one node
 * at each of its fire times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodesOnPostgresTest {

    static final String TWO_PULSES_LATER = ProgrammesFile.TWO_WORKFLOWS.replace("""
            pulses:
              - id: claims-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust, correction, cycle-time, comment]
            """, """
            pulses:
              - id: fraud-weekly
                workflow: fraud-review
                schedule: { every: THURSDAY, at: "15:30", zone: recipient }
                questions: [usage, trust]
            """);

    /** Each run of {@link CountingJob}: the node that ran it and the fire time it ran for. */
    static final ConcurrentLinkedQueue<String> RUNS = new ConcurrentLinkedQueue<>();

    private final List<EmbeddedServer> nodes = new ArrayList<>();
    private String schema;
    private ProgrammesFile file;

    @BeforeAll
    void startThreeNodes() throws Exception {
        schema = "uptake_three_nodes_" + Long.toHexString(System.nanoTime());
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS);
        for (int n = 1; n <= 3; n++) {
            nodes.add(ApplicationContext.run(EmbeddedServer.class, settings(n), "test"));
        }
    }

    private Map<String, Object> settings(int n) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", MigrationsTest.PG_URL + "?currentSchema=" + schema);
        settings.put("datasources.default.username", MigrationsTest.PG_USER);
        // Four nodes of a full pool each would take a third of a default PostgreSQL's 100 connections.
        settings.put("datasources.default.maximum-pool-size", 4);
        settings.put("datasources.default.minimum-idle", 1);
        settings.put("uptake.catalog", file.path().toString());
        settings.put("uptake.admin-token", AdminApiTest.TOKEN);
        settings.put("uptake.scheduler.enabled", true);
        settings.put("uptake.node-id", "node-" + n);
        settings.put("uptake.scheduler.checkin-interval", "1s");
        // Quartz fires by the wall clock; the schedules' start times come from the application's clock.
        settings.put("uptake.test.clock-start", Instant.now().toString());
        return settings;
    }

    @AfterAll
    void stopThem() throws Exception {
        nodes.forEach(EmbeddedServer::close);
        if (schema != null) {
            try (Connection admin = MigrationsTest.postgresOrSkip()) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void quartzTablesAreMadeByTheMigrations() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection admin = MigrationsTest.postgresOrSkip();
                ResultSet rows = admin.getMetaData().getTables(null, schema, "qrtz_%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }

        assertThat(tables).contains("qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers",
                "qrtz_simple_triggers", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks").hasSize(11);
    }

    @Test
    void aScheduleRegisteredOnOneNodeIsSeenOnTheOthers() {
        Schedules first = node(1).getBean(Schedules.class);
        Schedules third = node(3).getBean(Schedules.class);
        first.every("test:seen-everywhere", CountingJob.class, Duration.ofDays(7));
        try {
            assertThat(third.keys()).contains("test:seen-everywhere");
            assertThat(third.nextFire("test:seen-everywhere")).isPresent()
                    .isEqualTo(first.nextFire("test:seen-everywhere"));
        } finally {
            third.remove("test:seen-everywhere");
        }
        assertThat(first.keys()).doesNotContain("test:seen-everywhere");
    }

    @Test
    void nodesStartingLaterLeaveTheFirstNodesUnchangedTriggersAlone() throws Exception {
        Instant firstStart = node(1).getBean(Clock.class).instant().truncatedTo(ChronoUnit.MILLIS);
        Instant lastStart = node(3).getBean(Clock.class).instant().truncatedTo(ChronoUnit.MILLIS);
        Scheduler quartz = node(3).getBean(Scheduler.class);

        assertThat(lastStart).isAfter(firstStart);
        // Registered by all three nodes at their start; still as node 1 made them.
        assertThat(quartz.getTrigger(new TriggerKey("pulse:tick", "uptake")).getStartTime().toInstant())
                .isEqualTo(firstStart.plus(Duration.ofMinutes(1)));
        // A cron trigger keeps its start to the second.
        assertThat(quartz.getTrigger(new TriggerKey("retention:answers", "uptake")).getStartTime().toInstant())
                .isEqualTo(firstStart.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aReloadOnTheSecondNodeReachesTheThirdNodesSchedulesAndCatalogue() {
        Schedules third = node(3).getBean(Schedules.class);
        assertThat(third.keys()).contains("pulse-round:claims-weekly").doesNotContain("pulse-round:fraud-weekly");
        assertThat(pulses(node(3))).containsExactly("claims-weekly");

        file.write(TWO_PULSES_LATER);
        try (HttpClient http = HttpClient.create(nodes.get(1).getURL())) {
            http.toBlocking().exchange(admin(HttpRequest.POST("/api/v1/catalog/reload", "")));
        }

        assertThat(third.keys()).contains("pulse-round:fraud-weekly").doesNotContain("pulse-round:claims-weekly");
        assertThat(third.nextFire("pulse-round:fraud-weekly")).isPresent();
        assertThat(pulses(node(3))).containsExactly("fraud-weekly");
        assertThat(pulses(node(1))).containsExactly("fraud-weekly");
    }

    @Test
    void healthOnEveryNodeNamesItAndItsThreePeers() {
        assertThat(eventually(Duration.ofSeconds(10),
                () -> node(1).getBean(ClusterNodes.class).livePeers().size() == 3)).isTrue();
        for (int n = 1; n <= 3; n++) {
            try (HttpClient http = HttpClient.create(nodes.get(n - 1).getURL())) {
                Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);
                Map<?, ?> cluster = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("cluster");
                Map<?, ?> details = (Map<?, ?>) cluster.get("details");

                assertThat(details.get("node")).isEqualTo("node-" + n);
                assertThat(details.get("clustered")).isEqualTo(true);
                List<Object> peers = ((List<?>) details.get("peers")).stream().map(p -> ((Map<?, ?>) p).get("node"))
                        .map(Object.class::cast).toList();
                assertThat(peers).containsExactly("node-1", "node-2", "node-3");
                assertThat(((Number) details.get("alive")).intValue()).isEqualTo(3);
            }
        }
    }

    @Test
    void aClusteredTriggerFiresOnOneNodeAtEachFireTime() {
        Schedules schedules = node(2).getBean(Schedules.class);
        RUNS.clear();
        schedules.every("test:one-node-each-time", CountingJob.class, Duration.ofMillis(400));
        try {
            assertThat(eventually(Duration.ofSeconds(12), () -> RUNS.size() >= 6)).isTrue();
        } finally {
            schedules.remove("test:one-node-each-time");
        }

        List<String> fireTimes = RUNS.stream().map(run -> run.substring(run.indexOf('@') + 1)).toList();
        assertThat(fireTimes).doesNotHaveDuplicates();
        assertThat(RUNS).allSatisfy(run -> assertThat(run).matches("node-[123]@\\d+"));
    }

    /** Last: the stopped node stays in Quartz's cluster table until the others notice, which the health test counts. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aNodeThatStopsLeavesTheClustersSchedulesInPlace() {
        Set<String> before = node(1).getBean(Schedules.class).keys();
        Map<String, Object> settings = settings(4);

        try (EmbeddedServer fourth = ApplicationContext.run(EmbeddedServer.class, settings, "test")) {
            assertThat(fourth.getApplicationContext().getBean(Schedules.class).keys()).containsAll(before);
        }
        long stopped = System.nanoTime();

        assertThat(before).contains("pulse:tick", "checkin:tick");
        assertThat(node(1).getBean(Schedules.class).keys()).containsAll(before);
        // The others notice the silence after one check-in interval (1 s here) and Quartz's 7.5 s, and take it out.
        ClusterNodes cluster = node(1).getBean(ClusterNodes.class);
        assertThat(eventually(Duration.ofSeconds(15),
                () -> cluster.peers().stream().noneMatch(peer -> peer.nodeId().equals("node-4")))).isTrue();
        System.out.printf("A stopped node left Quartz's cluster table %d ms after it stopped%n",
                Duration.ofNanos(System.nanoTime() - stopped).toMillis());
    }

    private ApplicationContext node(int n) {
        return nodes.get(n - 1).getApplicationContext();
    }

    private static List<String> pulses(ApplicationContext node) {
        return node.getBean(CatalogState.class).current().catalog().orElseThrow().pulses().stream().map(Pulse::id)
                .toList();
    }


    /** Records which node ran it and for which fire time. */
    @Prototype
    @DisallowConcurrentExecution
    static class CountingJob implements Job {

        private final ClusterNodes nodes;

        CountingJob(ClusterNodes nodes) {
            this.nodes = nodes;
        }

        @Override
        public void execute(JobExecutionContext context) {
            RUNS.add(nodes.nodeId() + "@" + context.getScheduledFireTime().getTime());
        }
    }
}
