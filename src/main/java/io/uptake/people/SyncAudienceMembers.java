package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes an audience's stored members match what its platform says: newcomers join, leavers leave (their history
 * stays), people who come back rejoin.
 */
@Singleton
public class SyncAudienceMembers {

    /** What a sync changed. */
    public record Changes(int joined, int left) {
    }

    private final AudienceMemberRepository members;
    private final Clock clock;

    SyncAudienceMembers(AudienceMemberRepository members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public Changes sync(long audienceId, Set<Long> personIds) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Map<Long, AudienceMemberRow> stored = members.findByAudienceId(audienceId).stream()
                .collect(Collectors.toMap(AudienceMemberRow::personId, Function.identity()));
        int joined = 0;
        int left = 0;
        for (Long personId : personIds) {
            AudienceMemberRow row = stored.get(personId);
            if (row == null) {
                members.save(new AudienceMemberRow(null, audienceId, personId, now, null));
                joined++;
            } else if (row.leftAt() != null) {
                members.update(new AudienceMemberRow(row.id(), audienceId, personId, now, null));
                joined++;
            }
        }
        for (AudienceMemberRow row : stored.values()) {
            if (row.leftAt() == null && !personIds.contains(row.personId())) {
                members.update(new AudienceMemberRow(row.id(), audienceId, row.personId(), row.joinedAt(), now));
                left++;
            }
        }
        return new Changes(joined, left);
    }
}
