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
}
