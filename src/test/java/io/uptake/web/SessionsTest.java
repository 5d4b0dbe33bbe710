package io.uptake.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The test helper {@link Sessions} mints sessions the service accepts: a sponsor sees their programme, the admin
 * sees everything, and a token from another key is not a session.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

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
                            audience: { emails: [a@example.com, b@example.com] }
                      - id: hr-ai
                        name: HR letters assistant
                        sponsor: chro@example.com
                        workflows:
                          - id: hr-letters
                            name: Drafting HR letters
                            owner: hr@example.com
                            audience: { emails: [a@example.com, b@example.com] }
                    """);
            return Map.of("uptake.admin-token", "sessions-test-token", "uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET()
                .header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", Sessions.COOKIE + "=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSponsorsSessionShowsTheirProgrammeAndNotAnother() throws Exception {
        HttpResponse<String> page = get("/", Sessions.of(context).person("cfo@example.com", "Chris Fo"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Claims triage assistant", "Chris Fo (sponsor)")
                .doesNotContain("HR letters assistant");
    }

    @Test
    void theAdminsSessionShowsEveryProgramme() throws Exception {
        HttpResponse<String> page = get("/", Sessions.of(context).admin());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Claims triage assistant", "HR letters assistant", "Admin (admin)");
    }

    @Test
    void noSessionOrAForgedOneIsSentToSignIn() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(303);
        String session = Sessions.of(context).admin();
        String forged = session.substring(0, session.lastIndexOf('.') + 1) + "AAAA" + session.substring(
                session.lastIndexOf('.') + 5);
        HttpResponse<String> page = get("/", forged);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/sign-in");
    }
}
