package dev.hotline.server.config.internal;

import java.util.HashMap;
import java.util.Map;

/** Remembers where each key was first written, to report duplicates with a pointer to the first one. */
final class FirstSeen<K> {
    private final Map<K, Where> first = new HashMap<>();

    /** True the first time {@code key} is seen; otherwise reports "duplicate {what} (first at line N)". */
    boolean firstTime(K key, Where where, Problems problems, String what) {
        Where earlier = first.putIfAbsent(key, where);
        if (earlier == null) {
            return true;
        }
        problems.add(where, "duplicate " + what + " (first at line " + earlier.mark().line() + ")");
        return false;
    }
}
