package io.uptake.chat.teams;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.AudienceRow;
import io.uptake.people.AudienceMemberRow;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Makes an audience's current members exactly the people a roster listed, keeping when each joined and left. */
@Singleton
class AudienceRoster {

    /** How many people joined and left. */
    record Change(int joined, int left) {
    }

    private final RosterRepositories.Audiences audiences;
    private final RosterRepositories.Members members;

    AudienceRoster(RosterRepositories.Audiences audiences, RosterRepositories.Members members) {
        this.audiences = audiences;
        this.members = members;
    }

    @Transactional
    Change replace(long audienceId, Set<Long> personIds, Instant now) {
        Map<Long, AudienceMemberRow> known = members.findByAudienceId(audienceId).stream()
                .collect(Collectors.toMap(AudienceMemberRow::personId, Function.identity()));
        int joined = 0;
        int left = 0;
        for (Long personId : personIds) {
            AudienceMemberRow row = known.get(personId);
            if (row == null) {
                members.save(new AudienceMemberRow(null, audienceId, personId, now, null));
                joined++;
            } else if (row.leftAt() != null) {
                members.update(new AudienceMemberRow(row.id(), audienceId, personId, now, null));
                joined++;
            }
        }
        for (AudienceMemberRow row : known.values()) {
            if (row.leftAt() == null && !personIds.contains(row.personId())) {
                members.update(new AudienceMemberRow(row.id(), audienceId, row.personId(), row.joinedAt(), now));
                left++;
            }
        }
        audiences.findById(audienceId).ifPresent(a -> audiences.update(new AudienceRow(a.id(), a.workflowId(),
                a.kind(), a.sourceRef(), now, a.updatedAt())));
        return new Change(joined, left);
    }
}
