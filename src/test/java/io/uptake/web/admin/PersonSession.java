package io.uptake.web.admin;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.util.Map;

/** A dashboard session cookie for a person signed in by email (not an admin), minted as sign-in would. */
final class PersonSession {

    static final String COOKIE = "uptake_session";

    private PersonSession() {
    }

    static String of(TokenGenerator tokens, String email) {
        return tokens.generateToken(Authentication.build(email, Map.of("email", email)), 3600).orElseThrow();
    }
}
