package io.uptake.checkin;

import io.uptake.catalog.CheckinLookup.Subject;
import io.uptake.catalog.WorkflowRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/** Who owns a workflow: the person the catalogue names, matched by id or, failing that, by email. */
@Singleton
class Owners {

    private final PersonRepository people;

    Owners(PersonRepository people) {
        this.people = people;
    }

    boolean owns(long personId, WorkflowRow workflow) {
        return owns(personId, workflow.ownerPersonId(), workflow.ownerEmail());
    }

    /** Whether the person owns what a check-in is about: a workflow, or a programme (whose owner may be unnamed). */
    boolean owns(long personId, Subject subject) {
        return owns(personId, subject.ownerPersonId(), subject.ownerEmail());
    }

    /** How to name the owner to someone else: their name as the platform gives it, with the email from the file. */
    String name(WorkflowRow workflow) {
        return name(workflow.ownerPersonId(), workflow.ownerEmail());
    }

    String name(Subject subject) {
        return subject.ownerEmail() == null ? "nobody" : name(subject.ownerPersonId(), subject.ownerEmail());
    }

    private boolean owns(long personId, Long ownerPersonId, String ownerEmail) {
        if (Long.valueOf(personId).equals(ownerPersonId)) {
            return true;
        }
        Optional<String> email = people.findById(personId).map(PersonRow::email);
        return email.isPresent() && ownerEmail != null && email.get().equalsIgnoreCase(ownerEmail.trim());
    }

    private String name(Long ownerPersonId, String ownerEmail) {
        Optional<PersonRow> owner = Optional.ofNullable(ownerPersonId).flatMap(people::findById);
        String email = ownerEmail.toLowerCase(Locale.ROOT);
        return owner.map(PersonRow::displayName).filter(n -> !n.isBlank()).map(n -> n + " (" + email + ")")
                .orElse(email);
    }
}
