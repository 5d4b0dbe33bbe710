package io.uptake.catalog;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** What outcome check-ins read from the stored catalogue: the policy, owners, outcomes and sponsors. */
@Singleton
public class CheckinLookup {

    /** An active workflow whose owner answers for an outcome, with the programme it belongs to. */
    public record Accountable(WorkflowRow workflow, OutcomeRow outcome, ProgrammeRow programme) {
    }

    private final CatalogRepositories.Policies policies;
    private final CatalogRepositories.Workflows workflows;
    private final CatalogRepositories.Outcomes outcomes;
    private final CatalogRepositories.Programmes programmes;

    CheckinLookup(CatalogRepositories.Policies policies, CatalogRepositories.Workflows workflows,
                  CatalogRepositories.Outcomes outcomes, CatalogRepositories.Programmes programmes) {
        this.policies = policies;
        this.workflows = workflows;
        this.outcomes = outcomes;
        this.programmes = programmes;
    }

    /** The policy of the last accepted programmes file; the documented default before any was accepted. */
    @ReadOnly
    public CheckinPolicy policy() {
        return policies.findById(CheckinPolicyRow.ONLY).map(CheckinPolicyRow::policy).orElse(CheckinPolicy.DEFAULT);
    }

    /** Every active workflow that has an outcome: the ones whose owner is asked for check-ins. */
    @ReadOnly
    public List<Accountable> accountable() {
        return workflows.findAllOrderById().stream().filter(w -> w.retiredAt() == null)
                .map(this::accountable).flatMap(Optional::stream).toList();
    }

    /** A workflow by id, retired or not, with its outcome and programme when it has an outcome. */
    @ReadOnly
    public Optional<Accountable> accountable(String workflowId) {
        return workflows.findById(workflowId).flatMap(this::accountable);
    }

    @ReadOnly
    public Optional<WorkflowRow> workflow(String workflowId) {
        return workflows.findById(workflowId);
    }

    /** The active workflows a person owns, by id. */
    @ReadOnly
    public List<WorkflowRow> ownedBy(long personId) {
        return workflows.findAllOrderById().stream()
                .filter(w -> w.retiredAt() == null && Long.valueOf(personId).equals(w.ownerPersonId())).toList();
    }

    @ReadOnly
    public Optional<ProgrammeRow> programme(String programmeId) {
        return programmes.findById(programmeId);
    }

    private Optional<Accountable> accountable(WorkflowRow workflow) {
        return outcomes.findById(workflow.id()).flatMap(outcome -> programmes.findById(workflow.programmeId())
                .map(programme -> new Accountable(workflow, outcome, programme)));
    }
}
