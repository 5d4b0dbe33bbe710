package io.uptake.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The programmes file as a validated, immutable value: what the organisation declared it wants measured.
 */
public record Catalog(List<Programme> programmes, List<Pulse> pulses, CheckinPolicy checkins,
                      List<DigestSubscription> digests) {

    public Catalog {
        programmes = List.copyOf(programmes);
        pulses = List.copyOf(pulses);
        digests = List.copyOf(digests);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), CheckinPolicy.DEFAULT, List.of());
    }

    public List<Workflow> workflows() {
        return programmes.stream().flatMap(p -> p.workflows().stream()).toList();
    }

    public Optional<Workflow> workflow(String id) {
        return workflows().stream().filter(w -> w.id().equals(id)).findFirst();
    }

    public Optional<Programme> programme(String id) {
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
