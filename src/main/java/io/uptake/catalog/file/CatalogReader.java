package io.uptake.catalog.file;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.DigestSubscription;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads the top level of the programmes file into a catalogue, reporting every mistake on the way. */
final class CatalogReader {

    static final List<String> KEYS = List.of("programmes", "pulses", "checkins", "digests");

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
        // Programmes first, wherever they sit in the file: pulses and digests refer to their ids.
        List<Programme> programmes = each(top, "programmes", new ProgrammeReader(programmeIds, workflowIds)::read);
        List<Pulse> pulses = each(top, "pulses", new PulseReader(pulseIds, workflowIds)::read);
        CheckinPolicy checkins = top.get("checkins").flatMap(CheckinsReader::read).orElse(CheckinPolicy.DEFAULT);
        List<DigestSubscription> digests = each(top, "digests", new DigestReader(programmeIds)::read);
        return new Catalog(programmes, pulses, checkins, digests);
    }

    private static <T> List<T> each(Mapping top, String key, Function<Field, Optional<T>> reader) {
        return top.get(key).flatMap(Field::list).orElse(List.of()).stream()
                .flatMap(item -> reader.apply(item).stream())
                .toList();
    }
}
