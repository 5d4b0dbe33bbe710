package io.uptake.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.uptake.catalog.CatalogViews.ProgrammeView;
import io.uptake.catalog.CatalogViews.WorkflowView;
import io.uptake.catalog.ReadCatalog;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Turns a signed-in person into a {@link Viewer}, reading sponsorship and ownership from the programmes file. */
@Singleton
public class Viewers {

    /** The role an admin session carries (admin token, or the demo's admin). */
    public static final String ADMIN_ROLE = "ADMIN";
    /** The attribute of an authentication that holds the person's email. */
    public static final String EMAIL = "email";

    private final ReadCatalog catalog;

    Viewers(ReadCatalog catalog) {
        this.catalog = catalog;
    }

    /** The viewer of a signed-in person. */
    public Viewer of(Authentication authentication) {
        if (authentication.getRoles().contains(ADMIN_ROLE)) {
            return new Viewer("Admin", null, true, Set.of(), Set.of());
        }
        Object email = authentication.getAttributes().get(EMAIL);
        String address = email == null ? authentication.getName() : email.toString();
        return person(address, display(authentication, address));
    }

    /** The viewer of a person known by email, with what the programmes file makes them sponsor or own. */
    public Viewer person(String email, @Nullable String name) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        Set<String> sponsor = new HashSet<>();
        Set<String> owner = new HashSet<>();
        for (ProgrammeView programme : catalog.programmes(false)) {
            // The accountable owner sees the whole programme as its sponsor does (its stakeholders' figures too).
            if (programme.sponsor().equalsIgnoreCase(address)
                    || programme.owner() != null && programme.owner().equalsIgnoreCase(address)) {
                sponsor.add(programme.id());
            }
            for (WorkflowView workflow : programme.workflows()) {
                if (!workflow.retired() && workflow.owner().equalsIgnoreCase(address)) {
                    owner.add(workflow.id());
                }
            }
        }
        return new Viewer(name == null || name.isBlank() ? address : name, address, false, sponsor, owner);
    }

    private static String display(Authentication authentication, String fallback) {
        Object name = authentication.getAttributes().get("name");
        return name == null ? fallback : name.toString();
    }
}
