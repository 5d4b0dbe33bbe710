package io.uptake.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.catalog.CatalogLookup;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.delivery.DispatchReport;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.delivery.Sleeper;
import io.uptake.digest.SendDigest;
import io.uptake.people.DirectoryRead;
import io.uptake.schedule.Schedules;
import io.uptake.storage.MigrationsTest;
import io.uptake.time.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the service on one PostgreSQL database, sending to one Slack workspace whose Web API enforces a
 * rate limit, as an organisation running Uptake behind a load balancer would: a round to 2,000 people started on
 * one node reaches each person exactly once, sent by all three, without the nodes together ever going over the
 * workspace's limit; each digest is posted once however many nodes are asked; a programmes file reloaded on one
 * node changes the schedules every node fires.
 *
 * <p>The clock here is the real one: the rate limit is enforced in real time by the fake, and the nodes pace
 * themselves in real time, so the round takes a few seconds per thousand people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodesTest {

    static final int PEOPLE = 2_000;
    /** The workspace's limit on {@code chat.postMessage}, a second, and the burst it allows above it. */
    static final double LIMIT = 150;
    static final int BURST = 15;
    static final String TEAM = "T0CLUSTER";
    static final String BOT_TOKEN = "xoxb-cluster";
    static final String ADMIN = "cluster-admin-token";
    static final String LEADERS = "C0LEADS";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    final FakeSlackApi slack = FakeSlackApi.start();
    final HttpClient http = HttpClient.newHttpClient();
    final List<EmbeddedServer> nodes = new ArrayList<>();
    final String schema = "uptake_three_nodes_" + Long.toHexString(System.nanoTime());
    Path programmes;

    @BeforeAll
    void startThreeNodes() throws Exception {
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        programmes = dir.resolve("programmes.yml");
        Files.writeString(programmes, file("floor-weekly"));
        slack.answerAlways("auth.test",
                "{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
        slack.answerAlways("users.list", usersList());
        slack.limit("chat.postMessage", LIMIT, BURST);
        for (int node = 1; node <= 3; node++) {
            nodes.add(ApplicationContext.run(EmbeddedServer.class, settings(), "test"));
        }
    }

    @AfterAll
    void stopNodes() throws Exception {
        nodes.forEach(EmbeddedServer::close);
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
        slack.close();
    }

    @Test
    @Order(1)
    void aRoundStartedOnOneNodeReachesEachPersonOnceSentByAllThreeWithinTheWorkspaceLimit() throws Exception {
        node(1).getBean(DirectoryRead.class).readFirst();

        HttpResponse<String> started = post(1, "/api/v1/pulses/floor-weekly/rounds", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(JSON.readTree(started.body()).get("recipients").asInt()).isEqualTo(PEOPLE);

        int[] sentBy = dispatchOnEveryNode(Duration.ofMinutes(3));

        Map<String, Long> dms = slack.calls("chat.postMessage").stream().map(c -> c.params().get("channel"))
                .filter(channel -> channel.startsWith("U")).collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting()));
        assertThat(dms).as("one DM to each of the %d people", PEOPLE).hasSize(PEOPLE);
        assertThat(dms.values()).as("no one got the pulse twice").allMatch(count -> count == 1);
        assertThat(slack.throttled()).as("429 answers: the three nodes together stayed within the limit").isZero();
        assertThat(IntStream.of(sentBy).boxed().toList()).as("every node sent part of the round")
                .allMatch(sent -> sent > 0);
        assertThat(IntStream.of(sentBy).sum()).isEqualTo(PEOPLE);
        List<Long> accepted = slack.acceptedAt();
        double seconds = (accepted.get(accepted.size() - 1) - accepted.get(0)) / 1e9;
        System.out.printf("three nodes sent %d DMs (%d, %d, %d) in %.1f s: %.1f/s against a limit of %.0f/s%n",
                accepted.size(), sentBy[0], sentBy[1], sentBy[2], seconds, accepted.size() / seconds, LIMIT);
    }

    @Test
    @Order(2)
    void aSendNowAskedOfTwoNodesAtOnceAnswersBothWithTheSameRoundSentOnce() throws Exception {
        // A minute on from the first test's round, whatever the machine's speed: "send now" opens a new round.
        nodes.forEach(node -> node.getApplicationContext().getBean(MutableClock.class).advance(Duration.ofMinutes(1)));
        int before = slack.calls("chat.postMessage").size();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<JsonNode> rounds = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int node : new int[] {2, 3}) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(node, "/api/v1/pulses/floor-weekly/rounds", "");
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                rounds.add(JSON.readTree(response.body()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rounds.get(0).get("roundId").asLong()).isEqualTo(rounds.get(1).get("roundId").asLong());
        assertThat(rounds).as("one request opens the round, the other is answered with it")
                .extracting(round -> round.get("created").asBoolean()).containsExactlyInAnyOrder(true, false);

        dispatchOnEveryNode(Duration.ofMinutes(3));

        List<String> sent = slack.calls("chat.postMessage").subList(before, slack.calls("chat.postMessage").size())
                .stream().map(c -> c.params().get("channel")).filter(channel -> channel.startsWith("U")).toList();
        assertThat(sent).as("the new round, once to each person").hasSize(PEOPLE).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void aDigestAskedOfEveryNodeAtOnceIsPostedOnce() throws Exception {
        long subscription = node(1).getBean(CatalogLookup.class).activeDigests().get(0).id();
        List<SendDigest.Result> results = onEveryNodeAtOnce(node -> node.getBean(SendDigest.class).send(subscription));

        List<SendDigest.Result> sent = results.stream().filter(r -> r instanceof SendDigest.Result.Sent).toList();
        assertThat(sent).as("one node sends the week's digest; the others find it sent: %s", results).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof SendDigest.Result.AlreadySent).hasSize(2);
        dispatchOnEveryNode(Duration.ofMinutes(1));
        int parts = ((SendDigest.Result.Sent) sent.get(0)).parts();
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> LEADERS.equals(c.params().get("channel")))
                .as("the digest's messages, each once").hasSize(parts);
    }

    @Test
    @Order(4)
    void aProgrammesFileReloadedOnNodeTwoChangesTheSchedulesOfNodeThree() throws Exception {
        assertThat(node(3).getBean(Schedules.class).keys()).contains("pulse-round:floor-weekly");
        Files.writeString(programmes, file("floor-daily"));

        HttpResponse<String> reloaded = post(2, "/api/v1/catalog/reload", "");
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);

        assertThat(node(3).getBean(Schedules.class).keys()).contains("pulse-round:floor-daily")
                .doesNotContain("pulse-round:floor-weekly");
        assertThat(node(3).getBean(CatalogLookup.class).activePulses()).extracting(p -> p.id())
                .containsExactly("floor-daily");
    }

    /** Every node dispatches at once until nothing is left to send; returns how many each sent. */
    private int[] dispatchOnEveryNode(Duration max) throws Exception {
        Instant deadline = Instant.now().plus(max);
        OutboxRepository outbox = node(1).getBean(OutboxRepository.class);
        List<Integer> sent = onEveryNodeAtOnce(node -> {
            Dispatcher dispatcher = node.getBean(Dispatcher.class);
            Sleeper sleeper = node.getBean(Sleeper.class);
            Clock clock = node.getBean(Clock.class);
            int total = 0;
            while (outbox.countByStatus(OutboxRow.PENDING) + outbox.countByStatus(OutboxRow.SENDING) > 0
                    && Instant.now().isBefore(deadline)) {
                DispatchReport report = dispatcher.dispatchDue();
                total += report.sent();
                if (report.sent() == 0) {
                    Instant soon = clock.instant().plusMillis(20);
                    sleeper.sleepUntil(outbox.nextDue().filter(soon::isBefore).orElse(soon));
                }
            }
            return total;
        });
        assertThat(outbox.countByStatus(OutboxRow.PENDING) + outbox.countByStatus(OutboxRow.SENDING))
                .as("everything was sent within %s", max).isZero();
        assertThat(outbox.countByStatus(OutboxRow.DEAD)).isZero();
        return sent.stream().mapToInt(Integer::intValue).toArray();
    }

    private <T> List<T> onEveryNodeAtOnce(NodeWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (EmbeddedServer node : nodes) {
                Callable<T> call = () -> {
                    go.await();
                    return work.run(node.getApplicationContext());
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<T> done = new ArrayList<>();
            for (Future<T> result : results) {
                done.add(result.get(5, TimeUnit.MINUTES));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface NodeWork<T> {
        T run(ApplicationContext node) throws Exception;
    }

    private ApplicationContext node(int number) {
        return nodes.get(number - 1).getApplicationContext();
    }

    private HttpResponse<String> post(int node, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(nodes.get(node - 1).getURL() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", MigrationsTest.PG_URL + "?currentSchema=" + schema);
        settings.put("datasources.default.username", MigrationsTest.PG_USER);
        settings.put("uptake.catalog", programmes.toString());
        settings.put("uptake.admin-token", ADMIN);
        settings.put("uptake.slack.signing-secret", "cluster-signing-secret");
        settings.put("uptake.slack.bot-token", BOT_TOKEN);
        settings.put("uptake.slack.api-url", slack.url());
        settings.put("uptake.test.clock-start", "system");
        settings.put("uptake.delivery.slack-posts-per-second", Double.toString(LIMIT));
        settings.put("uptake.delivery.concurrency", "4");
        return settings;
    }

    private static String email(int person) {
        return String.format("p%05d@example.com", person);
    }

    private static String usersList() {
        String members = IntStream.rangeClosed(1, PEOPLE).mapToObj(i -> String.format(
                "{\"id\":\"U%05d\",\"name\":\"p%05d\",\"real_name\":\"Person %d\",\"tz\":\"UTC\","
                        + "\"profile\":{\"email\":\"%s\"}}", i, i, i, email(i)))
                .collect(Collectors.joining(","));
        return "{\"ok\":true,\"members\":[" + members + "],\"response_metadata\":{\"next_cursor\":\"\"}}";
    }

    private static String file(String pulse) {
        String emails = IntStream.rangeClosed(1, PEOPLE).mapToObj(ThreeNodesTest::email)
                .collect(Collectors.joining(", "));
        return """
                programmes:
                  - id: floor-ai
                    name: Shop floor assistant
                    sponsor: cfo@example.com
                    workflows:
                      - id: floor-triage
                        stage: production
                        owner: lee@example.com
                        audience: { emails: [%s] }
                pulses:
                  - id: %s
                    workflow: floor-triage
                    schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                    questions: [usage, trust]
                digests:
                  - channel: slack:%s
                    programmes: [floor-ai]
                    schedule: { every: MONDAY, at: "09:00", zone: UTC }
                """.formatted(emails, pulse, LEADERS);
    }
}
