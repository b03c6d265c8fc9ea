package dev.hotline.bridge.ami;

import dev.hotline.bridge.ami.internal.EventHandOff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The servers can change while calls go on ({@link #reconfigure}).
 */
public final class AmiPool implements AutoCloseable {

    /** Events that may wait for the consumer; at a few hundred events per second, minutes of backlog. */
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    /** Where a connection's work runs, and how to let that go once the connection is closed. */
    private record Scheduling(AmiScheduler scheduler, Runnable release) {
    }

    /** One server's connection with the settings it was made from. */
    private record Member(AmiSettings settings, AmiConnection connection, Runnable release) {
        void retire(String reason) {
            connection.retire(reason);
            // after the retirement's own task: a scheduler lets what it already holds run
            release.run();
        }

        void close() {
            connection.close();
            release.run();
        }
    }

    private final Function<AmiSettings, Scheduling> schedulers;
    private final AmiStatusListener status;
    private final ExecutorService completions;
    private final EventHandOff handOff;
    /** In configuration order; replaced whole, so readers on other threads see one configuration or the next. */
    private volatile Map<String, Member> members;
    private boolean started;

    private AmiPool(List<AmiSettings> servers, Function<AmiSettings, Scheduling> schedulers,
                    Consumer<AmiEvent> consumer, AmiStatusListener status, int queueCapacity,
                    ExecutorService completions) {
        requireDistinctNames(servers);
        this.schedulers = schedulers;
        this.status = status;
        this.completions = completions;
        this.handOff = new EventHandOff(queueCapacity, consumer, "ami-events");
        Map<String, Member> connected = new LinkedHashMap<>();
        for (AmiSettings settings : servers) {
            connected.put(settings.name(), member(settings));
        }
        members = Collections.unmodifiableMap(connected);
    }

    /**
     * Connects to every server, each on its own scheduler thread ({@code ami-<name>}), and passes events to
     * {@code consumer} on the {@code ami-events} thread.
     */
    public static AmiPool start(List<AmiSettings> servers, Consumer<AmiEvent> consumer, AmiStatusListener status) {
        AmiPool pool = new AmiPool(servers, settings -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("ami-" + settings.name()).factory());
            return new Scheduling(AmiScheduler.on(executor), executor::shutdown);
        }, consumer, status, DEFAULT_QUEUE_CAPACITY, completionExecutor());
        pool.connectAll();
        return pool;
    }

    /** A pool whose connections run on the given schedulers (tests drive them by hand); not started. */
    public static AmiPool create(List<AmiSettings> servers, Function<AmiSettings, AmiScheduler> schedulers,
                                 Consumer<AmiEvent> consumer, AmiStatusListener status, int queueCapacity) {
        return new AmiPool(servers, settings -> new Scheduling(schedulers.apply(settings), () -> { }), consumer,
                status, queueCapacity, completionExecutor());
    }

    /** Starts every connection; servers added later by {@link #reconfigure} connect at once. */
    public synchronized void connectAll() {
        started = true;
        members.values().forEach(m -> m.connection().start());
    }

    /**
     * Puts {@code servers} in force while calls go on: a server no longer listed is logged off and its device states
     * forgotten ({@link AmiEvent.ConnectionLost}), a new one connects, one whose settings changed (address,
     * credentials, timings) reconnects with the new ones, and the others keep their connections untouched.
     *
     * @return what changed, one line per server ("asterisk-2 added", ...), in configuration order; empty if nothing
     * @throws IllegalArgumentException if two servers have the same name (nothing changes)
     */
    public synchronized List<String> reconfigure(List<AmiSettings> servers) {
        requireDistinctNames(servers);
        Map<String, Member> before = members;
        Map<String, Member> after = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        for (AmiSettings settings : servers) {
            Member kept = before.get(settings.name());
            if (kept != null && kept.settings().equals(settings)) {
                after.put(settings.name(), kept);
                continue;
            }
            if (kept != null) {
                kept.retire("its settings changed in the configuration");
            }
            Member fresh = member(settings);
            after.put(settings.name(), fresh);
            if (started) {
                fresh.connection().start();
            }
            changes.add(settings.name() + (kept == null ? " added" : " changed: reconnecting with its new settings"));
        }
        for (Member gone : before.values()) {
            if (!after.containsKey(gone.settings().name())) {
                gone.retire("removed from the configuration");
                changes.add(gone.settings().name() + " removed");
            }
        }
        members = Collections.unmodifiableMap(after);
        return changes;
    }

    /** The actions on one server. */
    public AmiActions actions(String server) {
        Map<String, Member> now = members;
        Member member = now.get(server);
        if (member == null) {
            throw new IllegalArgumentException("no AMI server named '" + server + "'; configured: "
                    + String.join(", ", now.keySet()));
        }
        return member.connection().actions();
    }

    /** Each server's connection state, in configuration order. */
    public Map<String, AmiConnectionState> states() {
        Map<String, AmiConnectionState> states = new LinkedHashMap<>();
        members.forEach((name, member) -> states.put(name, member.connection().state()));
        return states;
    }

    /** Events dropped because the consumer fell behind by a whole queue. */
    public long droppedEvents() {
        return handOff.dropped();
    }

    @Override
    public synchronized void close() {
        members.values().forEach(Member::close);
        completions.shutdownNow();
        handOff.close();
    }

    private Member member(AmiSettings settings) {
        Scheduling scheduling = schedulers.apply(settings);
        return new Member(settings, AmiConnection.create(settings, scheduling.scheduler(), handOff::offer, status,
                completions), scheduling.release());
    }

    private static void requireDistinctNames(List<AmiSettings> servers) {
        Set<String> names = new HashSet<>();
        for (AmiSettings settings : servers) {
            if (!names.add(settings.name())) {
                throw new IllegalArgumentException("AMI server name '" + settings.name() + "' is used twice");
            }
        }
    }

    private static ExecutorService completionExecutor() {
        // completes action stages off Asterisk-Java's event thread; one thread keeps completion order per server
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("ami-completions").factory());
    }
}
