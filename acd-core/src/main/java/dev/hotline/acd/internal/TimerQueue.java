package dev.hotline.acd.internal;

import java.util.Arrays;

/**
 * The engine's pending timers in deadline order (ties: scheduling order).
 *
 * <p>Almost every timer is "now plus a configured time" (ring timeout, wrap-up, an escalation step, the maximum wait),
 * and time only moves forward, so the timers scheduled with one duration are due in the order they were scheduled. So
 * the timers are kept in <em>lanes</em>, one per duration, each a list linked through the timers in firing order: a new
 * timer joins its lane at the tail, a cancelled one is unlinked, the due one is the head of some lane. A small binary
 * heap over the lanes' heads (as many as there are distinct durations, a handful in a real centre) says which lane is
 * next. Scheduling, cancelling and firing touch the timer and its neighbours in its lane, never the log-deep path of
 * cold timers a heap of all timers would sift through. A timer whose deadline is earlier than its lane's tail (after a
 * configuration change, or an event from the past) walks back from the tail to its place, so the order is exact
 * whatever the deadlines.
 */
final class TimerQueue {

    /** Timers scheduled with one duration, in firing order. */
    static final class Lane {
        final long duration;
        Timer head;
        Timer tail;
        /** The head's deadline and sequence, kept here so the lane heap compares without loading the head. */
        long headDeadline;
        long headSeq;
        /** Where the lane sits in the lane heap; -1 while it is empty. */
        int slot = -1;

        Lane(long duration) {
            this.duration = duration;
        }

        boolean before(Lane other) {
            return firesBefore(headDeadline, headSeq, other.headDeadline, other.headSeq);
        }
    }

    /** The firing order of timers and lanes' heads: by deadline, then by scheduling order. */
    private static boolean firesBefore(long deadline, long seq, long otherDeadline, long otherSeq) {
        return deadline < otherDeadline || deadline == otherDeadline && seq < otherSeq;
    }

    private final LanesByDuration lanes = new LanesByDuration();
    /** The non-empty lanes, a binary min-heap by their heads' (deadline, sequence). */
    private Lane[] heap = new Lane[8];
    private int heapSize;
    private long seq;

    /** A timer due at {@code deadline}, scheduled at {@code now}; the difference picks its lane. */
    Timer schedule(long now, long deadline, Timer.Kind kind, Call call, Agent agent) {
        Timer t = new Timer(now, deadline, seq++, kind, call, agent);
        Lane lane = lanes.get(deadline - now);
        t.lane = lane;
        Timer after = lane.tail;
        while (after != null && after.deadline > deadline) {
            after = after.prev;
        }
        Timer before = after == null ? lane.head : after.next;
        t.prev = after;
        t.next = before;
        if (before == null) {
            lane.tail = t;
        } else {
            before.prev = t;
        }
        if (after == null) {
            lane.head = t;
            headChanged(lane);
        } else {
            after.next = t;
        }
        return t;
    }

    /** Cancels {@code timer} if it is still pending; null and fired timers are ignored. */
    void cancel(Timer timer) {
        if (timer != null && timer.lane != null) {
            unlink(timer);
        }
    }

    /** The earliest pending deadline, {@link Long#MAX_VALUE} if none. */
    long nextDeadline() {
        return heapSize == 0 ? Long.MAX_VALUE : heap[0].headDeadline;
    }

    /** Removes and returns the earliest pending timer due at or before {@code time}, or null. */
    Timer pollDue(long time) {
        if (heapSize == 0 || heap[0].headDeadline > time) {
            return null;
        }
        Timer head = heap[0].head;
        unlink(head);
        return head;
    }

    private void unlink(Timer t) {
        Lane lane = t.lane;
        Timer prev = t.prev;
        Timer next = t.next;
        if (next == null) {
            lane.tail = prev;
        } else {
            next.prev = prev;
        }
        t.lane = null;
        t.prev = null;
        t.next = null;
        if (prev != null) {
            prev.next = next;
        } else {
            lane.head = next;
            headChanged(lane);
        }
    }

    /** The lane's head was replaced (or the lane emptied or filled): its place in the lane heap follows. */
    private void headChanged(Lane lane) {
        Timer head = lane.head;
        if (head == null) {
            removeFromHeap(lane);
            return;
        }
        boolean earlier = lane.slot >= 0 && firesBefore(head.deadline, head.seq, lane.headDeadline, lane.headSeq);
        lane.headDeadline = head.deadline;
        lane.headSeq = head.seq;
        if (lane.slot < 0) {
            if (heapSize == heap.length) {
                heap = Arrays.copyOf(heap, heapSize * 2);
            }
            siftUp(heapSize++, lane);
        } else if (earlier) {
            siftUp(lane.slot, lane);
        } else {
            siftDown(lane.slot, lane);
        }
    }

    private void removeFromHeap(Lane lane) {
        int slot = lane.slot;
        lane.slot = -1;
        int last = --heapSize;
        Lane moved = heap[last];
        heap[last] = null;
        if (slot != last) {
            siftDown(slot, moved);
            if (heap[slot] == moved) {
                siftUp(slot, moved);
            }
        }
    }

    private void siftUp(int slot, Lane lane) {
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (heap[parent].before(lane)) {
                break;
            }
            place(slot, heap[parent]);
            slot = parent;
        }
        place(slot, lane);
    }

    private void siftDown(int slot, Lane lane) {
        int half = heapSize >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < heapSize && heap[right].before(heap[child])) {
                child = right;
            }
            if (lane.before(heap[child])) {
                break;
            }
            place(slot, heap[child]);
            slot = child;
        }
        place(slot, lane);
    }

    private void place(int slot, Lane lane) {
        heap[slot] = lane;
        lane.slot = slot;
    }

    /**
     * Lanes by duration, open addressing on primitive keys (no boxing on the path of every timer). Durations seen
     * once (a deadline kept across a configuration change) leave empty lanes behind; the table drops them when it
     * grows, so it holds about as many lanes as there are durations in use.
     */
    private static final class LanesByDuration {
        private long[] keys = new long[16];
        private Lane[] values = new Lane[16];
        private int size;

        Lane get(long duration) {
            int mask = keys.length - 1;
            for (int i = index(duration, mask); ; i = (i + 1) & mask) {
                Lane lane = values[i];
                if (lane == null) {
                    break;
                }
                if (keys[i] == duration) {
                    return lane;
                }
            }
            if (size + 1 > keys.length >>> 1) {
                rebuild();
            }
            Lane lane = new Lane(duration);
            put(lane);
            return lane;
        }

        /** Keeps the lanes that hold timers, in a table at most half full after the new lane joins. */
        private void rebuild() {
            Lane[] old = values;
            int live = 0;
            for (Lane lane : old) {
                if (lane != null && lane.head != null) {
                    live++;
                }
            }
            int capacity = 16;
            while (capacity < 4 * (live + 1)) {
                capacity <<= 1;
            }
            keys = new long[capacity];
            values = new Lane[capacity];
            size = 0;
            for (Lane lane : old) {
                if (lane != null && lane.head != null) {
                    put(lane);
                }
            }
        }

        private void put(Lane lane) {
            int mask = keys.length - 1;
            int i = index(lane.duration, mask);
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = lane.duration;
            values[i] = lane;
            size++;
        }

        private static int index(long duration, int mask) {
            long h = duration * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
        }
    }
}
