package dev.hotline.bridge.ami.internal;

import dev.hotline.bridge.ami.AmiEvent;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes AMI events off Asterisk-Java's single event thread: {@link #offer} never blocks (a slow consumer must not
 * delay the library's responses), a bounded queue holds the events, and one drain thread passes them to the
 * consumer in order. When the queue is full the event is dropped, counted and logged (the first drop, then every
 * 1000th); the consumer resynchronises at the next reconnect. A consumer that throws is logged and the drain goes on.
 */
public final class EventHandOff implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHandOff.class);

    private final BlockingQueue<AmiEvent> queue;
    private final Consumer<AmiEvent> consumer;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread drain;
    private volatile boolean closed;

    public EventHandOff(int capacity, Consumer<AmiEvent> consumer, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("AMI event queue capacity " + capacity + " must be at least 1");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.drain = Thread.ofPlatform().daemon().name(threadName).start(this::drainLoop);
    }

    /** Queues an event without blocking; false (and counted) when the queue is full. */
    public boolean offer(AmiEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        long count = dropped.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            LOG.warn("AMI event queue full ({} events): dropped {} so far, latest {} from {}", queue.size() + queue.remainingCapacity(),
                    count, event.getClass().getSimpleName(), event.server());
        }
        return false;
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void drainLoop() {
        while (!closed) {
            AmiEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                LOG.error("AMI event consumer failed on {}; going on with the next event", event, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        drain.interrupt();
    }
}
