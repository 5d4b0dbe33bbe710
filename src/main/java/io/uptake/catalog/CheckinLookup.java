package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What outcome check-ins read from the stored catalogue: the policy, owners, outcomes and sponsors. */
@Singleton
public class CheckinLookup {

    /** An active workflow whose owner answers for an outcome, with the programme it belongs to. */
    public record Accountable(WorkflowRow workflow, OutcomeRow outcome, ProgrammeRow programme) {
    }

    /**
     * What an owner checks in on each period: a workflow's outcome or a programme's own. One check-in machinery serves
     * both; a subject is named by its key, the workflow id or {@code programme:<id>} (ids never hold a colon).
     *
     * @param workflow the workflow, or null for a programme's own outcome
     * @param outcome  the outcome in a workflow outcome's shape (for a programme, keyed by the subject's key)
     */
    public record Subject(String key, String name, ProgrammeRow programme, @Nullable WorkflowRow workflow,
                          OutcomeRow outcome, @Nullable Long ownerPersonId, @Nullable String ownerEmail,
                          boolean retired) {

        public static final String PROGRAMME = "programme:";

        public boolean isProgramme() {
            return workflow == null;
        }

        /** The programme id a key names, when it names a programme. */
        public static Optional<String> programmeId(String key) {
            return key != null && key.startsWith(PROGRAMME) ? Optional.of(key.substring(PROGRAMME.length()))
                    : Optional.empty();
        }
    }

    private final CatalogRepositories.Policies policies;
    private final CatalogRepositories.Workflows workflows;
    private final CatalogRepositories.Outcomes outcomes;
    private final CatalogRepositories.Programmes programmes;
    private final CatalogRepositories.ProgrammeOutcomes programmeOutcomes;

    CheckinLookup(CatalogRepositories.Policies policies, CatalogRepositories.Workflows workflows,
                  CatalogRepositories.Outcomes outcomes, CatalogRepositories.Programmes programmes,
                  CatalogRepositories.ProgrammeOutcomes programmeOutcomes) {
        this.policies = policies;
        this.programmeOutcomes = programmeOutcomes;
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

    /**
     * Every active subject with an outcome, workflows first (by id), then programmes with their own outcome (by
     * id): what owners are asked to check in on.
     */
    @ReadOnly
    public List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>();
        accountable().forEach(a -> subjects.add(subject(a)));
        programmes.findAllOrderById().stream().filter(p -> p.retiredAt() == null)
                .map(this::programmeSubject).flatMap(Optional::stream).forEach(subjects::add);
        return subjects;
    }

    /** A subject by key, retired or not, when it has an outcome. */
    @ReadOnly
    public Optional<Subject> subject(String key) {
        Optional<String> programmeId = Subject.programmeId(key);
        if (programmeId.isPresent()) {
            return programmes.findById(programmeId.get()).flatMap(this::programmeSubject);
        }
        return accountable(key).map(CheckinLookup::subject);
    }

    /** The active subjects a person owns, whether or not they have an outcome yet: workflows, then programmes. */
    @ReadOnly
    public List<Subject> subjectsOwnedBy(long personId) {
        return subjects().stream().filter(s -> !s.retired() && Long.valueOf(personId).equals(s.ownerPersonId()))
                .toList();
    }

    private static Subject subject(Accountable a) {
        return new Subject(a.workflow().id(), a.workflow().name(), a.programme(), a.workflow(), a.outcome(),
                a.workflow().ownerPersonId(), a.workflow().ownerEmail(), a.workflow().retiredAt() != null);
    }

    private Optional<Subject> programmeSubject(ProgrammeRow programme) {
        String key = Subject.PROGRAMME + programme.id();
        return programmeOutcomes.findById(programme.id()).map(outcome -> new Subject(key, programme.name(),
                programme, null, outcome.asOutcome(key), programme.ownerPersonId(), programme.ownerEmail(),
                programme.retiredAt() != null));
    }

    private Optional<Accountable> accountable(WorkflowRow workflow) {
        return outcomes.findById(workflow.id()).flatMap(outcome -> programmes.findById(workflow.programmeId())
                .map(programme -> new Accountable(workflow, outcome, programme)));
    }
}
