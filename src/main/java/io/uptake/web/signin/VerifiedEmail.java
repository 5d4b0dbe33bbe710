package io.uptake.web.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import io.uptake.web.Viewers;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Turns a verified ID token (Micronaut Security has checked its signature against the provider's keys, its issuer,
 * audience, expiry and nonce) into a dashboard session: the person's email, which decides what they see, and their
 * name. The session holds nothing else from the provider: no access token, no other claims.
 *
 * <p>The email must be one the provider vouches for, since it is what makes someone a programme's sponsor:
 * <ul>
 *   <li>Slack: {@code email} with {@code email_verified: true} (Slack verifies every account's address).</li>
 *   <li>Entra ID: {@code email}, else {@code preferred_username} when it is an address, of an account in the
 *   configured tenant ({@code tid}): the organisation's directory manages those addresses, so they are as sure as
 *   the directory. An explicit {@code email_verified: false} is refused all the same.</li>
 * </ul>
 * Otherwise sign-in is refused ({@link #NO_VERIFIED_EMAIL}) and the sign-in page says why.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class VerifiedEmail implements OpenIdAuthenticationMapper {

    /** The failure message of a sign-in refused for want of a verified email. */
    static final String NO_VERIFIED_EMAIL = "uptake:no-verified-email";

    private final SignInProviders providers;

    VerifiedEmail(SignInProviders providers) {
        this.providers = providers;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
                                                                         OpenIdTokenResponse tokenResponse,
                                                                         OpenIdClaims openIdClaims,
                                                                         @Nullable State state) {
        return Publishers.just(respond(providerName, openIdClaims.getClaims()));
    }

    AuthenticationResponse respond(String provider, Map<String, Object> claims) {
        Optional<String> email = email(provider, claims);
        if (email.isEmpty()) {
            return AuthenticationResponse.failure(NO_VERIFIED_EMAIL);
        }
        String address = email.get();
        String name = text(claims.get(OpenIdClaims.CLAIMS_NAME)).orElse(address);
        return AuthenticationResponse.success(address, List.of(),
                Map.of(Viewers.EMAIL, address, "name", name, "provider", provider));
    }

    /** The person's email as the provider vouches for it, lower-cased; empty when it does not. */
    Optional<String> email(String provider, Map<String, Object> claims) {
        Object verified = claims.get(OpenIdClaims.CLAIMS_EMAIL_VERIFIED);
        if (isFalse(verified)) {
            return Optional.empty();
        }
        Optional<String> email = text(claims.get(OpenIdClaims.CLAIMS_EMAIL)).filter(VerifiedEmail::isAddress);
        if (SignInProviders.ENTRA.equals(provider)) {
            boolean ownTenant = text(claims.get("tid")).filter(tid -> tid.equalsIgnoreCase(providers.entraTenant()))
                    .isPresent();
            if (!ownTenant) {
                return Optional.empty();
            }
            return email.or(() -> text(claims.get(OpenIdClaims.CLAIMS_PREFERRED_USERNAME))
                    .filter(VerifiedEmail::isAddress)).map(VerifiedEmail::normal);
        }
        return isTrue(verified) ? email.map(VerifiedEmail::normal) : Optional.empty();
    }

    private static boolean isTrue(@Nullable Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static boolean isFalse(@Nullable Object value) {
        return Boolean.FALSE.equals(value) || "false".equals(value);
    }

    private static Optional<String> text(@Nullable Object value) {
        return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean isAddress(String text) {
        int at = text.indexOf('@');
        return at > 0 && at == text.lastIndexOf('@') && at < text.length() - 1 && !text.contains(" ");
    }

    private static String normal(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
