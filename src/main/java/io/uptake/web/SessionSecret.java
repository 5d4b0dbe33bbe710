package io.uptake.web;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key dashboard sessions are signed with (HS256). {@code UPTAKE_SESSION_SECRET} when set; otherwise derived from
 * the admin token, so that every node sharing the token accepts the others' sessions and changing the token signs
 * everyone out; with neither, a random key for this run only (sessions end at restart), said once in the log.
 */
@Factory
class SessionSecret {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSecret.class);

    @Singleton
    SessionKey sessionKey(@Value("${uptake.session-secret:}") String secret,
                          @Value("${uptake.admin-token:}") String adminToken) {
        return new SessionKey(key(secret, adminToken));
    }

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration sessionSignature(SessionKey key) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(key.hex());
        return new SecretSignature(configuration);
    }

    static String key(String secret, String adminToken) {
        if (!secret.isBlank()) {
            return sha256("uptake-session-secret:" + secret.strip());
        }
        if (!adminToken.isBlank()) {
            return sha256("uptake-session-from-admin-token:" + adminToken.strip());
        }
        LOG.warn("Neither UPTAKE_SESSION_SECRET nor UPTAKE_ADMIN_TOKEN is set: dashboard sessions are signed with a "
                + "key for this run only and end when the service restarts");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String sha256(String text) {
        return SessionKey.sha256(text);
    }
}
