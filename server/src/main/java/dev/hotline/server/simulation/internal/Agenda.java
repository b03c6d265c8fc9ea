package dev.hotline.server.simulation.internal;

import java.util.PriorityQueue;

/**
 * The simulated parties' future: what callers and agents will do, in virtual time. Happenings at the same instant
 * keep the order they were scheduled in, so a run is repeatable.
 */
public final class Agenda {
    private final PriorityQueue<Entry> entries = new PriorityQueue<>();
    private long sequence;

    public void schedule(long at, Happening happening) {
        entries.add(new Entry(at, sequence++, happening));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The time of the next happening; only when not {@link #isEmpty()}. */
    public long nextAt() {
        return entries.element().at;
    }

    /** Removes and returns the next happening. */
    public Happening next() {
        return entries.remove().happening;
    }

    private record Entry(long at, long sequence, Happening happening) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
