package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.catalog.MarkAudienceRead;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Syncs the members of the active audiences a chat platform holds from what it says now: newcomers join, leavers
 * leave ({@link SyncAudienceMembers}), and an audience that could not be read keeps the members it had.
 */
@Singleton
public class SyncChatAudiences {

    /**
     * What one sync did.
     *
     * @param read    audiences whose members were read and synced
     * @param members the people those audiences have now, counted once per audience
     * @param unread  audiences that could not be read, left as they were
     */
    public record Report(int read, int members, int joined, int left, int unread) {
    }

    private final CatalogLookup catalog;
    private final Membership membership;

    SyncChatAudiences(CatalogLookup catalog, Membership membership) {
        this.catalog = catalog;
        this.membership = membership;
    }

    public <E extends Exception> Report sync(AudienceMembersSource<E> source) throws E {
        int read = 0;
        int people = 0;
        int joined = 0;
        int left = 0;
        int unread = 0;
        for (AudienceSource audience : catalog.activeAudiences()) {
            if (!source.holds(audience)) {
                continue;
            }
            Optional<Set<Long>> members = source.members(audience);
            if (members.isEmpty()) {
                unread++;
                continue;
            }
            SyncAudienceMembers.Changes changes = membership.replace(audience.audienceId(), members.get());
            read++;
            people += members.get().size();
            joined += changes.joined();
            left += changes.left();
        }
        return new Report(read, people, joined, left, unread);
    }

    /** One audience's members replaced and the time of the read noted, together. */
    @Singleton
    static class Membership {

        private final SyncAudienceMembers members;
        private final MarkAudienceRead audiences;
        private final Clock clock;

        Membership(SyncAudienceMembers members, MarkAudienceRead audiences, Clock clock) {
            this.members = members;
            this.audiences = audiences;
            this.clock = clock;
        }

        @Transactional
        SyncAudienceMembers.Changes replace(long audienceId, Set<Long> personIds) {
            SyncAudienceMembers.Changes changes = members.sync(audienceId, personIds);
            audiences.at(audienceId, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
            return changes;
        }
    }
}
