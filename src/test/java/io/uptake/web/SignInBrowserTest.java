package io.uptake.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A new admin opens the dashboard in Chromium: sent to sign in, a wrong token refused, the right one lets them in
 * to the programmes of the file, and the pages pass axe-core with no serious or critical finding.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest implements TestPropertyProvider {

    static final String TOKEN = "sign-in-browser-test-token";

    @Inject
    EmbeddedServer server;

    Browser browser;

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
                    """);
            return Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void start() {
        browser = Browser.open(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void anAdminSignsInWithTheTokenAndSeesTheProgrammes() {
        browser.go("/");
        assertThat(browser.path()).startsWith("/sign-in");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("sign-in");

        browser.signInAsAdmin("not-the-token");
        assertThat(browser.text()).contains("That is not the admin token");
        assertThat(browser.text()).doesNotContain("Claims triage assistant");

        browser.signInAsAdmin(TOKEN);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text()).contains("Claims triage assistant", "AI-assisted claims triage", "Admin (admin)");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("programmes");

        browser.submit("form[action='/sign-out'] button");
        assertThat(browser.text()).contains("You are signed out");
        browser.go("/");
        assertThat(browser.path()).startsWith("/sign-in");
    }
}
