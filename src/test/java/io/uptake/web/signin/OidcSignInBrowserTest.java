package io.uptake.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.web.Browser;
import io.uptake.web.signin.TestIssuer.Flaw;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign in with Slack and with Microsoft in Chromium, against two OpenID Connect providers on loopback with their own
 * keys: a sponsor lands on their programme and not another, a workflow owner on their workflow only, an employee on
 * their own data; an ID token signed with another key, for another client, from another issuer, or expired is
 * refused with the sign-in page's plain words, and so is an account without a verified email.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInBrowserTest implements TestPropertyProvider {

    static final String TENANT = "8f7a6b5c-1d2e-4f30-9a8b-7c6d5e4f3a21";
    static final TestIssuer SLACK = TestIssuer.slack("slack-client-id", "slack-client-secret");
    static final TestIssuer ENTRA = TestIssuer.entra(TENANT, "entra-client-id", "entra-client-secret");

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
                      - id: hr-ai
                        name: HR letters assistant
                        sponsor: chro@example.com
                        workflows:
                          - id: hr-letters
                            name: Drafting HR letters
                            owner: hr.owner@example.com
                            audience: { emails: [a@example.com, c@example.com] }
                          - id: hr-policy
                            name: Answering policy questions
                            owner: policy.owner@example.com
                            audience: { emails: [c@example.com] }
                    """);
            Map<String, String> properties = new HashMap<>();
            properties.put("uptake.catalog", file.toString());
            properties.put("uptake.admin-token", "oidc-browser-test-token");
            properties.put("uptake.slack.client-id", "slack-client-id");
            properties.put("uptake.slack.client-secret", "slack-client-secret");
            properties.put("uptake.slack.oidc-issuer", SLACK.issuer());
            properties.put("uptake.entra.tenant-id", TENANT);
            properties.put("uptake.entra.client-id", "entra-client-id");
            properties.put("uptake.entra.client-secret", "entra-client-secret");
            properties.put("uptake.entra.issuer", ENTRA.issuer());
            return properties;
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
        SLACK.close();
        ENTRA.close();
    }

    @BeforeEach
    void signedOut() {
        browser.go("/static/uptake.css");
        browser.driver().manage().deleteAllCookies();
    }

    void signInWith(String provider) {
        browser.go("/sign-in");
        browser.find("a[data-provider='" + provider + "']").click();
    }

    @Test
    void aSponsorSignsInWithSlackAndSeesTheirProgrammeAndNotAnother() {
        browser.go("/");
        assertThat(browser.path()).startsWith("/sign-in");
        assertThat(browser.text()).contains("Sign in with Slack", "Sign in with Microsoft", "Admin token");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("sign-in-with-providers");

        SLACK.nextSignIn(TestIssuer.slackPerson("CFO@example.com", "Chris Fo"));
        signInWith("slack");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text())
                .contains("Claims triage assistant", "AI-assisted claims triage", "Chris Fo (sponsor)")
                .doesNotContain("HR letters assistant", "Drafting HR letters");

        browser.find("form[action='/sign-out'] button").click();
        assertThat(browser.text()).contains("You are signed out");
        browser.go("/");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    @Test
    void aWorkflowOwnerSignsInWithMicrosoftAndSeesOnlyTheirWorkflow() {
        ENTRA.nextSignIn(TestIssuer.entraPerson(TENANT, "Hr.Owner@example.com", "Harriet Owner"));
        signInWith("entra");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text()).contains("Drafting HR letters", "Harriet Owner (owner)")
                .doesNotContain("Answering policy questions", "Claims triage assistant", "AI-assisted claims triage");
    }

    @Test
    void anEmployeeLandsOnTheirOwnDataAndSeesNoProgramme() {
        SLACK.nextSignIn(TestIssuer.slackPerson("a@example.com", "Ann Employee"));
        signInWith("slack");
        assertThat(browser.path()).isEqualTo("/me");
        assertThat(browser.text()).contains("My data", "a@example.com", "You answered 0 pulses",
                "What Uptake holds about you", "Ann Employee (employee)");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("me");

        browser.find("form[action='/me/choices'] input[value='opt-out'] ~ button").click();
        assertThat(browser.path()).isEqualTo("/me?done=opted-out");
        assertThat(browser.text()).contains("You are opted out");
        browser.find("form[action='/me/choices'] input[value='opt-in'] ~ button").click();
        assertThat(browser.text()).contains("You are opted back in", "may ask you short pulses");

        browser.go("/");
        assertThat(browser.text()).contains("nothing for you to see")
                .doesNotContain("Claims triage assistant", "HR letters assistant");
    }

    @Test
    void someoneUptakeDoesNotKnowIsToldItHoldsNothing() {
        ENTRA.nextSignIn(TestIssuer.entraPerson(TENANT, "stranger@example.com", "Stranger"));
        signInWith("entra");
        assertThat(browser.path()).isEqualTo("/me");
        assertThat(browser.text()).contains("Uptake holds nothing about you");
        assertThat(browser.all("form[action='/me/choices']")).isEmpty();
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
    }

    @Test
    void aFlawedIdTokenIsRefusedWithAPlainPage() {
        for (Flaw flaw : Set.of(Flaw.OTHER_KEY, Flaw.WRONG_AUDIENCE, Flaw.WRONG_ISSUER, Flaw.EXPIRED,
                Flaw.CANCELLED)) {
            browser.go("/static/uptake.css");
            browser.driver().manage().deleteAllCookies();
            SLACK.nextSignIn(TestIssuer.slackPerson("cfo@example.com", "Chris Fo"), flaw);
            signInWith("slack");
            assertThat(browser.path()).as(flaw.name() + ": " + browser.text()).isEqualTo("/sign-in?refused=provider");
            assertThat(browser.text()).as(flaw.name()).contains("That sign-in did not work")
                    .doesNotContain("Claims triage assistant");
            browser.go("/");
            assertThat(browser.path()).as(flaw.name()).startsWith("/sign-in");
        }
        ENTRA.nextSignIn(TestIssuer.entraPerson(TENANT, "hr.owner@example.com", "Harriet Owner"), Flaw.OTHER_KEY);
        signInWith("entra");
        assertThat(browser.path()).isEqualTo("/sign-in?refused=provider");
    }

    @Test
    void anAccountWithoutAVerifiedEmailIsRefused() {
        Map<String, Object> unverified = new HashMap<>(TestIssuer.slackPerson("cfo@example.com", "Chris Fo"));
        unverified.put("email_verified", false);
        Map<String, Object> noEmail = new HashMap<>(TestIssuer.slackPerson("cfo@example.com", "Chris Fo"));
        noEmail.remove("email");
        for (Map<String, Object> claims : java.util.List.of(unverified, noEmail)) {
            browser.go("/static/uptake.css");
            browser.driver().manage().deleteAllCookies();
            SLACK.nextSignIn(claims);
            signInWith("slack");
            assertThat(browser.path()).isEqualTo("/sign-in?refused=email");
            assertThat(browser.text()).contains("did not give Uptake an email address it vouches for");
            browser.go("/");
            assertThat(browser.path()).startsWith("/sign-in");
        }
        browser.go("/static/uptake.css");
        browser.driver().manage().deleteAllCookies();
        ENTRA.nextSignIn(TestIssuer.entraPerson(TENANT, "not-an-address", "No Mail"));
        signInWith("entra");
        assertThat(browser.path()).isEqualTo("/sign-in?refused=email");

        browser.go("/static/uptake.css");
        browser.driver().manage().deleteAllCookies();
        ENTRA.nextSignIn(TestIssuer.entraPerson("another-tenant", "cfo@example.com", "Guest From Elsewhere"));
        signInWith("entra");
        assertThat(browser.path()).isEqualTo("/sign-in?refused=email");
    }
}
