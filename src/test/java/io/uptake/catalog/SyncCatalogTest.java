package io.uptake.catalog;

import static io.uptake.catalog.Catalogs.aCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.people.PersonRepository;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class SyncCatalogTest {

    @Inject
    SyncCatalog sync;
    @Inject
    CatalogRepositories.Workflows workflows;
    @Inject
    CatalogRepositories.StageHistory history;
    @Inject
    CatalogRepositories.Pulses pulses;
    @Inject
    CatalogRepositories.Programmes programmes;
    @Inject
    PersonRepository people;
    @Inject
    MutableClock clock;
    @Inject
    CatalogLookup lookup;

    @Test
    void firstSyncAddsEverythingTheFileDeclares() {
        SyncReport report = sync.sync(aCatalog().build());

        assertThat(report.changes()).contains("programme claims-ai added", "workflow claims-triage added as pilot",
                "pulse claims-weekly added", "digest to slack:C0LEADERS added");
        WorkflowRow row = workflows.findById("claims-triage").orElseThrow();
        assertThat(row.stageSince()).isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(row.cycleBaselineMinutes()).isEqualByComparingTo("18");
        assertThat(people.findById(row.ownerPersonId()).orElseThrow().email()).isEqualTo("jane@example.com");
    }

    @Test
    void syncingTheSameCatalogueTwiceChangesNothing() {
        Catalog catalog = aCatalog().build();
        sync.sync(catalog);
        List<WorkflowRow> before = workflows.findAllOrderById();
        long historyBefore = history.count();
        clock.advance(Duration.ofHours(1));

        SyncReport second = sync.sync(catalog);

        assertThat(second.unchanged()).as("changes: %s", second.changes()).isTrue();
        assertThat(workflows.findAllOrderById()).isEqualTo(before);
        assertThat(history.count()).isEqualTo(historyBefore);
    }

    @Test
    void aWorkflowRemovedFromTheFileIsRetiredWithItsHistoryKept() {
        sync.sync(aCatalog().build());
        clock.advance(Duration.ofDays(3));

        SyncReport report = sync.sync(aCatalog().without("fraud-review").build());

        assertThat(report.changes()).contains("workflow fraud-review retired: no longer in the file");
        WorkflowRow row = workflows.findById("fraud-review").orElseThrow();
        assertThat(row.stage()).isEqualTo("retired");
        assertThat(row.retiredAt()).isEqualTo(clock.instant());
        assertThat(history.findByWorkflowIdOrderByIdAsc("fraud-review")).extracting(WorkflowStageRow::stage)
                .containsExactly("pilot", "retired");
        assertThat(sync.sync(aCatalog().without("fraud-review").build()).unchanged()).isTrue();
    }

    @Test
    void aStageChangeIsRecordedWithItsDate() {
        sync.sync(aCatalog().build());

        sync.sync(aCatalog().with(Catalogs.workflow("claims-triage", Stage.PRODUCTION, LocalDate.parse("2026-11-15")))
                .build());

        assertThat(history.findByWorkflowIdOrderByIdAsc("claims-triage"))
                .extracting(WorkflowStageRow::stage, WorkflowStageRow::since)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pilot", LocalDate.parse("2026-09-01")),
                        org.assertj.core.groups.Tuple.tuple("production", LocalDate.parse("2026-11-15")));
        assertThat(workflows.findById("claims-triage").orElseThrow().stage()).isEqualTo("production");
    }

    @Test
    void aRetiredWorkflowThatComesBackIsRestored() {
        sync.sync(aCatalog().build());
        sync.sync(aCatalog().without("fraud-review").build());

        SyncReport report = sync.sync(aCatalog().build());

        WorkflowRow row = workflows.findById("fraud-review").orElseThrow();
        assertThat(row.retiredAt()).isNull();
        assertThat(row.stage()).isEqualTo("pilot");
        assertThat(report.changes()).anyMatch(c -> c.startsWith("workflow fraud-review: stage retired -> pilot"));
    }

    @Test
    void aPulseWhoseWorkflowLeavesIsRetiredButKept() {
        sync.sync(aCatalog().build());

        sync.sync(aCatalog().without("claims-triage").build());

        assertThat(pulses.findById("claims-weekly").orElseThrow().retiredAt()).isNotNull();
    }

    @Test
    void eachWaveIsOneStoredAudienceAndAWaveLeftOutOfTheFileIsRetiredAndComesBackWithItsId() {
        Workflow base = Catalogs.workflow("claims-triage", Stage.PILOT, LocalDate.parse("2026-09-01"));
        List<Wave> waves = List.of(new Wave(1, new Audience.SlackChannel("C0123ABCD"), java.util.Optional.empty(), 40),
                new Wave(2, new Audience.Emails(List.of("a@example.com", "b@example.com")),
                        java.util.Optional.of(LocalDate.parse("2027-01-11")), 12),
                new Wave(3, new Audience.TeamsTeam("team-c"), java.util.Optional.of(LocalDate.parse("2027-02-08")), 0));
        sync.sync(aCatalog().with(withWaves(base, waves)).build());

        List<CatalogLookup.AudienceSource> stored = lookup.waves("claims-triage");
        assertThat(stored).extracting(CatalogLookup.AudienceSource::wave, CatalogLookup.AudienceSource::kind,
                        CatalogLookup.AudienceSource::goLive, CatalogLookup.AudienceSource::emails)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "slack-channel", java.util.Optional.empty(), List.of()),
                        org.assertj.core.groups.Tuple.tuple(2, "emails",
                                java.util.Optional.of(LocalDate.parse("2027-01-11")),
                                List.of("a@example.com", "b@example.com")),
                        org.assertj.core.groups.Tuple.tuple(3, "teams-team",
                                java.util.Optional.of(LocalDate.parse("2027-02-08")), List.of()));
        assertThat(lookup.audience("claims-triage").orElseThrow().wave()).isEqualTo(1);
        assertThat(sync.sync(aCatalog().with(withWaves(base, waves)).build()).unchanged()).isTrue();

        SyncReport shorter = sync.sync(aCatalog().with(withWaves(base, waves.subList(0, 2))).build());

        assertThat(shorter.changes()).contains("workflow claims-triage: wave 3 removed");
        assertThat(lookup.waves("claims-triage")).extracting(CatalogLookup.AudienceSource::wave).containsExactly(1, 2);
        assertThat(lookup.activeAudiences()).extracting(CatalogLookup.AudienceSource::audienceId)
                .contains(stored.get(0).audienceId(), stored.get(1).audienceId())
                .doesNotContain(stored.get(2).audienceId());

        sync.sync(aCatalog().with(withWaves(base, waves)).build());

        assertThat(lookup.waves("claims-triage")).extracting(CatalogLookup.AudienceSource::audienceId)
                .containsExactly(stored.get(0).audienceId(), stored.get(1).audienceId(), stored.get(2).audienceId());
    }

    private static Workflow withWaves(Workflow w, List<Wave> waves) {
        return new Workflow(w.id(), w.programmeId(), w.name(), w.stage(), w.stageSince(), w.ownerEmail(),
                w.audience(), w.targetTeamSize(), w.play(), w.outcome(), w.cycleTime(), w.usage(), waves);
    }
}
