package io.uptake.catalog;

import java.util.List;
import java.util.Optional;

/**
 * An AI programme: a sponsor and the workflows it sets out to change.
 *
 * @param stakeholderEmails the people asked the quarterly stakeholder pulse besides the sponsor
 * @param ownerEmail        the programme's accountable owner; when absent, its workflows' owners stand in
 * @param outcome           the commercial outcome the programme's owner answers for; checked in on each quarter
 */
public record Programme(String id, String name, String sponsorEmail, List<Workflow> workflows,
                        List<String> stakeholderEmails, Optional<String> ownerEmail, Optional<Outcome> outcome) {

    public Programme {
        workflows = List.copyOf(workflows);
        stakeholderEmails = List.copyOf(stakeholderEmails);
    }

    /** A programme with no outcome of its own. */
    public Programme(String id, String name, String sponsorEmail, List<Workflow> workflows,
                     List<String> stakeholderEmails, Optional<String> ownerEmail) {
        this(id, name, sponsorEmail, workflows, stakeholderEmails, ownerEmail, Optional.empty());
    }

    /** A programme with no named stakeholders and no owner of its own. */
    public Programme(String id, String name, String sponsorEmail, List<Workflow> workflows) {
        this(id, name, sponsorEmail, workflows, List.of(), Optional.empty());
    }
}
