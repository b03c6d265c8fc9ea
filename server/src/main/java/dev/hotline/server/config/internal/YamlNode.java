package dev.hotline.server.config.internal;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the place it was written, so every problem found later can name its line and column.
 * Jackson's {@code JsonNode} keeps no locations, hence this small tree built in one streaming pass.
 */
public sealed interface YamlNode {

    /** Where the node starts (1-based line and column). */
    Mark mark();

    /** How a problem names what was found instead of what was expected. */
    String describe();

    /**
     * Where the key {@code path} (keys of nested maps, from this node) is written, or its deepest written parent,
     * so that a problem about a key names a line even when the key itself is missing; empty when not even the first
     * key is written.
     */
    default Optional<Mark> placeOf(List<String> path) {
        Optional<Mark> deepest = Optional.empty();
        YamlNode at = this;
        for (String key : path) {
            Optional<Entry> entry = at instanceof MapNode map ? map.entry(key) : Optional.empty();
            if (entry.isEmpty()) {
                break;
            }
            deepest = Optional.of(entry.get().keyMark());
            at = entry.get().value();
        }
        return deepest;
    }

    /** A position in a file. */
    record Mark(int line, int column) {
    }

    /** A map, with every entry in the order written, duplicates included (they are reported by whoever reads it). */
    record MapNode(Mark mark, List<Entry> entries) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }

        /** The first entry written with {@code key}. */
        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** One key of a map: the key's own position (for "unknown key" problems) and its value. */
    record Entry(String key, Mark keyMark, YamlNode value) {
    }

    /** A list. */
    record ListNode(Mark mark, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar, with its text exactly as written (so {@code 0101} stays {@code 0101}, not 101 or 65). */
    record Scalar(Mark mark, String text, ScalarType type) implements YamlNode {
        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "the text '" + text + "'";
                case INTEGER, DECIMAL -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "no value";
            };
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    /** What YAML made of a scalar. */
    enum ScalarType {
        STRING, INTEGER, DECIMAL, BOOLEAN, NULL
    }
}
