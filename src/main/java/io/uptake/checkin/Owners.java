package io.uptake.checkin;

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
        if (Long.valueOf(personId).equals(workflow.ownerPersonId())) {
            return true;
        }
        Optional<String> email = people.findById(personId).map(PersonRow::email);
        return email.isPresent() && email.get().equalsIgnoreCase(workflow.ownerEmail().trim());
    }

    /** How to name the owner to someone else: their name as the platform gives it, with the email from the file. */
    String name(WorkflowRow workflow) {
        Optional<PersonRow> owner = Optional.ofNullable(workflow.ownerPersonId()).flatMap(people::findById);
        String email = workflow.ownerEmail().toLowerCase(Locale.ROOT);
        return owner.map(PersonRow::displayName).filter(n -> !n.isBlank()).map(n -> n + " (" + email + ")")
                .orElse(email);
    }
}
