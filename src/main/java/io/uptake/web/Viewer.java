package io.uptake.web;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * The person a page is rendered for and what they may see: an admin everything, a sponsor their programmes, an
 * owner their workflows, anyone their own data. Sponsorship and ownership are read from the programmes file at
 * each request, so a change of sponsor takes effect at the next reload, not at the next sign-in.
 *
 * @param name      what the page calls them
 * @param email     their email, null for the admin signed in with the token
 * @param admin     signed in with the admin token (or the demo's admin)
 * @param sponsorOf the ids of the programmes they sponsor
 * @param ownerOf   the ids of the workflows they own
 */
public record Viewer(String name, @Nullable String email, boolean admin, Set<String> sponsorOf,
                     Set<String> ownerOf) {

    public Viewer {
        sponsorOf = Set.copyOf(sponsorOf);
        ownerOf = Set.copyOf(ownerOf);
    }

    /** Whether they see the whole programme: its verdict and every workflow in it. */
    public boolean seesProgramme(String programmeId) {
        return admin || sponsorOf.contains(programmeId);
    }

    /** Whether they see a workflow's page (as its programme's sponsor or its owner). */
    public boolean seesWorkflow(String programmeId, String workflowId) {
        return seesProgramme(programmeId) || ownerOf.contains(workflowId);
    }

    /** What the page header calls their viewpoint. */
    public String role() {
        if (admin) {
            return "admin";
        }
        if (!sponsorOf.isEmpty()) {
            return "sponsor";
        }
        return ownerOf.isEmpty() ? "employee" : "owner";
    }
}
