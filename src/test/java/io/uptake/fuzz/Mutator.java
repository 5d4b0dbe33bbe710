package io.uptake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Mutates real-shaped request bodies the way a broken or hostile client would: document-level changes to a JSON
 * tree (a field deleted, duplicated, nulled, given another type, a huge string, deep nesting) and byte-level ones
 * (bit flips, truncation, invalid UTF-8, inserted and deleted bytes).
 */
final class Mutator {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** One to three document-level mutations of a copy of the tree. */
    JsonNode document(JsonNode seed) {
        JsonNode tree = seed.deepCopy();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && object.size() > 0) {
                mutateField(object);
            } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                int index = random.nextInt(array.size());
                switch (random.nextInt(4)) {
                    case 0 -> array.remove(index);
                    case 1 -> array.add(array.get(index).deepCopy());
                    case 2 -> array.set(index, strange());
                    default -> array.insert(index, strange());
                }
            }
        }
        return tree;
    }

    private void mutateField(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> object.remove(name);
            case 1 -> object.putNull(name);
            case 2 -> object.set(name, strange());
            case 3 -> object.set(name + (random.nextBoolean() ? "" : "_x"), object.get(name).deepCopy());
            case 4 -> object.set(name, NODES.arrayNode().add(object.get(name)));
            default -> object.set(name, NODES.textNode(object.get(name).asText() + junk()));
        }
    }

    /** A value of an unexpected type or size. */
    JsonNode strange() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.textNode("x".repeat(random.nextInt(200_000)));
            case 5 -> NODES.arrayNode().add(1).add("a").addNull();
            case 6 -> NODES.objectNode().put("id", junk()).putNull("type");
            case 7 -> nested(1 + random.nextInt(300));
            case 8 -> NODES.textNode(junk());
            default -> NODES.textNode("");
        };
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    /** Text that stresses parsers: separators, escapes, surrogates, control characters, regex syntax. */
    String junk() {
        String[] pieces = {"=", "&", "%", "%ZZ", "\u0000", "\uD83D", "\uDE00", "😀", "<at>", "</at>", "(a+)+$", "[",
            "\\", "\"", "\n", "'", "{{", "U1=x", "../", "\u202E", "%00", "+", " "};
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            out.append(pieces[random.nextInt(pieces.length)]);
        }
        return out.toString();
    }

    /** One to four byte-level mutations of a copy of the bytes. */
    byte[] bytes(byte[] seed) {
        byte[] data = seed.clone();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count && data.length > 0; i++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(6)) {
                case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> data = java.util.Arrays.copyOf(data, at);
                case 2 -> data[at] = (byte) (0x80 + random.nextInt(0x80));
                case 3 -> data = splice(data, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xF0, (byte) 0x9F});
                case 4 -> data = splice(data, at, junk().getBytes(StandardCharsets.UTF_8));
                default -> data = remove(data, at, Math.min(data.length - at, 1 + random.nextInt(16)));
            }
        }
        return data;
    }

    /** Either kind, or none: a share of unchanged seeds checks the happy path stays happy. */
    byte[] any(JsonNode seed) {
        return switch (random.nextInt(10)) {
            case 0 -> seed.toString().getBytes(StandardCharsets.UTF_8);
            case 9 -> deep(seed.toString(), 500 + random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8);
            case 1, 2, 3 -> bytes(seed.toString().getBytes(StandardCharsets.UTF_8));
            default -> document(seed).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Nesting deeper than any tree here may hold, written as text after the object's first brace. */
    static String deep(String json, int depth) {
        int brace = json.indexOf('{');
        if (brace < 0) {
            return json;
        }
        return json.substring(0, brace + 1) + "\"deep\":" + "[".repeat(depth) + "]".repeat(depth)
                + (json.charAt(brace + 1) == '}' ? "" : ",") + json.substring(brace + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static byte[] splice(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }

    private static byte[] remove(byte[] data, int at, int length) {
        byte[] out = new byte[data.length - length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(data, at + length, out, at, data.length - at - length);
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }
}
