package io.uptake.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.web.Sessions;
import io.uptake.web.Viewers;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's guards over HTTP, as a browser meets them behind an https address: every cookie Secure and
 * HttpOnly, the form token's double-submit check refusing a post without the token, with a wrong one, or with a
 * matching pair the service did not sign, each with a plain 403 page; a page for the admin refused to a person with a
 * plain page; sign-out ending the session; an expired session sent to sign in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardsTest implements TestPropertyProvider {

    static final String TOKEN = "guards-test-admin-token";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN, "uptake.public-url", "https://uptake.example.com",
                "uptake.test.admin-only-page", "true");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path));
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    @Test
    void behindAnHttpsAddressEveryCookieIsSecureAndHttpOnly() throws Exception {
        HttpResponse<String> page = send(to("/sign-in").GET());
        String formCookie = setCookie(page, Sessions.FORM_TOKEN_COOKIE).orElseThrow();
        assertThat(formCookie).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .contains("SameSite=Strict");
        String formToken = formCookie.substring(formCookie.indexOf('=') + 1, formCookie.indexOf(';'));
        assertThat(page.body()).contains("value=\"" + formToken + "\"");

        HttpResponse<String> signedIn = send(to("/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Sessions.FORM_TOKEN_COOKIE + "=" + formToken)
                .POST(form(Map.of("username", "admin", "password", TOKEN, "csrfToken", formToken))));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        assertThat(setCookie(signedIn, Sessions.COOKIE).orElseThrow()).containsIgnoringCase("; Secure")
                .containsIgnoringCase("; HttpOnly").contains("SameSite=Lax", "Max-Age=28800");
    }

    @Test
    void theSecureFlagFollowsTheSettingThenThePublicAddress() {
        assertThat(CookieFlags.secure("", "https://uptake.example.com")).isTrue();
        assertThat(CookieFlags.secure(null, "HTTPS://uptake.example.com/")).isTrue();
        assertThat(CookieFlags.secure("", "http://localhost:8080")).isFalse();
        assertThat(CookieFlags.secure("", "")).isFalse();
        assertThat(CookieFlags.secure("true", "")).isTrue();
        assertThat(CookieFlags.secure("false", "https://uptake.example.com")).isFalse();
    }

    @Test
    void aFormPostWithoutTheTokenOrWithAWrongOneIsRefusedWithAPlainPage() throws Exception {
        Sessions sessions = Sessions.of(context);
        String session = sessions.person("cfo@example.com");
        String valid = sessions.formToken();
        String unsigned = "." + valid.substring(valid.indexOf('.') + 1);
        String otherValid = sessions.formToken();
        List<Map.Entry<String, String>> cookieAndField = List.of(
                Map.entry(valid, ""),                 // no token in the form
                Map.entry(valid, otherValid),         // a token, but not this browser's cookie
                Map.entry(unsigned, unsigned),        // a matching pair the service did not sign
                Map.entry(valid, valid + "x"));       // a tampered token
        for (Map.Entry<String, String> attempt : cookieAndField) {
            Map<String, String> fields = attempt.getValue().isEmpty() ? Map.of() : Map.of("csrfToken",
                    attempt.getValue());
            HttpResponse<String> refused = send(to("/sign-out")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", Sessions.COOKIE + "=" + session + "; " + Sessions.FORM_TOKEN_COOKIE + "="
                            + attempt.getKey())
                    .POST(form(fields)));
            assertThat(refused.statusCode()).as(attempt.toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.body()).contains("Uptake did not accept that form", "Nothing was changed")
                    .doesNotContain("Exception", "\"message\"");
            assertThat(setCookie(refused, Sessions.COOKIE)).isEmpty();
        }

        HttpResponse<String> signedOut = send(to("/sign-out")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Sessions.COOKIE + "=" + session + "; " + Sessions.FORM_TOKEN_COOKIE + "=" + valid)
                .POST(form(Map.of("csrfToken", valid))));
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).hasValue("/sign-in?signed-out=true");
        assertThat(setCookie(signedOut, Sessions.COOKIE).orElseThrow()).contains("Max-Age=0");
    }

    @Test
    void theAdminSignInFormWithoutItsTokenIsRefusedWithAPlainPage() throws Exception {
        HttpResponse<String> refused = send(to("/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", "admin", "password", TOKEN))));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Uptake did not accept that form", "sign in");
        assertThat(setCookie(refused, Sessions.COOKIE)).isEmpty();
    }

    @Test
    void aPageForTheAdminIsRefusedToAPersonWithAPlainPage() throws Exception {
        Sessions sessions = Sessions.of(context);
        HttpResponse<String> refused = send(to("/test-admin-only")
                .header("Cookie", Sessions.COOKIE + "=" + sessions.person("jane@example.com")).GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This page is not for you", "jane@example.com");

        HttpResponse<String> admin = send(to("/test-admin-only")
                .header("Cookie", Sessions.COOKIE + "=" + sessions.admin()).GET());
        assertThat(admin.statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = send(to("/test-admin-only").GET());
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/sign-in");
    }

    @Test
    void anExpiredSessionIsSentToSignIn() throws Exception {
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        String expired = context.getBean(JwtTokenGenerator.class).generateToken(Map.of(
                "sub", "cfo@example.com", Viewers.EMAIL, "cfo@example.com", "roles", List.of(),
                "iat", past - 28800, "nbf", past - 28800, "exp", past)).orElseThrow();
        HttpResponse<String> page = send(to("/").header("Cookie", Sessions.COOKIE + "=" + expired).GET());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/sign-in");

        String live = Sessions.of(context).person("cfo@example.com");
        assertThat(send(to("/").header("Cookie", Sessions.COOKIE + "=" + live).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiKeepsItsOwnAnswers() throws Exception {
        HttpResponse<String> api = http.send(to("/api/v1/people").header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).doesNotContain("<html");
    }
}
