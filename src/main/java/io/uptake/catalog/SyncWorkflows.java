package io.uptake.catalog;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Syncs workflows with their stage history, outcome and audience; part of {@link SyncCatalog}. */
@Singleton
class SyncWorkflows {

    private final CatalogRepositories.Workflows workflows;
    private final CatalogRepositories.StageHistory history;
    private final CatalogRepositories.Outcomes outcomes;
    private final SyncAudiences audiences;
    private final PersonIds people;
    private final Clock clock;

    SyncWorkflows(CatalogRepositories.Workflows workflows, CatalogRepositories.StageHistory history,
                  CatalogRepositories.Outcomes outcomes, SyncAudiences audiences, PersonIds people,
                  Clock clock) {
        this.workflows = workflows;
        this.history = history;
        this.outcomes = outcomes;
        this.audiences = audiences;
        this.people = people;
        this.clock = clock;
    }

    void sync(List<Workflow> declared, Instant now, List<String> changes) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Workflow workflow : declared) {
            boolean known = workflows.existsById(workflow.id());
            syncOne(workflow, now, today, changes);
            syncOutcome(workflow, known, now, changes);
            audiences.sync(workflow, now, changes);
        }
        Set<String> ids = declared.stream().map(Workflow::id).collect(Collectors.toSet());
        for (WorkflowRow row : workflows.findAllOrderById()) {
            if (row.retiredAt() == null && !ids.contains(row.id())) {
                workflows.update(withStage(row, Stage.RETIRED.code(), today, now, now));
                history.save(new WorkflowStageRow(null, row.id(), Stage.RETIRED.code(), today,
                        WorkflowStageRow.FROM_CATALOG, now));
                changes.add("workflow " + row.id() + " retired: no longer in the file");
            }
        }
    }

    private void syncOne(Workflow workflow, Instant now, LocalDate today, List<String> changes) {
        Long ownerId = people.findOrAdd(workflow.ownerEmail()).orElse(null);
        String stage = workflow.stage().code();
        Optional<WorkflowRow> existing = workflows.findById(workflow.id());
        if (existing.isEmpty()) {
            LocalDate since = workflow.stageSince().orElse(today);
            WorkflowRow row = declared(workflow, ownerId, stage, since, null, now, now);
            workflows.save(row);
            history.save(new WorkflowStageRow(null, workflow.id(), stage, since, WorkflowStageRow.FROM_CATALOG, now));
            changes.add("workflow " + workflow.id() + " added as " + stage);
            return;
        }
        WorkflowRow row = existing.get();
        if (ownerHoldsStage(row.id(), stage)) {
            WorkflowRow kept = declared(workflow, ownerId, row.stage(), row.stageSince(), row.retiredAt(),
                    row.createdAt(), now);
            if (!row.sameDeclaration(kept)) {
                workflows.update(kept);
                changes.add("workflow " + workflow.id() + " updated; stage " + row.stage()
                        + " kept as its owner set it");
            }
            return;
        }
        // After an owner's change the row may already be in the newly declared stage; the history still records
        // what the file declared, so that the next owner change is not undone by an unchanged file.
        boolean stageMoved = !row.stage().equals(stage) || row.retiredAt() != null
                || !lastDeclared(row.id()).map(stage::equals).orElse(true);
        boolean rowMoves = !row.stage().equals(stage) || row.retiredAt() != null;
        LocalDate since = workflow.stageSince().or(() -> sinceBeforeRetirement(row, stage))
                .orElse(rowMoves ? today : row.stageSince());
        Instant retiredAt = workflow.stage() == Stage.RETIRED ? (row.retiredAt() == null ? now : row.retiredAt())
                : null;
        WorkflowRow wanted = declared(workflow, ownerId, stage, since, retiredAt, row.createdAt(), now);
        if (stageMoved) {
            history.save(new WorkflowStageRow(null, workflow.id(), stage, since, WorkflowStageRow.FROM_CATALOG, now));
            changes.add("workflow " + workflow.id() + ": stage " + row.stage() + " -> " + stage + " since " + since);
        } else if (!since.equals(row.stageSince())) {
            changes.add("workflow " + workflow.id() + ": in stage " + stage + " since " + since);
        } else if (row.sameDeclaration(wanted)) {
            return;
        } else {
            changes.add("workflow " + workflow.id() + " updated");
        }
        workflows.update(wanted);
    }

    /**
     * Whether the stage an owner set in chat stands: the owner's entry is the latest in the history and the file
     * still declares the stage it declared before (its latest {@code catalog} entry). Editing the file's stage
     * makes the file win again.
     */
    private boolean ownerHoldsStage(String workflowId, String declaredStage) {
        List<WorkflowStageRow> entries = history.findByWorkflowIdOrderByIdAsc(workflowId);
        if (entries.isEmpty() || !WorkflowStageRow.FROM_OWNER.equals(entries.get(entries.size() - 1).source())) {
            return false;
        }
        return lastDeclared(workflowId).map(declaredStage::equals).orElse(false);
    }

    /**
     * For a retired workflow the file declares again, without a {@code stage-since}, in the stage it had before it
     * was retired: the day it had entered that stage. A restored file (after an emptied or cut-off one) then
     * brings the workflow back as it was, its weeks before the restore included, not as new in the stage today.
     */
    private Optional<LocalDate> sinceBeforeRetirement(WorkflowRow row, String declaredStage) {
        if (row.retiredAt() == null || Stage.RETIRED.code().equals(declaredStage)) {
            return Optional.empty();
        }
        List<WorkflowStageRow> entries = history.findByWorkflowIdOrderByIdAsc(row.id());
        for (int i = entries.size() - 1; i > 0; i--) {
            if (Stage.RETIRED.code().equals(entries.get(i).stage())) {
                WorkflowStageRow before = entries.get(i - 1);
                return declaredStage.equals(before.stage()) ? Optional.of(before.since()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The stage the file last declared, from the latest {@code catalog} entry of the history. */
    private Optional<String> lastDeclared(String workflowId) {
        return history.findByWorkflowIdOrderByIdAsc(workflowId).stream()
                .filter(e -> WorkflowStageRow.FROM_CATALOG.equals(e.source()))
                .reduce((first, second) -> second).map(WorkflowStageRow::stage);
    }

    private void syncOutcome(Workflow workflow, boolean workflowKnown, Instant now, List<String> changes) {
        Optional<OutcomeRow> existing = outcomes.findById(workflow.id());
        if (workflow.outcome().isEmpty()) {
            existing.ifPresent(row -> {
                outcomes.delete(row);
                changes.add("workflow " + workflow.id() + ": outcome removed");
            });
            return;
        }
        Outcome outcome = workflow.outcome().get();
        // The day it was first seen, only where Uptake saw the workflow without it before: an outcome that comes in
        // the same load as its workflow may be older than the pilot, and only a declared: date can say.
        LocalDate seenOn = existing.isPresent() ? existing.get().seenOn()
                : workflowKnown ? LocalDate.ofInstant(now, ZoneOffset.UTC) : null;
        OutcomeRow wanted = new OutcomeRow(workflow.id(), outcome.metric(), outcome.unit(),
                outcome.direction().name().toLowerCase(java.util.Locale.ROOT), outcome.baseline(), outcome.target(),
                outcome.by().toString(), now, outcome.declared(), seenOn);
        if (existing.isEmpty()) {
            outcomes.save(wanted);
            changes.add("workflow " + workflow.id() + ": outcome set");
        } else if (!existing.get().sameDeclaration(wanted)) {
            outcomes.update(wanted);
            changes.add("workflow " + workflow.id() + ": outcome changed");
        }
    }

    private static WorkflowRow declared(Workflow w, Long ownerId, String stage, LocalDate since, Instant retiredAt,
                                        Instant createdAt, Instant now) {
        return new WorkflowRow(w.id(), w.programmeId(), w.name(), stage, since, w.ownerEmail(), ownerId,
                w.targetTeamSize(), w.play().map(URI::toString).orElse(null),
                w.cycleTime().map(CycleTime::task).orElse(null),
                w.cycleTime().map(CycleTime::baselineMinutes).orElse(null), retiredAt, createdAt, now);
    }

    private static WorkflowRow withStage(WorkflowRow r, String stage, LocalDate since, Instant retiredAt,
                                         Instant now) {
        return new WorkflowRow(r.id(), r.programmeId(), r.name(), stage, since, r.ownerEmail(), r.ownerPersonId(),
                r.targetTeamSize(), r.playUrl(), r.cycleTask(), r.cycleBaselineMinutes(), retiredAt, r.createdAt(),
                now);
    }
}
