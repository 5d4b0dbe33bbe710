package io.uptake.catalog.file;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The key: value pairs at one place in the programmes file, checked against the keys allowed there.
 *
 * <p>Unknown and repeated keys are reported when the mapping is built; a repeated key's later value is
 * ignored, because YAML loaders disagree on which one wins and the file should say one thing.
 */
final class Mapping {

    private final Field self;
    private final Map<String, Field> entries;

    private Mapping(Field self, Map<String, Field> entries) {
        this.self = self;
        this.entries = entries;
    }

    /** @param allowed the keys allowed here; null where the keys are the file's own names (emails, profiles) */
    static Mapping of(Field self, MappingNode node, List<String> allowed) {
        Map<String, Field> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLines = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            int keyLine = Field.lineOf(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                self.problems().add(keyLine, self.path(),
                        "a key must be a plain word but found " + Field.shape(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            Integer firstLine = firstLines.putIfAbsent(key, keyLine);
            if (firstLine != null) {
                self.problems().add(keyLine, self.childPath(key),
                        "duplicate key " + Field.quote(key) + "; it is already given on line " + firstLine
                                + "; keep one");
            } else if (allowed != null && !allowed.contains(key)) {
                self.problems().add(keyLine, self.childPath(key),
                        "unknown key " + Field.quote(key) + "; allowed: " + String.join(", ", allowed));
            } else {
                entries.put(key, self.entry(key, keyNode, tuple.getValueNode()));
            }
        }
        return new Mapping(self, entries);
    }

    /** The value of {@code key}, unless it is absent or empty. */
    Optional<Field> get(String key) {
        return Optional.ofNullable(entries.get(key)).filter(field -> !field.isNull());
    }

    /** The value of an optional key: read when given, {@code fallback} when absent, empty when given but wrong. */
    <T> Optional<T> readOr(String key, Function<Field, Optional<T>> reader, T fallback) {
        return get(key).map(reader).orElse(Optional.of(fallback));
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    Optional<Field> require(String key) {
        return require(key, "missing required key " + Field.quote(key));
    }

    /** The value of {@code key}; when absent, {@code message} is reported at this mapping's line. */
    Optional<Field> require(String key, String message) {
        Optional<Field> field = get(key);
        if (field.isEmpty()) {
            errorAt(key, message);
        }
        return field;
    }

    /** Reports a mistake about {@code key}: at its line when given, else at this mapping's line. */
    void errorAt(String key, String message) {
        Optional<Field> field = get(key);
        if (field.isPresent()) {
            field.get().error(message);
        } else {
            self.problems().add(self.line(), self.childPath(key), message);
        }
    }

    /** Every key given, in the file's order, with its value. */
    Map<String, Field> entries() {
        return entries;
    }

    Field self() {
        return self;
    }
}
