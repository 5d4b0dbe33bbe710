package io.uptake.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.util.List;
import java.util.Map;

/**
 * Dashboard sessions for tests, minted the way the service mints them (Micronaut's {@link JwtTokenGenerator} with
 * the service's key), so a test can be signed in as a person or the admin without going through a sign-in flow.
 *
 * <pre>{@code
 * Sessions sessions = Sessions.of(applicationContext);
 * client.exchange(sessions.signedIn(HttpRequest.GET("/me"), "jane@example.com"), String.class);
 * sessions.signIn(browser, sessions.person("cfo@example.com"));   // Chromium, then browser.go("/")
 * }</pre>
 *
 * <p>Form posts also need the form token (double-submit cookie): {@link #withFormToken} sets the cookie and returns
 * the value the form's {@code csrfToken} field must carry.
 */
public final class Sessions {

    /** The session cookie's name (micronaut.security.token.cookie.cookie-name). */
    public static final String COOKIE = "uptake_session";
    /** The form token cookie's name (micronaut.security.csrf.cookie-name). */
    public static final String FORM_TOKEN_COOKIE = "uptake_csrf";
    /** The form field that repeats the form token. */
    public static final String FORM_TOKEN_FIELD = "csrfToken";

    private final ApplicationContext context;

    private Sessions(ApplicationContext context) {
        this.context = context;
    }

    /** Sessions for the service running in {@code context}. */
    public static Sessions of(ApplicationContext context) {
        return new Sessions(context);
    }

    /** The session token of the admin (as signed in with the admin token). */
    public String admin() {
        return mint(Authentication.build("admin", List.of(Viewers.ADMIN_ROLE)));
    }

    /** The session token of a person signed in by their verified email (as after Sign in with Slack or Microsoft). */
    public String person(String email) {
        return person(email, email);
    }

    /** The session token of a person with the name the header shows. */
    public String person(String email, String name) {
        return mint(Authentication.build(email, List.of(), Map.of(Viewers.EMAIL, email, "name", name)));
    }

    /** The session cookie carrying {@code token}. */
    public static Cookie cookie(String token) {
        return Cookie.of(COOKIE, token);
    }

    /** {@code request} signed in as the person with {@code email}. */
    public <B> MutableHttpRequest<B> signedIn(MutableHttpRequest<B> request, String email) {
        return request.cookie(cookie(person(email)));
    }

    /** {@code request} signed in as the admin. */
    public <B> MutableHttpRequest<B> signedInAsAdmin(MutableHttpRequest<B> request) {
        return request.cookie(cookie(admin()));
    }

    /**
     * Sets a valid form token cookie on {@code request} and returns the token, for the form's {@code csrfToken}
     * field. Note: a request carries one Cookie header, so call this after the session cookie is set, or use
     * {@link #formToken()} and set both cookies yourself.
     */
    public String withFormToken(MutableHttpRequest<?> request) {
        String token = formToken();
        request.cookie(Cookie.of(FORM_TOKEN_COOKIE, token));
        return token;
    }

    /** A fresh form token the service accepts (as cookie value and as the form field). */
    @SuppressWarnings("unchecked")
    public String formToken() {
        CsrfTokenGenerator<HttpRequest<?>> generator = context.getBean(
                Argument.of(CsrfTokenGenerator.class, Argument.of(HttpRequest.class)));
        return generator.generateCsrfToken(HttpRequest.GET("/"));
    }

    /**
     * Signs Chromium in with a session token: opens a page of the service (so the cookie has its host) and sets the
     * session cookie. The browser then goes wherever the test sends it.
     */
    public static void signIn(Browser browser, String token) {
        browser.go("/static/uptake.css");
        browser.driver().manage().deleteCookieNamed(COOKIE);
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie.Builder(COOKIE, token)
                .path("/").isHttpOnly(true).sameSite("Lax").build());
    }

    private String mint(Authentication authentication) {
        Integer lifetime = context.getProperty("micronaut.security.token.generator.access-token.expiration",
                Integer.class).orElse(3600);
        return context.getBean(JwtTokenGenerator.class).generateToken(authentication, lifetime)
                .orElseThrow(() -> new IllegalStateException("the session generator made no token"));
    }
}
