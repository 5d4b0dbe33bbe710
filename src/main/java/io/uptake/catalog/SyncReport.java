package io.uptake.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What one sync of the catalogue changed in the database, in plain words; empty when nothing changed. */
@Serdeable
public record SyncReport(List<String> changes) {

    public SyncReport {
        changes = List.copyOf(changes);
    }

    public boolean unchanged() {
        return changes.isEmpty();
    }

    public String summary() {
        return unchanged() ? "no changes" : changes.size() + (changes.size() == 1 ? " change" : " changes");
    }
}
