package io.uptake.web.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.cookie.CookieConfiguration;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.oauth2.endpoint.AbstractCookieConfiguration;
import io.micronaut.security.token.cookie.AbstractAccessTokenCookieConfigurationProperties;
import io.uptake.web.SessionKey;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.temporal.TemporalAmount;
import java.util.Locale;
import java.util.Optional;

/**
 * Sets the flags of every cookie the dashboard issues as it is configured: the session, the form token and the
 * short-lived cookies of an OpenID Connect sign-in (state, nonce, PKCE). All are HttpOnly (no page script reads them:
 * the form token reaches the page in its markup) and Secure when {@link #secure} says so. The form token is also
 * signed with a key derived from the session key, so a token planted from outside (a cookie set by a sibling host)
 * is refused: without a key, Micronaut's double-submit check accepts any token that matches its own cookie.
 */
@Singleton
class CookieFlags implements BeanCreatedEventListener<CookieConfiguration> {

    private final boolean secure;
    private final Provider<SessionKey> key;

    CookieFlags(@Value("${uptake.secure-cookies:}") String secureCookies,
                @Value("${uptake.public-url:}") String publicUrl, Provider<SessionKey> key) {
        this.secure = secure(secureCookies, publicUrl);
        this.key = key;
    }

    /**
     * Whether cookies carry the Secure flag: as {@code UPTAKE_SECURE_COOKIES} says when it is set ({@code true} or
     * {@code false}), otherwise when the service's public address ({@code UPTAKE_PUBLIC_URL}) is https, since then
     * browsers reach it over TLS even when a proxy in front speaks plain HTTP to it.
     */
    static boolean secure(String secureCookies, String publicUrl) {
        String setting = secureCookies == null ? "" : secureCookies.strip().toLowerCase(Locale.ROOT);
        if (!setting.isEmpty()) {
            return setting.equals("true");
        }
        return publicUrl != null && publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    boolean secure() {
        return secure;
    }

    @Override
    public CookieConfiguration onCreated(BeanCreatedEvent<CookieConfiguration> event) {
        CookieConfiguration cookie = event.getBean();
        if (cookie instanceof CsrfConfiguration csrf) {
            return new SignedFormToken(csrf, secure, key.get().derive("uptake-form-token"));
        }
        if (cookie instanceof AbstractAccessTokenCookieConfigurationProperties session) {
            session.setCookieSecure(secure);
            session.setCookieHttpOnly(true);
        }
        if (cookie instanceof AbstractCookieConfiguration signInStep) {
            signInStep.setCookieSecure(secure);
            signInStep.setCookieHttpOnly(true);
        }
        return cookie;
    }

    /** The form token's configuration with the Secure and HttpOnly flags and the signing key set. */
    private record SignedFormToken(CsrfConfiguration configured, boolean secure, String signingKey)
            implements CsrfConfiguration {

        @Override
        public int getRandomValueSize() {
            return configured.getRandomValueSize();
        }

        @Override
        public String getSecretKey() {
            return signingKey;
        }

        @Override
        public String getHeaderName() {
            return configured.getHeaderName();
        }

        @Override
        public String getHttpSessionName() {
            return configured.getHttpSessionName();
        }

        @Override
        public String getFieldName() {
            return configured.getFieldName();
        }

        @Override
        public boolean isSessionCookie() {
            return configured.isSessionCookie();
        }

        @Override
        public boolean isEnabled() {
            return configured.isEnabled();
        }

        @Override
        public String getCookieName() {
            return configured.getCookieName();
        }

        @Override
        public Optional<String> getCookieDomain() {
            return configured.getCookieDomain();
        }

        @Override
        public Optional<String> getCookiePath() {
            return configured.getCookiePath();
        }

        @Override
        public Optional<Boolean> isCookieHttpOnly() {
            return Optional.of(true);
        }

        @Override
        public Optional<Boolean> isCookieSecure() {
            return Optional.of(secure);
        }

        @Override
        public Optional<TemporalAmount> getCookieMaxAge() {
            return configured.getCookieMaxAge();
        }

        @Override
        public Optional<SameSite> getCookieSameSite() {
            return configured.getCookieSameSite();
        }

        @Override
        public String toString() {
            return "SignedFormToken[" + getCookieName() + "]";
        }
    }
}
