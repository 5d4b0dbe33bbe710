package io.uptake.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A configured secret that requests present as {@code Authorization: Bearer <secret>}, compared in constant time.
 * Shared by the admin API's token and the Prometheus endpoint's own.
 */
final class BearerToken {

    /** What a request presented. */
    enum Presented { NONE, WRONG, RIGHT }

    private final byte[] secret;

    private BearerToken(byte[] secret) {
        this.secret = secret;
    }

    /** The token, or empty when none is configured (blank). */
    static Optional<BearerToken> configured(String value) {
        return value == null || value.isBlank() ? Optional.empty()
                : Optional.of(new BearerToken(value.trim().getBytes(StandardCharsets.UTF_8)));
    }

    Presented check(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Presented.NONE;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(secret, presented) ? Presented.RIGHT : Presented.WRONG;
    }
}
