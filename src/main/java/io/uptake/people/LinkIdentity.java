package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Records that a chat user is a person: matched by email when the platform gives one, so the same human on
 * Slack and Teams is one person; profile details (name, zone, locale) refreshed from the platform. A chat user
 * whose account or email belongs to someone erased at their request is not linked, until they opt back in.
 */
@Singleton
public class LinkIdentity {

    /**
     * A chat user as a platform describes them.
     *
     * @param conversationRef for Teams, the conversation reference to message them proactively
     */
    public record ChatUser(Platform platform, String tenantId, String userId, @Nullable String email,
                           @Nullable String displayName, @Nullable String timeZone, @Nullable String locale,
                           @Nullable String aadObjectId, @Nullable String conversationRef) {
    }

    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final ErasedIdentities erased;
    private final Clock clock;

    LinkIdentity(PersonRepository people, ChatIdentityRepository identities, ErasedIdentities erased, Clock clock) {
        this.people = people;
        this.identities = identities;
        this.erased = erased;
        this.clock = clock;
    }

    /**
     * Returns the person's id, creating the person and identity when they are new; empty for a user not seen since
     * they had Uptake erase them.
     */
    @Transactional
    public Optional<Long> link(ChatUser user) {
        Optional<ChatIdentityRow> known = identities.findByPlatformAndTenantIdAndUserId(user.platform(),
                user.tenantId(), user.userId());
        if (known.isEmpty() && erased.erased(user)) {
            return Optional.empty();
        }
        return Optional.of(link(user, known));
    }

    /**
     * The user asked to take part again themselves: the fingerprints of their erasure are removed and they are
     * linked like anyone new.
     */
    @Transactional
    public long optBackIn(ChatUser user) {
        erased.forget(user);
        return link(user, identities.findByPlatformAndTenantIdAndUserId(user.platform(), user.tenantId(),
                user.userId()));
    }

    /** Whether the user had Uptake erase them and has not opted back in. */
    public boolean erased(ChatUser user) {
        return identities.findByPlatformAndTenantIdAndUserId(user.platform(), user.tenantId(), user.userId())
                .isEmpty() && erased.erased(user);
    }

    private long link(ChatUser user, Optional<ChatIdentityRow> known) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String email = user.email() == null || user.email().isBlank() ? null
                : user.email().trim().toLowerCase(Locale.ROOT);
        PersonRow person = known.flatMap(i -> people.findById(i.personId()))
                .or(() -> Optional.ofNullable(email).flatMap(people::findByEmail))
                .orElseGet(() -> people.save(new PersonRow(null, email, null, null, null, null, null, null, null, null,
                        now, now)));
        person = refresh(person, user, email, now);
        if (known.isEmpty()) {
            identities.save(new ChatIdentityRow(null, person.id(), user.platform(), user.tenantId(), user.userId(),
                    user.aadObjectId(), user.conversationRef(), user.displayName(), now, now));
        } else {
            ChatIdentityRow i = known.get();
            ChatIdentityRow updated = new ChatIdentityRow(i.id(), person.id(), i.platform(), i.tenantId(),
                    i.userId(), user.aadObjectId() != null ? user.aadObjectId() : i.aadObjectId(),
                    user.conversationRef() != null ? user.conversationRef() : i.conversationRef(),
                    user.displayName() != null ? user.displayName() : i.displayName(), i.createdAt(), i.updatedAt());
            // A directory sync links everyone it reads; one who has not changed costs no write (on PostgreSQL,
            // a transaction that writes nothing commits without waiting for the disk).
            if (!updated.equals(i)) {
                identities.update(new ChatIdentityRow(updated.id(), updated.personId(), updated.platform(),
                        updated.tenantId(), updated.userId(), updated.aadObjectId(), updated.conversationRef(),
                        updated.displayName(), updated.createdAt(), now));
            }
        }
        return person.id();
    }

    private PersonRow refresh(PersonRow p, ChatUser user, String email, Instant now) {
        if (p.erasedAt() != null) {
            return p;
        }
        String zone = validZone(user.timeZone()) ? user.timeZone() : p.timeZone();
        String newEmail = p.email() == null && email != null && people.findByEmail(email).isEmpty() ? email
                : p.email();
        PersonRow updated = new PersonRow(p.id(), newEmail,
                user.displayName() != null ? user.displayName() : p.displayName(), zone,
                user.locale() != null ? user.locale() : p.locale(), p.optedOutAt(), p.pausedUntil(),
                p.unreachableAt(), p.unreachableReason(), p.erasedAt(), p.createdAt(), now);
        return updated.equals(new PersonRow(p.id(), p.email(), p.displayName(), p.timeZone(), p.locale(),
                p.optedOutAt(), p.pausedUntil(), p.unreachableAt(), p.unreachableReason(), p.erasedAt(),
                p.createdAt(), now)) ? p : people.update(updated);
    }

    private static boolean validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** One of a person's accounts on a platform: the workspace or tenant, and the user id there. */
    public record Account(String tenantId, String userId) {
    }

    /** The person's accounts on one platform, oldest first. */
    public List<Account> accounts(long personId, Platform platform) {
        return identities.findByPersonIdOrderById(personId).stream()
                .filter(identity -> identity.platform() == platform)
                .map(identity -> new Account(identity.tenantId(), identity.userId())).toList();
    }

    /** The person behind a chat user, if that user was ever seen. */
    public Optional<Long> find(Platform platform, String tenantId, String userId) {
        return identities.findPersonId(platform, tenantId, userId);
    }
}
