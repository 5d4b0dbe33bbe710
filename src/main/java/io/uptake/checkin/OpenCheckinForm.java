package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Accountable;
import io.uptake.catalog.CheckinLookup.Subject;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.CheckinForm;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the check-in form a person asked for ({@code checkin [workflow]}): for the named workflow, or for the only
 * one they own; a list when they own several; who the owner is when it is not them.
 */
@Singleton
public class OpenCheckinForm {

    /** What the person gets. */
    public sealed interface Result {
        /** The form to show. */
        record Form(CheckinForm form) implements Result {
        }

        /** They own several workflows and named none; {@code workflows} as id and name. */
        record Choose(List<Choice> workflows) implements Result {
        }

        /** They do not own the named workflow. */
        record NotOwner(String owner, String workflowName) implements Result {
        }

        /** The workflow has no outcome to check in. */
        record NoOutcome(String workflowName) implements Result {
        }

        /** No active workflow has that id. */
        record UnknownWorkflow(String workflowId) implements Result {
        }

        /** They named no workflow and own none with an outcome to check in. */
        record OwnsNone() implements Result {
        }
    }

    /** A workflow to choose from. */
    public record Choice(String id, String name) {
    }

    private final CheckinLookup catalog;
    private final CheckinForms forms;
    private final Owners owners;
    private final Clock clock;

    OpenCheckinForm(CheckinLookup catalog, CheckinForms forms, Owners owners, Clock clock) {
        this.catalog = catalog;
        this.forms = forms;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * @param workflowId a workflow id, or {@code programme:<id>} for a programme's own outcome; null or blank for
     *                   the only thing the person owns
     */
    @Transactional
    public Result open(long personId, @Nullable String workflowId) {
        if (workflowId == null || workflowId.isBlank()) {
            List<Subject> owned = catalog.subjectsOwnedBy(personId);
            if (owned.isEmpty()) {
                return new Result.OwnsNone();
            }
            if (owned.size() > 1) {
                return new Result.Choose(owned.stream().map(w -> new Choice(w.key(), CheckinForms.title(w)))
                        .toList());
            }
            workflowId = owned.get(0).key();
        }
        String id = workflowId.trim().toLowerCase(Locale.ROOT);
        if (Subject.programmeId(id).isPresent()) {
            return programme(personId, id, workflowId.trim());
        }
        Optional<WorkflowRow> workflow = catalog.workflow(id).filter(w -> w.retiredAt() == null);
        if (workflow.isEmpty()) {
            return new Result.UnknownWorkflow(workflowId.trim());
        }
        if (!owners.owns(personId, workflow.get())) {
            return new Result.NotOwner(owners.name(workflow.get()), workflow.get().name());
        }
        Optional<Accountable> accountable = catalog.accountable(id);
        if (accountable.isEmpty()) {
            return new Result.NoOutcome(workflow.get().name());
        }
        return new Result.Form(forms.form(accountable.get(), Periods.of(clock.instant(), catalog.policy().cadence())));
    }

    /** The form of a programme's own outcome, for its owner. */
    private Result programme(long personId, String key, String asked) {
        Optional<ProgrammeRow> programme = Subject.programmeId(key).flatMap(catalog::programme)
                .filter(p -> p.retiredAt() == null);
        if (programme.isEmpty()) {
            return new Result.UnknownWorkflow(asked);
        }
        Optional<Subject> subject = catalog.subject(key);
        if (subject.isEmpty()) {
            return new Result.NoOutcome(programme.get().name());
        }
        if (!owners.owns(personId, subject.get())) {
            return new Result.NotOwner(owners.name(subject.get()), CheckinForms.title(subject.get()));
        }
        return new Result.Form(forms.form(subject.get(), Periods.of(clock.instant(), catalog.policy().cadence())));
    }
}
