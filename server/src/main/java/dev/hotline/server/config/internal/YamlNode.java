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
     * Where the key {@code path} (keys of nested maps, from this node; {@code agents[2]} for a list's third item) is
     * written, or its deepest written parent, so that a problem about a key names a line even when the key itself is
     * missing; empty when not even the first key is written.
     */
    default Optional<Mark> placeOf(List<String> path) {
        Optional<Mark> deepest = Optional.empty();
        YamlNode at = this;
        for (String key : path) {
            Optional<Entry> entry = at instanceof MapNode map ? map.entry(key) : Optional.empty();
            java.util.regex.Matcher item = ITEM.matcher(key);
            if (entry.isEmpty() && item.matches() && at instanceof MapNode map) {
                // a list item, unless a key is written that way
                Optional<Entry> list = map.entry(item.group(1));
                int index = Integer.parseInt(item.group(2));
                if (list.isPresent() && list.get().value() instanceof ListNode items && index < items.items().size()) {
                    at = items.items().get(index);
                    deepest = Optional.of(at.mark());
                    continue;
                }
            }
            if (entry.isEmpty()) {
                break;
            }
            deepest = Optional.of(entry.get().keyMark());
            at = entry.get().value();
        }
        return deepest;
    }

    /** A path's step to a list item: {@code agents[2]}. */
    java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("(.+)\\[(\\d{1,6})]");

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
