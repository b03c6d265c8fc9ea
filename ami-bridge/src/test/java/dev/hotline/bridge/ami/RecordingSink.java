package dev.hotline.bridge.ami;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects the events a connection hands off, for tests to wait on. */
final class RecordingSink implements Consumer<AmiEvent> {

    private final BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(AmiEvent event) {
        events.add(event);
    }

    /** Waits (at most 5 s) for the next event of this type, skipping others. */
    <T extends AmiEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            AmiEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within 5 s");
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }
}
