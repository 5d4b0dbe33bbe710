package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.OwnerStages;
import io.uptake.catalog.Stage;
import io.uptake.catalog.WorkflowRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Moves a workflow to production or retires it, on its owner's word, recording the date in the stage history.
 * The programmes file does not undo it on the next reload; only a different stage in the file does. Only active
 * workflows can be moved.
 */
@Singleton
public class ChangeStage {

    /** What the owner is told. */
    public sealed interface Result {
        record Changed(String workflowName, String stage, LocalDate since) implements Result {
        }

        record Unchanged(String workflowName, String stage) implements Result {
        }

        record NotOwner(String owner, String workflowName) implements Result {
        }

        record UnknownWorkflow(String workflowId) implements Result {
        }

        /** The stage word is not one an owner may set. */
        record BadStage(String given) implements Result {
        }
    }

    private final CheckinLookup catalog;
    private final OwnerStages stages;
    private final Owners owners;
    private final Clock clock;

    ChangeStage(CheckinLookup catalog, OwnerStages stages, Owners owners, Clock clock) {
        this.catalog = catalog;
        this.stages = stages;
        this.owners = owners;
        this.clock = clock;
    }

    @Transactional
    public Result change(long personId, String workflowId, String stageWord) {
        String word = stageWord == null ? "" : stageWord.trim().toLowerCase(Locale.ROOT);
        Optional<Stage> stage = Stage.fromCode(word).filter(s -> s != Stage.PILOT);
        if (stage.isEmpty()) {
            return new Result.BadStage(word);
        }
        String id = workflowId == null ? "" : workflowId.trim().toLowerCase(Locale.ROOT);
        // A retired workflow (by its owner or because it left the file) comes back only through the file.
        Optional<WorkflowRow> workflow = catalog.workflow(id).filter(w -> w.retiredAt() == null);
        if (workflow.isEmpty()) {
            return new Result.UnknownWorkflow(workflowId);
        }
        WorkflowRow row = workflow.get();
        if (!owners.owns(personId, row)) {
            return new Result.NotOwner(owners.name(row), row.name());
        }
        if (row.stage().equals(stage.get().code())) {
            return new Result.Unchanged(row.name(), row.stage());
        }
        Instant now = CheckinRepositories.millis(clock.instant());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        stages.move(row, stage.get(), today, now);
        return new Result.Changed(row.name(), stage.get().code(), today);
    }
}
