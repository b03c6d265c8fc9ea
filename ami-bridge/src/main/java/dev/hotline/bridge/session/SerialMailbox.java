package dev.hotline.bridge.session;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call session's tasks one at a time, in the order they were posted, on an executor: AGI replies (event-loop
 * thread), decisions (engine thread), lookups and timers all hop here, so the session's state has a single writer at
 * a time and no task ever blocks the thread that posted it. A task posted while one runs is run after it, never
 * inside it.
 */
final class SerialMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(SerialMailbox.class);

    private final Executor executor;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final String owner;

    SerialMailbox(Executor executor, String owner) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owner = owner;
    }

    void post(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        do {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: a task failed; the session goes on", owner, e);
                }
            }
            scheduled.set(false);
        } while (!tasks.isEmpty() && scheduled.compareAndSet(false, true));
    }
}
