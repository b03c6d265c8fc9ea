package dev.hotline.server.config.internal;

import dev.hotline.server.config.Durations;
import dev.hotline.server.config.internal.YamlNode.Entry;
import dev.hotline.server.config.internal.YamlNode.ListNode;
import dev.hotline.server.config.internal.YamlNode.MapNode;
import dev.hotline.server.config.internal.YamlNode.Scalar;
import dev.hotline.server.config.internal.YamlNode.ScalarType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of one YAML map, read with the file's rules: only the known keys are allowed (a typo must not pass
 * silently), each at most once, with the expected type. Every problem goes to {@link Problems}; the getters return
 * empty for a value that is absent or wrong, so readers build a model value only from sound parts.
 */
public final class Fields {
    private final Problems problems;
    private final Where where;
    private final Map<String, Entry> entries;

    private Fields(Problems problems, Where where, Map<String, Entry> entries) {
        this.problems = problems;
        this.where = where;
        this.entries = entries;
    }

    /** The keys a map may hold, in the order the "unknown key" message lists them. */
    public static Set<String> known(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    /** Reads {@code node} as a map with the given known keys, reporting unknown and duplicate keys. */
    public static Optional<Fields> of(Problems problems, Where where, YamlNode node, Set<String> known) {
        if (!(node instanceof MapNode map)) {
            problems.add(where, "expected a map of keys, got " + node.describe());
            return Optional.empty();
        }
        Map<String, Entry> entries = uniqueEntries(problems, where, map);
        entries.values().removeIf(e -> {
            if (known.contains(e.key())) {
                return false;
            }
            problems.add(where.key(e.key(), e.keyMark()),
                    "unknown key '" + e.key() + "' (known: " + String.join(", ", known) + ")");
            return true;
        });
        return Optional.of(new Fields(problems, where, entries));
    }

    /**
     * Where a key was first written, seen from where it is written again: "at line 6", or "at column 23 of this line"
     * when both are on one line ({@code {a: 9, a: 6}}).
     */
    static String firstAt(YamlNode.Mark first, YamlNode.Mark again) {
        return first.line() == again.line() ? "at column " + first.column() + " of this line"
                : "at line " + first.line();
    }

    /** The entries of a map whose keys are data (skill levels, days of the week), duplicates reported and dropped. */
    public static Map<String, Entry> uniqueEntries(Problems problems, Where where, MapNode map) {
        Map<String, Entry> unique = new LinkedHashMap<>();
        for (Entry e : map.entries()) {
            Entry first = unique.putIfAbsent(e.key(), e);
            if (first != null) {
                problems.add(where.key(e.key(), e.keyMark()),
                        "duplicate key '" + e.key() + "' (first " + firstAt(first.keyMark(), e.keyMark()) + ")");
            }
        }
        return unique;
    }

    /** Where this map is. */
    public Where where() {
        return where;
    }

    /** Where the value of {@code key} is, or this map when the key is absent. */
    public Where at(String key) {
        Entry e = entries.get(key);
        return e == null ? where : where.key(key, e.value().mark());
    }

    /** The keys present, in the order written. */
    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** The value of {@code key}; empty when absent or written with no value ({@code key:} or {@code key: ~}). */
    public Optional<YamlNode> node(String key) {
        Entry e = entries.get(key);
        if (e == null || e.value() instanceof Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    public boolean has(String key) {
        return node(key).isPresent();
    }

    /**
     * False, with the problem "{@code key} has no value: {@code how}", when {@code key} is written with no value (every
     * line under it commented out), which read as absent would quietly mean the default; true otherwise.
     */
    public boolean valueGiven(String key, String how) {
        if (keys().contains(key) && !has(key)) {
            problems.add(at(key), key + " has no value: " + how);
            return false;
        }
        return true;
    }

    /** The value of a required key; reports "missing required key" when absent. */
    public Optional<YamlNode> required(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            if (entries.containsKey(key)) {
                problems.add(at(key), "'" + key + "' needs a value");
            } else {
                problems.add(where, "missing required key '" + key + "'");
            }
        }
        return n;
    }

    public Optional<String> text(String key) {
        return node(key).flatMap(n -> text(problems, at(key), n));
    }

    /** As {@link #text(String)}, with {@code ""} (or blank) a value of its own: "none" where the key allows it. */
    public Optional<String> textOrEmpty(String key) {
        return node(key).flatMap(n -> n instanceof Scalar s && !s.isNull() && s.text().isBlank()
                ? Optional.of("") : text(problems, at(key), n));
    }

    public Optional<String> requiredText(String key) {
        return required(key).flatMap(n -> text(problems, at(key), n));
    }

    public Optional<Integer> integer(String key) {
        return node(key).flatMap(n -> integer(problems, at(key), n));
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
                // YAML 1.1, as the parser reads it, also writes true as yes or on
                String t = s.text().strip().toLowerCase(java.util.Locale.ROOT);
                return Optional.of(t.equals("true") || t.equals("yes") || t.equals("on"));
            }
            problems.add(at(key), "expected true or false" + (n instanceof Scalar q && q.type() == ScalarType.STRING
                    && q.text().strip().matches("(?i)true|false|yes|no|on|off") ? " without quotes" : "") + ", got "
                    + n.describe());
            return Optional.empty();
        });
    }

    public Optional<Duration> duration(String key) {
        return node(key).flatMap(n -> duration(problems, at(key), n));
    }

    /** The items of a list; empty when absent. Items are labelled by {@code labelKey} (their id) where they have it. */
    public List<Item> list(String key, String labelKey) {
        return node(key).map(n -> items(problems, at(key), n, labelKey)).orElse(List.of());
    }

    public List<Item> requiredList(String key, String labelKey) {
        return required(key).map(n -> items(problems, at(key), n, labelKey)).orElse(List.of());
    }

    /** One list item and where it is. */
    public record Item(YamlNode node, Where where) {
    }

    /** A scalar's text; anything else is reported. An empty text is reported too: no key here means "nothing". */
    public static Optional<String> text(Problems problems, Where at, YamlNode node) {
        if (node instanceof Scalar s && !s.isNull()) {
            if (s.text().isBlank()) {
                problems.add(at, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(s.text().strip());
        }
        problems.add(at, "expected text, got " + node.describe());
        return Optional.empty();
    }

    public static Optional<Integer> integer(Problems problems, Where at, YamlNode node) {
        if (node instanceof Scalar s && s.text().matches("-?0[0-9]+")) {
            // YAML reads 011 as a number and 09 as text (no octal digit 9): neither is what was meant, surely
            problems.add(at, "write the number " + s.text() + " without its leading zero ("
                    + s.text().replaceFirst("^(-?)0+(?=[0-9])", "$1") + ")");
            return Optional.empty();
        }
        if (node instanceof Scalar s && s.type() == ScalarType.INTEGER) {
            try {
                return Optional.of(Integer.parseInt(s.text()));
            } catch (NumberFormatException e) {
                // YAML also reads 1_000, 0x10 and +5 as numbers; the files take plain decimal digits
                problems.add(at, s.text().matches("-?[0-9]+") ? "the number " + s.text() + " is far beyond what "
                        + "any setting takes (the docs give each key's range)"
                        : "write the number " + s.text() + " in plain decimal digits (no _, 0x, 0o or +)");
                return Optional.empty();
            }
        }
        problems.add(at, "expected a whole number, got " + node.describe());
        return Optional.empty();
    }

    public static Optional<Duration> duration(Problems problems, Where at, YamlNode node) {
        if (!(node instanceof Scalar s) || s.isNull()) {
            problems.add(at, "expected a duration like 20s, 5m or 1h30m, got " + node.describe());
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(s.text()));
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return Optional.empty();
        }
    }

    public static List<Item> items(Problems problems, Where at, YamlNode node, String labelKey) {
        if (!(node instanceof ListNode list)) {
            problems.add(at, "expected a list, got " + node.describe());
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            items.add(new Item(item, at.item(label(item, labelKey, i), item.mark())));
        }
        return items;
    }

    private static String label(YamlNode item, String labelKey, int index) {
        if (labelKey != null && item instanceof MapNode map) {
            for (Entry e : map.entries()) {
                if (e.key().equals(labelKey) && e.value() instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                    return s.text().strip();
                }
            }
        }
        return Integer.toString(index);
    }
}
