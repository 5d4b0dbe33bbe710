package io.uptake.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** People decide who joins and leaves an audience from what a chat platform read; a failed read removes nobody. */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncChatAudiencesTest implements TestPropertyProvider {

    @Inject
    SyncChatAudiences sync;
    @Inject
    AudienceMemberRepository members;
    @Inject
    PersonRepository people;
    @Inject
    FindOrAddPerson findOrAdd;
    @Inject
    CatalogLookup catalog;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return LegalDraftingFile.properties();
    }

    @Test
    void whoeverThePlatformNoLongerListsLeavesAndNewcomersJoin() {
        long audience = catalog.activeAudiences().get(0).audienceId();
        long ana = person("ana@example.com");
        long cy = findOrAdd.byEmail("cy@example.com").orElseThrow().id();
        clock.set(clock.instant().plus(Duration.ofDays(7)));

        SyncChatAudiences.Report report = sync.sync(source(a -> Optional.of(Set.of(ana, cy))));

        assertThat(report).isEqualTo(new SyncChatAudiences.Report(1, 2, 1, 1, 0));
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).extracting(AudienceMemberRow::personId)
                .containsExactlyInAnyOrder(ana, cy);
    }

    @Test
    void anAudienceThatCouldNotBeReadKeepsEveryMember() {
        long audience = catalog.activeAudiences().get(0).audienceId();

        SyncChatAudiences.Report report = sync.sync(source(a -> Optional.empty()));

        assertThat(report).isEqualTo(new SyncChatAudiences.Report(0, 0, 0, 0, 1));
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).extracting(AudienceMemberRow::personId)
                .containsExactlyInAnyOrder(person("ana@example.com"), person("bo@example.com"));
    }

    @Test
    void anAudienceTheSourceDoesNotHoldIsNeitherAskedNorChanged() {
        long audience = catalog.activeAudiences().get(0).audienceId();
        List<AudienceSource> asked = new ArrayList<>();

        SyncChatAudiences.Report report = sync.sync(new AudienceMembersSource<RuntimeException>() {
            @Override
            public boolean holds(AudienceSource a) {
                return false;
            }

            @Override
            public Optional<Set<Long>> members(AudienceSource a) {
                asked.add(a);
                return Optional.of(Set.of());
            }
        });

        assertThat(report).isEqualTo(new SyncChatAudiences.Report(0, 0, 0, 0, 0));
        assertThat(asked).isEmpty();
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).hasSize(2);
    }

    private long person(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    private static AudienceMembersSource<RuntimeException> source(
            Function<AudienceSource, Optional<Set<Long>>> read) {
        return new AudienceMembersSource<>() {
            @Override
            public boolean holds(AudienceSource audience) {
                return true;
            }

            @Override
            public Optional<Set<Long>> members(AudienceSource audience) {
                return read.apply(audience);
            }
        };
    }
}
