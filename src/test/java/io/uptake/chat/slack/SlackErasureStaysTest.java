package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Someone named in an {@code emails:} audience erases themselves with {@code /uptake forget-me}: the next Slack
 * directory sync and the next programmes-file load do not bring them back, the next pulse does not reach them,
 * and only their own {@code optin} does.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackErasureStaysTest implements TestPropertyProvider {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T0ERASE";
    static final String PULSE = "drafting-weekly";

    final FakeSlackApi slackApi = FakeSlackApi.start();
    final Path programmes = file("""
            programmes:
              - id: legal-ai
                name: Legal drafting assistant
                sponsor: gc@example.com
                workflows:
                  - id: drafting
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com] }
            pulses:
              - id: drafting-weekly
                workflow: drafting
                schedule: { every: TUESDAY, at: "10:00", zone: UTC }
                questions: [usage, trust]
            """);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    SyncSlackAudiences syncAudiences;
    @Inject
    ReloadCatalog reloadCatalog;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PersonRepository people;
    @Inject
    ChatIdentityRepository identities;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(slackApi.singleWorkspace(TEAM, "xoxb-erase", Map.of()));
        properties.put("uptake.catalog", programmes.toString());
        return properties;
    }

    @AfterAll
    void stop() {
        slackApi.close();
    }

    @Test
    @Order(1)
    void forgetMeSaysExactlyWhatHappensAndTheNextSyncDoesNotBringThePersonBack() throws InterruptedException {
        sync();
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, TEAM, "U1")).isPresent();
        long people = this.people.count();

        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(command("U1", "forget-me confirm")), Map.class);
        sync();
        reloadCatalog.reload();

        assertThat(reply.get("text").toString()).contains("one-way fingerprint", "no team list or directory sync "
                + "adds you back", "`optin`");
        assertThat(this.people.findByEmail("ana@example.com")).isEmpty();
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, TEAM, "U1")).isEmpty();
        assertThat(this.people.count()).as("nobody created again").isEqualTo(people);
    }

    @Test
    @Order(2)
    void theNextPulseDoesNotReachThem() {
        var opened = (OpenRound.Result.Opened) openRound.now(PULSE);
        dispatcher.dispatchDue();

        assertThat(opened.recipients()).isEqualTo(1);
        assertThat(slackApi.calls("chat.postMessage")).extracting(c -> c.params().get("channel"))
                .containsExactly("U2");
    }

    @Test
    @Order(3)
    void writingToUptakeAgainCreatesNothingAndSaysHowToComeBack() {
        long people = this.people.count();

        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(command("U1", "help")), Map.class);

        assertThat(reply.get("text").toString()).contains("You asked Uptake to erase your data", "`optin`");
        assertThat(this.people.count()).isEqualTo(people);
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, TEAM, "U1")).isEmpty();
    }

    @Test
    @Order(4)
    void theirOwnOptInBringsThemBackAndTheSyncFindsThemAgain() throws InterruptedException {
        slackApi.answer("users.info", 200, """
                {"ok":true,"user":{"id":"U1","name":"ana","real_name":"Ana","tz":"Europe/London",
                 "profile":{"email":"ana@example.com"}}}""", Map.of());
        Map<?, ?> reply = http.toBlocking().retrieve(signed().form(command("U1", "optin")), Map.class);
        sync();
        reloadCatalog.reload();

        assertThat(reply.get("text").toString()).contains("opted in");
        long ana = this.people.findByEmail("ana@example.com").orElseThrow().id();
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, TEAM, "U1").orElseThrow().personId())
                .isEqualTo(ana);
    }

    /** A directory sync in which Slack lists Ana and Bo, as it does every time. */
    private void sync() throws InterruptedException {
        slackApi.answer("users.list", 200, """
                {"ok":true,"members":[
                 {"id":"U1","name":"ana","real_name":"Ana","tz":"Europe/London","profile":{"email":"ana@example.com"}},
                 {"id":"U2","name":"bo","real_name":"Bo","tz":"UTC","profile":{"email":"bo@example.com"}}],
                 "response_metadata":{"next_cursor":""}}""", Map.of());
        syncAudiences.run();
    }

    private SignedSlackRequests signed() {
        return new SignedSlackRequests(clock);
    }

    private String command(String user, String text) {
        return "command=%2Fuptake&text=" + enc(text) + "&team_id=" + TEAM + "&user_id=" + user + "&user_name=x"
                + "&channel_id=D1&response_url=" + enc(slackApi.url() + "response") + "&trigger_id=1.2";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
