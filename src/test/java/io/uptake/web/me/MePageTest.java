package io.uptake.web.me;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.people.MyAccount;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A person's own page over HTTP: their choices change through its forms only with the form token, a pause is as
 * long as chosen, a wrong choice is a plain 400, the export downloads as text, and the admin and a stranger are told
 * Uptake holds nothing for them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MePageTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MyAccount accounts;
    @Inject
    Clock clock;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yaml");
            Files.writeString(file, """
                    programmes:
                      - id: claims-ai
                        name: Claims triage assistant
                        sponsor: cfo@example.com
                        workflows:
                          - id: claims-triage
                            name: AI-assisted claims triage
                            owner: jane@example.com
                            audience: { emails: [me.page@example.com, b@example.com] }
                    """);
            return Map.of("uptake.admin-token", "me-page-test-token", "uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Cookie", Sessions.COOKIE + "=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String session, String formToken, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(f -> f.getKey() + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/me/choices"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Sessions.COOKIE + "=" + session + "; " + Sessions.FORM_TOKEN_COOKIE + "=" + formToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPersonChangesTheirChoicesOnlyWithTheFormToken() throws Exception {
        Sessions sessions = Sessions.of(context);
        String session = sessions.person("me.page@example.com", "Me Page");
        String token = sessions.formToken();
        long person = accounts.byEmail("me.page@example.com").orElseThrow().personId();

        HttpResponse<String> page = get("/me", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You answered <strong>0</strong>", "may ask you short pulses");

        HttpResponse<String> forged = post(session, token, Map.of("choice", "opt-out"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(accounts.byEmail("me.page@example.com").orElseThrow().optedOut()).isFalse();

        assertThat(post(session, token, Map.of("csrfToken", token, "choice", "pause", "weeks", "3")).statusCode())
                .isEqualTo(400);
        assertThat(post(session, token, Map.of("csrfToken", token, "choice", "delete-everyone")).statusCode())
                .isEqualTo(400);

        Instant before = clock.instant();
        HttpResponse<String> paused = post(session, token, Map.of("csrfToken", token, "choice", "pause",
                "weeks", "2"));
        assertThat(paused.statusCode()).isEqualTo(303);
        assertThat(paused.headers().firstValue("Location")).hasValue("/me?done=paused");
        Instant until = accounts.byEmail("me.page@example.com").orElseThrow().pausedUntil();
        assertThat(until).isBetween(before.plus(Duration.ofDays(14)).minusSeconds(1),
                clock.instant().plus(Duration.ofDays(14)).plusSeconds(1));
        assertThat(get("/me", session).body()).contains("You are <strong>paused</strong> until");

        assertThat(post(session, token, Map.of("csrfToken", token, "choice", "resume")).statusCode()).isEqualTo(303);
        assertThat(accounts.byEmail("me.page@example.com").orElseThrow().pausedUntil()).isNull();
        assertThat(post(session, token, Map.of("csrfToken", token, "choice", "opt-out")).statusCode()).isEqualTo(303);
        assertThat(accounts.byEmail("me.page@example.com").orElseThrow().optedOut()).isTrue();
        assertThat(get("/me?done=opted-out", session).body()).contains("You are opted out", "Opt back in");
        assertThat(post(session, token, Map.of("csrfToken", token, "choice", "opt-in")).statusCode()).isEqualTo(303);
        assertThat(accounts.byEmail("me.page@example.com").orElseThrow().optedOut()).isFalse();
        assertThat(person).isPositive();
    }

    @Test
    void theExportDownloadsAsText() throws Exception {
        HttpResponse<String> export = get("/me/export.txt", Sessions.of(context).person("me.page@example.com"));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(export.body()).startsWith("What Uptake holds about me.page@example.com")
                .contains("me.page@example.com").doesNotContain("holds nothing");
    }

    @Test
    void theAdminAndAStrangerAreToldUptakeHoldsNothingForThem() throws Exception {
        Sessions sessions = Sessions.of(context);
        assertThat(get("/me", sessions.admin()).body()).contains("Uptake holds\n    no personal data");
        String stranger = sessions.person("nobody@example.com");
        assertThat(get("/me", stranger).body()).contains("Uptake holds nothing about you");
        assertThat(get("/me/export.txt", stranger).body()).contains("Uptake holds nothing about you.");
        String token = sessions.formToken();
        assertThat(post(stranger, token, Map.of("csrfToken", token, "choice", "opt-out")).statusCode())
                .isEqualTo(400);
    }
}
