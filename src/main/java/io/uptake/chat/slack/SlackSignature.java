package io.uptake.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature more strictly than Bolt does: the timestamp must be within five minutes in
 * either direction, and the signature is compared in constant time.
 */
final class SlackSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a request was refused; every case is a 401. */
    enum Refusal {
        MISSING_HEADERS("the X-Slack-Signature and X-Slack-Request-Timestamp headers are required"),
        BAD_TIMESTAMP("the request timestamp is not a number"),
        STALE("the request timestamp is more than five minutes from now"),
        MISMATCH("the signature does not match");

        final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    private final byte[] secret;
    private final Clock clock;

    SlackSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Returns null when the request is genuine, otherwise why not. */
    Refusal check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return Refusal.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Refusal.BAD_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return Refusal.STALE;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp.trim(), body)))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII)) ? null
                : Refusal.MISMATCH;
    }

    byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
