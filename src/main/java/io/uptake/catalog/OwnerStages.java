package io.uptake.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a stage an owner set in chat: the workflow's current stage and an {@code owner} entry in its history.
 * {@link SyncWorkflows} keeps such a stage until the programmes file itself declares a different stage.
 */
@Singleton
public class OwnerStages {

    private final CatalogRepositories.Workflows workflows;
    private final CatalogRepositories.StageHistory history;

    OwnerStages(CatalogRepositories.Workflows workflows, CatalogRepositories.StageHistory history) {
        this.workflows = workflows;
        this.history = history;
    }

    /** Moves the workflow to {@code stage} since {@code since}; returns the stored row. */
    @Transactional
    public WorkflowRow move(WorkflowRow row, Stage stage, LocalDate since, Instant now) {
        Instant retiredAt = stage == Stage.RETIRED ? now : null;
        WorkflowRow moved = new WorkflowRow(row.id(), row.programmeId(), row.name(), stage.code(), since,
                row.ownerEmail(), row.ownerPersonId(), row.targetTeamSize(), row.playUrl(), row.cycleTask(),
                row.cycleBaselineMinutes(), retiredAt, row.createdAt(), now);
        workflows.update(moved);
        history.save(new WorkflowStageRow(null, row.id(), stage.code(), since, WorkflowStageRow.FROM_OWNER, now));
        return moved;
    }
}
