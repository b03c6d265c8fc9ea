package dev.hotline.bridge.session;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Timers of the call sessions (periodic position announcements). Injected, so tests drive them in virtual time.
 */
@FunctionalInterface
public interface SessionScheduler {

    /** Runs {@code task} once after {@code delay}, on any thread; the task must not block. */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Timer {
        void cancel();
    }

    /** Timers on a scheduled executor (in the server, a single small scheduler thread for all sessions). */
    static SessionScheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
