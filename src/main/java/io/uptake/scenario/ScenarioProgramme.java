package io.uptake.scenario;

import java.util.List;
import java.util.Optional;

/**
 * One generated programme: its sponsor, its accountable owner if the file names one, the stakeholders its
 * quarterly stakeholder pulse goes to besides the sponsor, and its own commercial outcome if it has one.
 */
public record ScenarioProgramme(String id, String name, String sponsorEmail, Optional<String> ownerEmail,
                                List<String> stakeholders, Optional<ScenarioWorkflow.Outcome> outcome) {

    public ScenarioProgramme {
        stakeholders = List.copyOf(stakeholders);
    }

    /** A programme with no outcome of its own. */
    public ScenarioProgramme(String id, String name, String sponsorEmail, Optional<String> ownerEmail,
                             List<String> stakeholders) {
        this(id, name, sponsorEmail, ownerEmail, stakeholders, Optional.empty());
    }

    /** The key its owner's check-ins are logged under: {@code programme:<id>}. */
    public String checkinKey() {
        return "programme:" + id;
    }
}
