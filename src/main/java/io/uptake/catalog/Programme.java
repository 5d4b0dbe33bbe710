package io.uptake.catalog;

import java.util.List;

/** An AI programme: a sponsor and the workflows it sets out to change. */
public record Programme(String id, String name, String sponsorEmail, List<Workflow> workflows) {

    public Programme {
        workflows = List.copyOf(workflows);
    }
}
