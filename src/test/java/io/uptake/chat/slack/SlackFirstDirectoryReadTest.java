package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;

/**
 * The first moments after a start, with the scheduler running and Slack's {@code users.list} held unanswered: the
 * directory is being read, {@code /health} says so, a usage batch is refused with Retry-After (nothing stored, key
 * not used up), and once Slack answers, "send now" reaches the channel's members and the round missed while the
 * service was down is opened for them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackFirstDirectoryReadTest implements TestPropertyProvider {

    static final String TEAM = "T0FIRST";
    static final String TOKEN = "first-read-admin-token";
    static final String PULSE = "drafting-weekly";
    /**
     * The clock starts on Sunday 2026-11-22 at 09:00 UTC: this Sunday's 10:00 round opened while the service was
     * down.
     */
    static final String MISSED = "2026-11-22";
    static final String BATCH = """
            {"batch": "copilot-first-minute", "events": [
              {"workflow": "drafting", "email": "bo@example.com", "day": "2026-11-20", "count": 3}]}""";

    final FakeSlackApi slackApi = FakeSlackApi.start();
    final FakeSlackApi.Hold usersList = slackApi.hold("users.list");
    final CountDownLatch firstReadJobDone = new CountDownLatch(1);
    final Path programmes = file("""
            programmes:
              - id: legal-ai
                name: Legal drafting assistant
                sponsor: gc@example.com
                workflows:
                  - id: drafting
                    owner: lee@example.com
                    audience: { slack-channel: C0DRAFT }
            pulses:
              - id: drafting-weekly
                workflow: drafting
                schedule: { every: SUNDAY, at: "10:00", zone: UTC }
                questions: [usage, trust]
            """);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Scheduler scheduler;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        slackApi.answer("users.list", 200, """
                {"ok":true,"members":[
                 {"id":"U1","name":"ana","real_name":"Ana","tz":"UTC","profile":{"email":"ana@example.com"}},
                 {"id":"U2","name":"bo","real_name":"Bo","tz":"UTC","profile":{"email":"bo@example.com"}}],
                 "response_metadata":{"next_cursor":""}}""", Map.of());
        slackApi.answer("conversations.members", 200,
                "{\"ok\":true,\"members\":[\"U1\",\"U2\"],\"response_metadata\":{\"next_cursor\":\"\"}}", Map.of());
        Map<String, String> properties = new HashMap<>(slackApi.singleWorkspace(TEAM, "xoxb-first", Map.of()));
        properties.put("uptake.catalog", programmes.toString());
        properties.put("uptake.admin-token", TOKEN);
        properties.put("uptake.scheduler.enabled", "true");
        properties.put("uptake.directory.first-read-wait", "2s");
        return properties;
    }

    @AfterAll
    void stop() {
        usersList.release();
        slackApi.close();
    }

    @Test
    @Order(1)
    void whileSlackIsBeingReadHealthSaysSo() throws Exception {
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "test-first-read-done";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException exception) {
                firstReadJobDone.countDown();
            }
        }, KeyMatcher.keyEquals(new JobKey("directory:first-read", "uptake")));

        assertThat(usersList.arrived(Duration.ofSeconds(20))).as("the directory is read at start-up").isTrue();

        HttpClientResponseException down = health();
        assertThat(down.getStatus().getCode()).isEqualTo(503);
        String body = down.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("\"directory\"", "\"DOWN\"", "reading the directory");
    }

    @Test
    @Order(2)
    void aUsageBatchWhileTheDirectoryIsReadIsRefusedWithRetryAfterAndStoresNothing() throws Exception {
        HttpClientResponseException json = refused(HttpRequest.POST("/api/v1/usage-events", BATCH)
                .contentType(MediaType.APPLICATION_JSON));
        HttpClientResponseException csv = refused(HttpRequest.POST("/api/v1/usage-events.csv?batch=csv-first",
                "workflow,email,day,count\ndrafting,bo@example.com,2026-11-20,2\n").contentType("text/csv"));

        for (HttpClientResponseException e : new HttpClientResponseException[] {json, csv}) {
            assertThat(e.getStatus().getCode()).isEqualTo(503);
            String retryAfter = e.getResponse().getHeaders().get("Retry-After");
            String body = e.getResponse().getBody(String.class).orElseThrow();
            assertThat(retryAfter).isEqualTo("5");
            assertThat(body).contains("directory is still being read; try again in a few seconds");
        }
        assertThat(count("SELECT COUNT(*) FROM usage_event")).isZero();
        assertThat(count("SELECT COUNT(*) FROM usage_batch")).isZero();
    }

    @Test
    @Order(3)
    void sendNowDuringTheReadWaitsForItAndReachesTheChannelsMembers() {
        CompletableFuture<HttpResponse<Map>> sent = CompletableFuture.supplyAsync(() -> http.toBlocking()
                .exchange(admin(HttpRequest.POST("/api/v1/pulses/" + PULSE + "/rounds", "")), Map.class));
        usersList.release();

        HttpResponse<Map> response = sent.join();

        assertThat(response.getStatus().getCode()).isEqualTo(201);
        Map<?, ?> body = response.body();
        assertThat(body.get("recipients")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void afterTheReadTheMissedRoundIsOpenedForTheAudienceAndTheSameBatchKeyIsTakenIn() throws Exception {
        assertThat(firstReadJobDone.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(count("SELECT COUNT(*) FROM delivery d JOIN pulse_round r ON r.id = d.round_id "
                + "WHERE r.pulse_id = '" + PULSE + "' AND r.period = '" + MISSED + "'"))
                .as("the catch-up round reaches both channel members").isEqualTo(2);
        Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        Map<?, ?> usage = http.toBlocking().retrieve(admin(HttpRequest.POST("/api/v1/usage-events", BATCH)
                .contentType(MediaType.APPLICATION_JSON)), Map.class);
        assertThat(usage.get("accepted")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM usage_event")).isEqualTo(1);
    }

    private HttpClientResponseException health() {
        try {
            http.toBlocking().retrieve("/health", String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("/health answered 200 while the directory was being read");
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(admin(request), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError(request.getPath() + " was taken in while the directory was being read");
    }

    private static <T> MutableHttpRequest<T> admin(MutableHttpRequest<T> request) {
        return request.bearerAuth(TOKEN);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement statement = c.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Path file(String text) {
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
