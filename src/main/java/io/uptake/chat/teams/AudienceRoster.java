package io.uptake.chat.teams;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.AudienceRow;
import io.uptake.people.SyncAudienceMembers;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;

/** Makes an audience's current members exactly the people a roster listed, keeping when each joined and left. */
@Singleton
class AudienceRoster {

    /** How many people joined and left. */
    record Change(int joined, int left) {
    }

    private final RosterRepositories.Audiences audiences;
    private final SyncAudienceMembers members;

    AudienceRoster(RosterRepositories.Audiences audiences, SyncAudienceMembers members) {
        this.audiences = audiences;
        this.members = members;
    }

    @Transactional
    Change replace(long audienceId, Set<Long> personIds, Instant now) {
        SyncAudienceMembers.Changes changes = members.sync(audienceId, personIds);
        audiences.findById(audienceId).ifPresent(a -> audiences.update(new AudienceRow(a.id(), a.workflowId(),
                a.kind(), a.sourceRef(), now, a.updatedAt())));
        return new Change(changes.joined(), changes.left());
    }
}
