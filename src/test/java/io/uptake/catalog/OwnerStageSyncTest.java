package io.uptake.catalog;

import static io.uptake.catalog.Catalogs.aCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stage an owner set in chat survives reloads of an unchanged file; a stage edited in the file wins again. */
@MicronautTest(transactional = false, rebuildContext = true)
class OwnerStageSyncTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @Inject
    SyncCatalog sync;
    @Inject
    OwnerStages ownerStages;
    @Inject
    CatalogRepositories.Workflows workflows;
    @Inject
    CatalogRepositories.StageHistory history;
    @Inject
    CheckinLookup lookup;
    @Inject
    MutableClock clock;

    @Test
    void anOwnersMoveToProductionSurvivesAReloadOfTheSameFile() {
        sync.sync(aCatalog().build());
        ownerStages.move(workflows.findById("claims-triage").orElseThrow(), Stage.PRODUCTION, TODAY, clock.instant());
        clock.advance(Duration.ofDays(1));

        SyncReport report = sync.sync(aCatalog().build());

        WorkflowRow row = workflows.findById("claims-triage").orElseThrow();
        assertThat(row.stage()).isEqualTo("production");
        assertThat(row.stageSince()).isEqualTo(TODAY);
        assertThat(report.changes()).noneMatch(c -> c.startsWith("workflow claims-triage"));
        assertThat(history.findByWorkflowIdOrderByIdAsc("claims-triage")).extracting(WorkflowStageRow::source)
                .containsExactly("catalog", "owner");
    }

    @Test
    void aStageEditedInTheFileWinsAndALaterOwnerMoveSticksAgain() {
        sync.sync(aCatalog().build());
        ownerStages.move(workflows.findById("claims-triage").orElseThrow(), Stage.PRODUCTION, TODAY, clock.instant());

        sync.sync(aCatalog().with(Catalogs.workflow("claims-triage", Stage.PRODUCTION, TODAY)).build());
        ownerStages.move(workflows.findById("claims-triage").orElseThrow(), Stage.RETIRED, TODAY.plusDays(3),
                clock.instant().plus(Duration.ofDays(3)));
        sync.sync(aCatalog().with(Catalogs.workflow("claims-triage", Stage.PRODUCTION, TODAY)).build());

        WorkflowRow row = workflows.findById("claims-triage").orElseThrow();
        assertThat(row.stage()).isEqualTo("retired");
        assertThat(row.retiredAt()).isNotNull();
        List<WorkflowStageRow> entries = history.findByWorkflowIdOrderByIdAsc("claims-triage");
        assertThat(entries).extracting(e -> e.source() + ":" + e.stage())
                .containsExactly("catalog:pilot", "owner:production", "catalog:production", "owner:retired");
    }

    @Test
    void theFilesCheckinPolicyIsStoredAndChangedOnReload() {
        sync.sync(aCatalog().build());
        assertThat(lookup.policy()).isEqualTo(CheckinPolicy.DEFAULT);

        CheckinPolicy monthly = new CheckinPolicy(CheckinPolicy.Cadence.MONTHLY, List.of(Duration.ofHours(36)),
                Duration.ofDays(4));
        Catalog built = aCatalog().build();
        SyncReport report = sync.sync(new Catalog(built.programmes(), built.pulses(), monthly, built.digests()));

        assertThat(report.changes()).contains("check-in policy changed");
        assertThat(lookup.policy()).isEqualTo(monthly);
    }
}
