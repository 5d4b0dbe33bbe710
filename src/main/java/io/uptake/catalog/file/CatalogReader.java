package io.uptake.catalog.file;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.CsvProfile;
import io.uptake.catalog.DigestSubscription;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.ToolSeats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads the top level of the programmes file into a catalogue, reporting every mistake on the way. */
final class CatalogReader {

    static final List<String> KEYS = List.of("programmes", "pulses", "checkins", "digests", "github-logins",
            "csv-profiles", "tools");

    private final IdRegistry programmeIds = new IdRegistry("programme");
    private final IdRegistry workflowIds = new IdRegistry("workflow");
    private final IdRegistry pulseIds = new IdRegistry("pulse");

    /**
     * The catalogue made of the parts that were read; it only stands for the file when no problem was reported.
     */
    Catalog read(Field root) {
        return root.mapping(KEYS).map(this::read).orElse(Catalog.empty());
    }

    private Catalog read(Mapping top) {
        // CSV profiles first, then programmes, wherever they sit in the file: workflows and tools name profiles,
        // pulses and digests name programmes and workflows.
        Map<String, CsvProfile> profiles = top.get("csv-profiles").map(UsageReader::csvProfiles).orElse(Map.of());
        UsageReader usage = new UsageReader(profiles.keySet());
        List<Programme> programmes = each(top, "programmes",
                new ProgrammeReader(programmeIds, workflowIds, usage)::read);
        List<Pulse> pulses = each(top, "pulses", new PulseReader(pulseIds, workflowIds)::read);
        CheckinPolicy checkins = top.get("checkins").flatMap(CheckinsReader::read).orElse(CheckinPolicy.DEFAULT);
        List<DigestSubscription> digests = each(top, "digests", new DigestReader(programmeIds)::read);
        Map<String, String> logins = top.get("github-logins").map(UsageReader::githubLogins).orElse(Map.of());
        Map<String, ToolSeats> tools = top.get("tools").map(usage::tools).orElse(Map.of());
        return new Catalog(programmes, pulses, checkins, digests, logins, profiles, tools);
    }

    private static <T> List<T> each(Mapping top, String key, Function<Field, Optional<T>> reader) {
        return top.get(key).flatMap(Field::list).orElse(List.of()).stream()
                .flatMap(item -> reader.apply(item).stream())
                .toList();
    }
}
