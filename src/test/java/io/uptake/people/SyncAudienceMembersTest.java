package io.uptake.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A sync keeps every spell a person spends in an audience, so the weeks before a change keep their audience. */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncAudienceMembersTest implements TestPropertyProvider {

    @Inject
    SyncAudienceMembers sync;
    @Inject
    AudienceMemberRepository members;
    @Inject
    PersonRepository people;
    @Inject
    CatalogLookup catalog;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return LegalDraftingFile.properties();
    }

    @Test
    void someoneWhoLeavesAndComesBackKeepsBothSpells() {
        long audience = catalog.activeAudiences().get(0).audienceId();
        long ana = people.findByEmail("ana@example.com").orElseThrow().id();
        long bo = people.findByEmail("bo@example.com").orElseThrow().id();
        Instant left = clock.instant().plus(Duration.ofDays(7));
        Instant back = left.plus(Duration.ofDays(14));

        clock.set(left);
        assertThat(sync.sync(audience, Set.of(ana))).isEqualTo(new SyncAudienceMembers.Changes(0, 1));
        clock.set(back);
        assertThat(sync.sync(audience, Set.of(ana, bo))).isEqualTo(new SyncAudienceMembers.Changes(1, 0));

        List<AudienceMemberRow> spells = StreamSupport.stream(members.findAll().spliterator(), false)
                .filter(m -> m.audienceId() == audience).sorted(Comparator.comparing(AudienceMemberRow::id)).toList();
        // Loaded at start-up: both were there before anyone looked, so their first spells have no start.
        assertThat(spells).extracting(m -> m.personId() + " " + m.joinedAt() + " " + m.leftAt())
                .containsExactly(ana + " null null", bo + " null " + left, bo + " " + back + " null");
    }
}
