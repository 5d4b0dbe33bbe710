package io.uptake.nudge;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.EarlyWarning;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Records a workflow owner's scale / fix / stop decision, from the early warning's buttons or typed. Every decision
 * is kept; the latest is the one in force. The decision answers the latest early warning when there was one, and
 * keeps its reasons as the prompt.
 */
@Singleton
public class RecordDecision {

    /** What became of a decision. */
    public sealed interface Result {
        /** Stored; {@code changedFrom} is the choice it replaces, null for the first. */
        record Recorded(String workflowId, String workflow, String choice, String day, String changedFrom)
                implements Result {
        }

        record BadChoice(String choice) implements Result {
        }

        record UnknownWorkflow(String workflowId) implements Result {
        }

        record NotOwner(String workflowId) implements Result {
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final CheckinLookup catalog;
    private final PersonRepository people;
    private final DecisionRepositories.Decisions decisions;
    private final DecisionRepositories.EarlyWarnings warnings;
    private final Clock clock;

    RecordDecision(CheckinLookup catalog, PersonRepository people, DecisionRepositories.Decisions decisions,
                   DecisionRepositories.EarlyWarnings warnings, Clock clock) {
        this.catalog = catalog;
        this.people = people;
        this.decisions = decisions;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Transactional
    public Result decide(long personId, String workflowId, String choiceWord) {
        String choice = choiceWord == null ? "" : choiceWord.trim().toLowerCase(Locale.ROOT);
        if (!EarlyWarning.CHOICES.contains(choice)) {
            return new Result.BadChoice(choice);
        }
        String id = workflowId == null ? "" : workflowId.trim().toLowerCase(Locale.ROOT);
        Optional<WorkflowRow> workflow = catalog.workflow(id).filter(w -> w.retiredAt() == null);
        if (workflow.isEmpty()) {
            return new Result.UnknownWorkflow(workflowId);
        }
        if (!owns(personId, workflow.get())) {
            return new Result.NotOwner(id);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<OwnerDecisionRow> before = decisions.findByWorkflowIdOrderByIdDesc(id);
        String prompt = warnings.findByWorkflowIdOrderByIdDesc(id).stream().findFirst().map(EarlyWarningRow::reasons)
                .orElse(null);
        decisions.save(new OwnerDecisionRow(null, id, personId, choice, today, now, prompt));
        String changedFrom = before.isEmpty() || before.get(0).choice().equals(choice) ? null
                : before.get(0).choice();
        return new Result.Recorded(id, workflow.get().name(), choice, DAY.format(today), changedFrom);
    }

    private boolean owns(long personId, WorkflowRow workflow) {
        if (Long.valueOf(personId).equals(workflow.ownerPersonId())) {
            return true;
        }
        Optional<String> email = people.findById(personId).map(PersonRow::email);
        return email.isPresent() && email.get().equalsIgnoreCase(workflow.ownerEmail().trim());
    }
}
