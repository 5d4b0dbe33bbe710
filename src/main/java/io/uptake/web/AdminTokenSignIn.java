package io.uptake.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Signs an admin in to the dashboard with the admin token ({@code UPTAKE_ADMIN_TOKEN}), typed into the sign-in
 * form's token field. Without a configured token nobody signs in this way.
 */
@Singleton
class AdminTokenSignIn<B> implements HttpRequestAuthenticationProvider<B> {

    private final byte[] token;

    AdminTokenSignIn(@Value("${uptake.admin-token:}") String token) {
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        String typed = authenticationRequest.getSecret();
        if (token.length == 0) {
            return AuthenticationResponse.failure(
                    "Signing in with the admin token is off: UPTAKE_ADMIN_TOKEN is not set.");
        }
        if (typed == null || !MessageDigest.isEqual(token, typed.strip().getBytes(StandardCharsets.UTF_8))) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success("admin", List.of(Viewers.ADMIN_ROLE));
    }
}
