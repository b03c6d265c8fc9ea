package dev.hotline.bridge.ami;

import dev.hotline.bridge.ami.internal.EventHandOff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every configured Asterisk at once: one {@link AmiConnection} per server, all feeding one bounded event queue
 * drained by one thread into the consumer (the ACD's single writer). The consumer sees each server's events in the
 * order Asterisk sent them; a full queue drops events (counted in {@link #droppedEvents()}, logged) rather than
 * stall Asterisk-Java's event threads, and the next reconnect's {@link AmiEvent.Resynchronised} repairs the picture.
 */
public final class AmiPool implements AutoCloseable {

    /** Events that may wait for the consumer; at a few hundred events per second, minutes of backlog. */
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    private final Map<String, AmiConnection> connections = new LinkedHashMap<>();
    private final EventHandOff handOff;
    private final List<AutoCloseable> owned = new ArrayList<>();

    private AmiPool(List<AmiSettings> servers, Function<AmiSettings, AmiScheduler> schedulers,
                    Consumer<AmiEvent> consumer, AmiStatusListener status, int queueCapacity,
                    ExecutorService completions) {
        this.handOff = new EventHandOff(queueCapacity, consumer, "ami-events");
        for (AmiSettings settings : servers) {
            if (connections.containsKey(settings.name())) {
                throw new IllegalArgumentException("AMI server name '" + settings.name() + "' is used twice");
            }
            connections.put(settings.name(), AmiConnection.create(settings, schedulers.apply(settings),
                    handOff::offer, status, completions));
        }
        owned.add(completions::shutdownNow);
    }

    /**
     * Connects to every server, each on its own scheduler thread ({@code ami-<name>}), and passes events to
     * {@code consumer} on the {@code ami-events} thread.
     */
    public static AmiPool start(List<AmiSettings> servers, Consumer<AmiEvent> consumer, AmiStatusListener status) {
        List<ScheduledExecutorService> executors = new ArrayList<>();
        AmiPool pool = new AmiPool(servers, settings -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("ami-" + settings.name()).factory());
            executors.add(executor);
            return AmiScheduler.on(executor);
        }, consumer, status, DEFAULT_QUEUE_CAPACITY, completionExecutor());
        executors.forEach(executor -> pool.owned.add(executor::shutdown));
        pool.connections.values().forEach(AmiConnection::start);
        return pool;
    }

    /** A pool whose connections run on the given schedulers (tests drive them by hand); not started. */
    public static AmiPool create(List<AmiSettings> servers, Function<AmiSettings, AmiScheduler> schedulers,
                                 Consumer<AmiEvent> consumer, AmiStatusListener status, int queueCapacity) {
        return new AmiPool(servers, schedulers, consumer, status, queueCapacity, completionExecutor());
    }

    /** Starts every connection. */
    public void connectAll() {
        connections.values().forEach(AmiConnection::start);
    }

    /** The actions on one server. */
    public AmiActions actions(String server) {
        AmiConnection connection = connections.get(server);
        if (connection == null) {
            throw new IllegalArgumentException("no AMI server named '" + server + "'; configured: "
                    + String.join(", ", connections.keySet()));
        }
        return connection.actions();
    }

    /** Each server's connection state, in configuration order. */
    public Map<String, AmiConnectionState> states() {
        Map<String, AmiConnectionState> states = new LinkedHashMap<>();
        connections.forEach((name, connection) -> states.put(name, connection.state()));
        return states;
    }

    /** Events dropped because the consumer fell behind by a whole queue. */
    public long droppedEvents() {
        return handOff.dropped();
    }

    @Override
    public void close() {
        connections.values().forEach(AmiConnection::close);
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                // shutting down executors does not fail in a way the caller could act on
            }
        }
        handOff.close();
    }

    private static ExecutorService completionExecutor() {
        // completes action stages off Asterisk-Java's event thread; one thread keeps completion order per server
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("ami-completions").factory());
    }
}
