package io.uptake.scenario;

import java.util.List;
import java.util.Optional;

/**
 * One generated programme: its sponsor, its accountable owner if the file names one, and the stakeholders its
 * quarterly stakeholder pulse goes to besides the sponsor.
 */
public record ScenarioProgramme(String id, String name, String sponsorEmail, Optional<String> ownerEmail,
                                List<String> stakeholders) {

    public ScenarioProgramme {
        stakeholders = List.copyOf(stakeholders);
    }
}
