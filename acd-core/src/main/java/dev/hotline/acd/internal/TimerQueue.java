package dev.hotline.acd.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The engine's pending timers in deadline order (ties: scheduling order). Cancelling only marks a timer; marked timers
 * are dropped when they reach the head, and purged in one pass when they become the majority, so a busy centre that
 * answers most calls before their escalation steps does not grow the heap without bound.
 */
final class TimerQueue {

    private static final int PURGE_THRESHOLD = 1024;

    private final PriorityQueue<Timer> heap = new PriorityQueue<>(
            Comparator.comparingLong((Timer t) -> t.deadline).thenComparingLong(t -> t.seq));
    private long seq;
    private int cancelled;

    Timer schedule(long deadline, Timer.Kind kind, Call call, Agent agent) {
        Timer t = new Timer(deadline, seq++, kind, call, agent);
        heap.add(t);
        return t;
    }

    /** Cancels {@code timer} if it is still pending; null and fired timers are ignored. */
    void cancel(Timer timer) {
        if (timer == null || !timer.live) {
            return;
        }
        timer.live = false;
        cancelled++;
        if (cancelled > PURGE_THRESHOLD && cancelled > heap.size() / 2) {
            heap.removeIf(t -> !t.live);
            cancelled = 0;
        }
    }

    /** The earliest pending deadline, {@link Long#MAX_VALUE} if none. */
    long nextDeadline() {
        dropCancelledHead();
        Timer head = heap.peek();
        return head == null ? Long.MAX_VALUE : head.deadline;
    }

    /** Removes and returns the earliest pending timer due at or before {@code time}, or null. */
    Timer pollDue(long time) {
        dropCancelledHead();
        Timer head = heap.peek();
        if (head == null || head.deadline > time) {
            return null;
        }
        heap.poll();
        head.live = false;
        return head;
    }

    private void dropCancelledHead() {
        Timer head;
        while ((head = heap.peek()) != null && !head.live) {
            heap.poll();
            cancelled--;
        }
    }
}
