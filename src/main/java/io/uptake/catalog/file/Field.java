package io.uptake.catalog.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A value in the programmes file together with the path and line that errors about it should name.
 *
 * <p>Asking for the wrong shape (a list where there is a single value, say) records an error and answers
 * empty, so readers never meet an exception and keep going to find the next mistake.
 */
final class Field {

    private static final int MAX_QUOTED = 80;

    private final Node node;
    private final String path;
    private final int line;
    private final Problems problems;

    private Field(Node node, String path, int line, Problems problems) {
        this.node = node;
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    static Field root(Node node, Problems problems) {
        return new Field(node, "", lineOf(node), problems);
    }

    /** The value of a mapping entry; errors about it point at its key, where a person looks for it. */
    Field entry(String key, Node keyNode, Node value) {
        return new Field(value, childPath(key), lineOf(keyNode), problems);
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    Problems problems() {
        return problems;
    }

    void error(String message) {
        problems.add(line, path, message);
    }

    /** True for an empty value or an explicit {@code ~} / {@code null}, which the file treats as not given. */
    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The value as written (trimmed), when it is a single value. */
    Optional<String> text() {
        if (isNull()) {
            error("a value is missing here");
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue().trim());
        }
        error("expected a single value but found " + shape(node));
        return Optional.empty();
    }

    Optional<List<Field>> list() {
        if (node instanceof SequenceNode sequence) {
            List<Field> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(new Field(item, path + "[" + items.size() + "]", lineOf(item), problems));
            }
            return Optional.of(items);
        }
        error("expected a list but found " + shape(node));
        return Optional.empty();
    }

    /** For keys that take one value or a list of them, such as a schedule's days. */
    Optional<List<Field>> oneOrList() {
        return node instanceof ScalarNode ? Optional.of(List.of(this)) : list();
    }

    /** The value as key: value pairs, with any key outside {@code allowed} reported. */
    Optional<Mapping> mapping(List<String> allowed) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(Mapping.of(this, mapping, allowed));
        }
        error("expected key: value pairs (" + String.join(", ", allowed) + ") but found " + shape(node));
        return Optional.empty();
    }

    /** The value as key: value pairs whose keys are the file's own names (emails, profile names). */
    Optional<Mapping> pairs(String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(Mapping.of(this, mapping, null));
        }
        error("expected " + what + " as key: value pairs but found " + shape(node));
        return Optional.empty();
    }

    /** A value from the file, quoted for a message and shortened so one huge value cannot flood a log. */
    static String quote(String value) {
        return "'" + (value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value) + "'";
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static String shape(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "key: value pairs";
        }
        return "the single value " + quote(((ScalarNode) node).getValue());
    }
}
