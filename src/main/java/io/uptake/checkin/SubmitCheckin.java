package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Subject;
import io.uptake.catalog.OutcomeRow;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.CheckinSaved;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an owner's check-in against this period's cycle (opening it if the schedule has not yet) and marks the
 * cycle completed, which stops its reminders and escalation. Only the owner may log it; invalid input stores
 * nothing and comes back as field errors; a value far from the outcome's baseline and target is stored only once
 * the person confirms it. Numbers are read as the person's locale writes them. A second check-in in the same
 * period corrects the first.
 */
@Singleton
public class SubmitCheckin {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitCheckin.class);

    private final CheckinLookup catalog;
    private final CheckinCycles cycles;
    private final Owners owners;
    private final PersonRepository people;
    private final Clock clock;

    SubmitCheckin(CheckinLookup catalog, CheckinCycles cycles, Owners owners, PersonRepository people,
                  Clock clock) {
        this.catalog = catalog;
        this.cycles = cycles;
        this.owners = owners;
        this.people = people;
        this.clock = clock;
    }

    /** Records a check-in on a workflow's outcome, or on a programme's own ({@code programme:<id>}). */
    @Transactional
    public CheckinResult submit(CheckinCommand typed) {
        CheckinCommand command = typed.inLocale(people.findById(typed.personId()).map(PersonRow::locale)
                .orElse(null));
        Optional<Subject> subject;
        if (Subject.programmeId(command.workflowId()).isPresent()) {
            Optional<ProgrammeRow> programme = Subject.programmeId(command.workflowId()).flatMap(catalog::programme)
                    .filter(p -> p.retiredAt() == null);
            if (programme.isEmpty()) {
                return new CheckinResult.UnknownWorkflow(command.workflowId());
            }
            subject = catalog.subject(command.workflowId());
            if (subject.isEmpty()) {
                return new CheckinResult.NoOutcome(programme.get().name());
            }
            if (!owners.owns(command.personId(), subject.get())) {
                return new CheckinResult.NotOwner(owners.name(subject.get()), CheckinForms.title(subject.get()));
            }
        } else {
            Optional<WorkflowRow> workflow = catalog.workflow(command.workflowId())
                    .filter(w -> w.retiredAt() == null);
            if (workflow.isEmpty()) {
                return new CheckinResult.UnknownWorkflow(command.workflowId());
            }
            if (!owners.owns(command.personId(), workflow.get())) {
                return new CheckinResult.NotOwner(owners.name(workflow.get()), workflow.get().name());
            }
            subject = catalog.subject(command.workflowId());
            if (subject.isEmpty()) {
                return new CheckinResult.NoOutcome(workflow.get().name());
            }
        }
        Map<String, String> errors = command.errors();
        if (!errors.isEmpty()) {
            return new CheckinResult.Invalid(errors);
        }
        CheckinCommand.Valid valid = command.valid();
        OutcomeRow outcome = subject.get().outcome();
        if (PlausibleValue.farOutside(valid.value(), outcome.baseline(), outcome.target())
                && !command.confirms(valid.value())) {
            return new CheckinResult.ConfirmValue(CheckinForms.plain(valid.value()), outcome.unit(),
                    CheckinForms.plain(outcome.baseline()), CheckinForms.plain(outcome.target()));
        }
        Instant now = CheckinRepositories.millis(clock.instant());
        String period = Periods.of(now, catalog.policy().cadence());
        String key = subject.get().key();
        CheckinCycles.Cycle cycle = cycles.find(key, period).orElseGet(() -> cycles.open(key, period, now));
        long id = cycles.save(cycle, valid, command.personId(), now);
        cycles.update(CheckinCycles.completed(cycle, now));
        LOG.info("Check-in {} logged for {} cycle {} ({})", id, key, cycle.ref(), period);
        return new CheckinResult.Saved(id, new CheckinSaved(CheckinForms.title(subject.get()), period,
                CheckinForms.plain(valid.value()), outcome.unit(), valid.status(),
                valid.confidence(), valid.evidenceUrl()));
    }
}
