package io.uptake.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one secret the dashboard's signatures come from ({@link SessionSecret}): the session cookie's key and, derived
 * from it for another purpose, the key that signs form tokens. Every node with the same settings derives the same keys.
 *
 * @param hex the key, as hexadecimal
 */
public record SessionKey(String hex) {

    /** A key for {@code purpose}, so that no two uses share one key. */
    public String derive(String purpose) {
        return sha256(purpose + ":" + hex);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SessionKey[hidden]";
    }
}
