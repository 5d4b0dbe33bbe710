package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Remembers who asked to be erased without keeping who they were: a SHA-256 fingerprint of each email address and
 * chat account of an erased person. Whatever would create a person (the programmes file, a directory sync, a chat
 * user writing in) asks here first, so an erasure is not undone by the next sync; the person's own opt-in removes
 * their fingerprints.
 */
@Singleton
public class ErasedIdentities {

    private final ErasedIdentityRepository erased;

    ErasedIdentities(ErasedIdentityRepository erased) {
        this.erased = erased;
    }

    /** Remembers the identities of a person being erased; runs inside the erasure's transaction. */
    void remember(@Nullable String email, List<ChatIdentityRow> accounts, Instant now) {
        List<String> fingerprints = new ArrayList<>();
        if (email != null) {
            fingerprints.add(email(email));
        }
        for (ChatIdentityRow account : accounts) {
            fingerprints.add(chat(account.platform(), account.tenantId(), account.userId()));
            if (account.aadObjectId() != null) {
                fingerprints.add(aad(account.aadObjectId()));
            }
        }
        List<String> known = erased.findByFingerprintInList(fingerprints).stream()
                .map(ErasedIdentityRow::fingerprint).toList();
        fingerprints.stream().distinct().filter(f -> !known.contains(f))
                .forEach(f -> erased.save(new ErasedIdentityRow(f, now)));
    }

    /** Whether the person with this email address asked to be erased and has not opted back in. */
    @Transactional
    public boolean emailErased(String email) {
        return erased.existsById(email(email));
    }

    /** Whether this chat user, or the email their platform gives, belongs to an erased person. */
    @Transactional
    public boolean erased(LinkIdentity.ChatUser user) {
        return !erased.findByFingerprintInList(fingerprints(user)).isEmpty();
    }

    /** The person opted back in themselves: their chat account and email may be known again. */
    @Transactional
    public void forget(LinkIdentity.ChatUser user) {
        erased.deleteAll(erased.findByFingerprintInList(fingerprints(user)));
    }

    private static List<String> fingerprints(LinkIdentity.ChatUser user) {
        List<String> all = new ArrayList<>();
        all.add(chat(user.platform(), user.tenantId(), user.userId()));
        if (user.email() != null && !user.email().isBlank()) {
            all.add(email(user.email()));
        }
        if (user.aadObjectId() != null && !user.aadObjectId().isBlank()) {
            all.add(aad(user.aadObjectId()));
        }
        return all;
    }

    private static String email(String email) {
        return sha256("email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    private static String chat(Platform platform, String tenantId, String userId) {
        return sha256("chat:" + platform.code() + ":" + tenantId + ":" + userId);
    }

    private static String aad(String objectId) {
        return sha256("aad:" + objectId.trim().toLowerCase(Locale.ROOT));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
