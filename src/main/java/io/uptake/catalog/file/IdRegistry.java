package io.uptake.catalog.file;

import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The ids of one kind declared in the file, with the line each was first declared on. */
final class IdRegistry {

    private final String kind;
    private final TreeMap<String, Integer> firstLines = new TreeMap<>();

    IdRegistry(String kind) {
        this.kind = kind;
    }

    /** Reads the required {@code id} of {@code mapping} and records it, reporting a second use of the same id. */
    Optional<String> declare(Mapping mapping) {
        return mapping.require("id").flatMap(field -> Scalars.id(field).map(id -> {
            Integer first = firstLines.putIfAbsent(id, field.line());
            if (first != null) {
                field.error(kind + " id " + Field.quote(id) + " is already used on line " + first
                        + "; each " + kind + " needs its own id");
            }
            return id;
        }));
    }

    boolean contains(String id) {
        return firstLines.containsKey(id);
    }

    /** Reports {@code field} unless it names a declared id; says which ids would do. */
    Optional<String> reference(Field field) {
        Optional<String> id = Scalars.text(field);
        if (id.isPresent() && !contains(id.get())) {
            field.error(Field.quote(id.get()) + " is not a declared " + kind + "; " + known());
            return Optional.empty();
        }
        return id;
    }

    private String known() {
        Set<String> ids = firstLines.keySet();
        return ids.isEmpty() ? "the file declares no " + kind + "s" : "declared: " + String.join(", ", ids);
    }
}
