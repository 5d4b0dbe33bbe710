package io.uptake.web.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.uptake.web.Viewer;
import io.uptake.web.Viewers;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a sign-in lands. A refused Slack or Microsoft sign-in goes back to the sign-in page with the reason in plain
 * words ({@code ?refused=email}: no verified email; {@code ?refused=provider}: the answer could not be verified or
 * the person turned it down); a wrong admin token as before ({@code ?failed=true}). A person who sponsors or owns
 * nothing lands on their own data ({@code /me}), the one page with something for them.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SignInOutcomes extends TokenCookieLoginHandler {

    private final Viewers viewers;

    @SuppressWarnings("checkstyle:ParameterNumber")
    SignInOutcomes(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                   AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                   RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                   AccessTokenConfiguration accessTokenConfiguration,
                   AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                   @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                   List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders, Viewers viewers) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.viewers = viewers;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        MutableHttpResponse<?> response = super.loginSuccess(authentication, request);
        Viewer viewer = viewers.of(authentication);
        boolean toHome = response.getHeaders().get(HttpHeaders.LOCATION) == null
                || "/".equals(response.getHeaders().get(HttpHeaders.LOCATION));
        if (toHome && "employee".equals(viewer.role())) {
            response.getHeaders().set(HttpHeaders.LOCATION, "/me");
        }
        return response;
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse authenticationFailed, HttpRequest<?> request) {
        if (!request.getPath().startsWith("/oauth/")) {
            return super.loginFailed(authenticationFailed, request);
        }
        boolean noEmail = Objects.equals(authenticationFailed.getMessage().orElse(null),
                VerifiedEmail.NO_VERIFIED_EMAIL);
        return HttpResponse.seeOther(URI.create("/sign-in?refused=" + (noEmail ? "email" : "provider")));
    }
}
