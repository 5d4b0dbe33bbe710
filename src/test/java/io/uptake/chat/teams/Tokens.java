package io.uptake.chat.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Bearer tokens as the Bot Framework channel signs them, made with the fake's test key (or another). */
final class Tokens {

    static final String ISSUER = "https://api.botframework.com";

    private Tokens() {
    }

    /** A valid token for the bot, naming the service URL the activity comes from. */
    static String channel(String appId, String serviceUrl) {
        return sign(FakeBotConnector.get().key(), ISSUER, appId, serviceUrl);
    }

    static String sign(KeyPair key, String issuer, String audience, String serviceUrl) {
        Instant now = Instant.now();
        return "Bearer " + JWT.create()
                .withKeyId(FakeBotConnector.KEY_ID)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(10))))
                .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
