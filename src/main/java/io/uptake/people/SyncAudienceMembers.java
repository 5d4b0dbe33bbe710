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
 * Makes an audience's stored members match what its platform says: newcomers and people who come back start a
 * spell, leavers end theirs. Spells are never rewritten, so a past week keeps the audience it had.
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
        // The first members found were in the audience before anyone looked: they count from before the first sync.
        Instant joinedAt = members.existsByAudienceId(audienceId) ? now : null;
        Map<Long, AudienceMemberRow> open = members.findByAudienceIdAndLeftAtIsNull(audienceId).stream()
                .collect(Collectors.toMap(AudienceMemberRow::personId, Function.identity()));
        int joined = 0;
        int left = 0;
        for (Long personId : personIds) {
            if (!open.containsKey(personId)) {
                members.save(new AudienceMemberRow(null, audienceId, personId, joinedAt, null));
                joined++;
            }
        }
        for (AudienceMemberRow row : open.values()) {
            if (!personIds.contains(row.personId())) {
                members.update(new AudienceMemberRow(row.id(), audienceId, row.personId(), row.joinedAt(), now));
                left++;
            }
        }
        return new Changes(joined, left);
    }
}
