package dev.hotline.acd.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Values keyed by number prefix: one hash map per prefix length, lengths longest first, so the longest matching
 * prefix costs one lookup per distinct length instead of a scan of every entry.
 */
final class PrefixIndex<V> {

    private final int[] lengths;
    private final Map<String, V>[] byLength;

    @SuppressWarnings("unchecked")
    private PrefixIndex(TreeMap<Integer, Map<String, V>> tables) {
        lengths = new int[tables.size()];
        byLength = (Map<String, V>[]) new Map<?, ?>[tables.size()];
        int i = 0;
        for (var e : tables.descendingMap().entrySet()) {
            lengths[i] = e.getKey();
            byLength[i] = e.getValue();
            i++;
        }
    }

    /** Builds the index; for two entries with the same prefix {@code merge} keeps or combines them. */
    static <E, V> PrefixIndex<V> of(Iterable<E> entries, Function<E, String> prefix, Function<E, V> value,
                                   java.util.function.BinaryOperator<V> merge) {
        TreeMap<Integer, Map<String, V>> tables = new TreeMap<>();
        for (E e : entries) {
            String p = prefix.apply(e);
            tables.computeIfAbsent(p.length(), k -> new HashMap<>()).merge(p, value.apply(e), merge);
        }
        return new PrefixIndex<>(tables);
    }

    /** How many distinct prefix lengths there are. */
    int lengthCount() {
        return lengths.length;
    }

    /** The value under the prefix of {@code number} of the {@code i}-th longest length, or null. */
    V at(int i, String number) {
        int len = lengths[i];
        if (len > number.length()) {
            return null;
        }
        return byLength[i].get(number.substring(0, len));
    }
}
