package dev.hotline.bridge.ami;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where an {@link AmiConnection} runs its work: connecting, keep-alive, reconnect back-off. Tasks must run one at a
 * time (the connection's state is owned by whichever thread runs them). Injected so tests drive time by hand.
 */
public interface AmiScheduler {

    /** Runs {@code task} after {@code delay}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} as soon as possible, after the tasks already due. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /**
     * A scheduler on a single-threaded executor (the production choice: one per AMI server). Once the executor is
     * shut down (the connection closed), work that still arrives, such as Asterisk-Java reporting the socket it was
     * told to close, is dropped: there is nothing left for it to do.
     */
    static AmiScheduler on(ScheduledExecutorService singleThread) {
        return (delay, task) -> {
            try {
                ScheduledFuture<?> future = singleThread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            } catch (RejectedExecutionException e) {
                if (!singleThread.isShutdown()) {
                    throw e;
                }
                return () -> { };
            }
        };
    }
}
