package dev.hotline.acd.internal;

import java.util.Arrays;

/**
 * The engine's pending timers in deadline order (ties: scheduling order): a binary min-heap whose keys (deadline,
 * sequence) sit in primitive arrays beside the timers, so sifting compares longs in two dense arrays instead of
 * loading cold {@link Timer} objects. Each timer knows its slot, so cancelling removes it at once: the heap holds
 * pending timers only.
 */
final class TimerQueue {

    private static final int INITIAL_CAPACITY = 64;

    private Timer[] timers = new Timer[INITIAL_CAPACITY];
    private long[] deadlines = new long[INITIAL_CAPACITY];
    private long[] seqs = new long[INITIAL_CAPACITY];
    private int size;
    private long seq;

    Timer schedule(long deadline, Timer.Kind kind, Call call, Agent agent) {
        Timer t = new Timer(deadline, seq++, kind, call, agent);
        if (size == timers.length) {
            int capacity = size * 2;
            timers = Arrays.copyOf(timers, capacity);
            deadlines = Arrays.copyOf(deadlines, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
        }
        siftUp(size++, t);
        return t;
    }

    /** Cancels {@code timer} if it is still pending; null and fired timers are ignored. */
    void cancel(Timer timer) {
        if (timer == null || timer.slot < 0) {
            return;
        }
        removeAt(timer.slot);
    }

    /** The earliest pending deadline, {@link Long#MAX_VALUE} if none. */
    long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    /** Removes and returns the earliest pending timer due at or before {@code time}, or null. */
    Timer pollDue(long time) {
        if (size == 0 || deadlines[0] > time) {
            return null;
        }
        Timer head = timers[0];
        removeAt(0);
        return head;
    }

    private void removeAt(int slot) {
        Timer removed = timers[slot];
        removed.slot = -1;
        int last = --size;
        Timer moved = timers[last];
        timers[last] = null;
        if (slot == last) {
            return;
        }
        // the last timer fills the hole: down if it is later than the hole's children, else up
        siftDown(slot, moved);
        if (timers[slot] == moved) {
            siftUp(slot, moved);
        }
    }

    private void siftUp(int slot, Timer t) {
        long deadline = t.deadline;
        long s = t.seq;
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            long pd = deadlines[parent];
            if (pd < deadline || pd == deadline && seqs[parent] < s) {
                break;
            }
            place(slot, timers[parent], pd, seqs[parent]);
            slot = parent;
        }
        place(slot, t, deadline, s);
    }

    private void siftDown(int slot, Timer t) {
        long deadline = t.deadline;
        long s = t.seq;
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && earlier(right, child)) {
                child = right;
            }
            long cd = deadlines[child];
            if (deadline < cd || deadline == cd && s < seqs[child]) {
                break;
            }
            place(slot, timers[child], cd, seqs[child]);
            slot = child;
        }
        place(slot, t, deadline, s);
    }

    private boolean earlier(int a, int b) {
        return deadlines[a] < deadlines[b] || deadlines[a] == deadlines[b] && seqs[a] < seqs[b];
    }

    private void place(int slot, Timer t, long deadline, long s) {
        timers[slot] = t;
        deadlines[slot] = deadline;
        seqs[slot] = s;
        t.slot = slot;
    }
}
