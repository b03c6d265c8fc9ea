package dev.hotline.bridge.ami;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scheduler on virtual time for tests: tasks run only when the test runs them, on the test's thread. Other
 * threads (Asterisk-Java's reader and event threads) may post tasks; {@link #awaitPostedTask()} waits for one.
 */
final class ManualScheduler implements AmiScheduler {

    private record Task(Duration due, long order, Runnable body, boolean[] cancelled) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition posted = lock.newCondition();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due().equals(b.due()) ? Long.compare(a.order(), b.order()) : a.due().compareTo(b.due()));
    private Duration now = Duration.ZERO;
    private long order;

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        lock.lock();
        try {
            boolean[] cancelled = {false};
            tasks.add(new Task(now.plus(delay), order++, task, cancelled));
            posted.signalAll();
            return () -> cancelled[0] = true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs every task due now, including ones they schedule for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves virtual time forward, running each task at its due time, in order. */
    void advance(Duration by) {
        Duration target;
        lock.lock();
        try {
            target = now.plus(by);
        } finally {
            lock.unlock();
        }
        while (true) {
            Task next;
            lock.lock();
            try {
                next = tasks.peek();
                if (next == null || next.due().compareTo(target) > 0) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due();
            } finally {
                lock.unlock();
            }
            if (!next.cancelled()[0]) {
                next.body().run();
            }
        }
    }

    /**
     * Waits (at most 20 s: a loaded CI machine may take seconds to deliver a loopback answer) until a task is due
     * now, e.g. one posted by another thread, then runs the due tasks.
     */
    void awaitPostedTask() throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(20);
            while (!hasDueTask()) {
                if (left <= 0) {
                    throw new AssertionError("no task was posted within 20 s");
                }
                left = posted.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
        runDue();
    }

    /** The delay until the next live task, or null when none is scheduled. */
    Duration nextDelay() {
        lock.lock();
        try {
            return tasks.stream().filter(t -> !t.cancelled()[0]).map(Task::due).min(Duration::compareTo)
                    .map(due -> due.minus(now)).orElse(null);
        } finally {
            lock.unlock();
        }
    }

    private boolean hasDueTask() {
        return tasks.stream().anyMatch(t -> !t.cancelled()[0] && t.due().compareTo(now) <= 0);
    }
}
