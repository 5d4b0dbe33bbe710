package io.uptake.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programmes file as a validated, immutable value: what the organisation declared it wants measured.
 *
 * @param githubLogins the file's {@code github-logins}: each person's GitHub login by email
 * @param csvProfiles  the file's {@code csv-profiles}, by name
 * @param tools        the file's {@code tools}: seats and prices, by usage source
 */
public record Catalog(List<Programme> programmes, List<Pulse> pulses, CheckinPolicy checkins,
                      List<DigestSubscription> digests, Map<String, String> githubLogins,
                      Map<String, CsvProfile> csvProfiles, Map<String, ToolSeats> tools) {

    public Catalog {
        programmes = List.copyOf(programmes);
        pulses = List.copyOf(pulses);
        digests = List.copyOf(digests);
        githubLogins = Map.copyOf(githubLogins);
        csvProfiles = Map.copyOf(csvProfiles);
        tools = Map.copyOf(tools);
    }

    /** A catalogue that pulls no usage from any tool. */
    public Catalog(List<Programme> programmes, List<Pulse> pulses, CheckinPolicy checkins,
                   List<DigestSubscription> digests) {
        this(programmes, pulses, checkins, digests, Map.of(), Map.of(), Map.of());
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
