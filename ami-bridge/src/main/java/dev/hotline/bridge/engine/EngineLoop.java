package dev.hotline.bridge.engine;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.WaitingCall;
import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.CentreConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RoutingEngine} on one dedicated thread, the only one that ever touches it (single writer). Any
 * thread hands events in through {@link #submit}; the loop thread applies them in order, wakes for the engine's next
 * timer and advances it to the injected clock's time, and hands every decision to the global listeners (statistics,
 * journal, push channel) and to the call's own subscriber (its call session).
 *
 * <p><b>Time is stamped at the edge.</b> Callers build events with {@link #now()}, the injected clock's time; the
 * engine never reads a clock.
 *
 * <p><b>Back-pressure.</b> The FastAGI side must never block its event loop, so {@link #submit} never blocks. A new
 * call ({@link AcdEvent.CallArrived}) is refused while {@code arrivalLimit} events already wait in the inbox: its
 * session plays the busy prompt and hangs up, so a flood of calls degrades into busy callers instead of a growing
 * backlog. Every other event is always accepted, because dropping it would lose state (a caller who hung up would
 * stay queued, an agent would stay reserved); their number is bounded anyway by the calls already admitted (each
 * session has at most one or two events in flight) and the agents.
 *
 * <p><b>Survives its listeners.</b> A listener that throws is logged and skipped; the engine, the other listeners
 * and the call's session still get the decision.
 *
 * <p><b>Tests</b> use the loop without {@link #start()}: {@link #runOnce()} applies what is in the inbox and the timers
 * due at the clock's time on the calling thread, so a fake clock and manual stepping give deterministic runs.
 */
public final class EngineLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    /**
     * The loop re-checks its clock at least this often, so a clock that jumps (NTP) cannot stall a timer, and a
     * clock that runs faster than real time ({@code hotline demo --speed}) fires its timers at most this late.
     */
    private static final long MAX_PARK_MILLIS = 100;

    private final RoutingEngine engine;
    private final Clock clock;
    private final int arrivalLimit;
    private final List<DecisionListener> listeners;
    private final ConcurrentLinkedQueue<Task> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final ConcurrentHashMap<String, DecisionListener> subscribers = new ConcurrentHashMap<>();
    private volatile String busyPrompt;
    private volatile CallerNumbers callerNumbers;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;
    /** Loop thread only: events taken from the inbox and not yet applied (see {@link #applyBacklog}). */
    private final List<AcdEvent> backlog = new ArrayList<>();
    /** Loop thread only: where the decisions of the event being {@link #decide decided} also go. */
    private List<Decision> collecting;

    /** One piece of work for the loop thread: an event to apply, or a read of the engine's state. */
    private sealed interface Task {
        record Apply(AcdEvent event) implements Task {
        }

        record Read(Runnable read) implements Task {
        }

        /** An event whose decisions someone waits for. */
        record Decide(AcdEvent event, CompletableFuture<List<Decision>> decisions) implements Task {
        }
    }

    /**
     * @param config       the centre's configuration (already validated)
     * @param seed         the seed of the RANDOM routing strategy
     * @param clock        where event times and the engine's "now" come from
     * @param arrivalLimit new calls are refused while this many events wait in the inbox (at least 1)
     * @param listeners    receive every decision on the loop thread, in order, before the call's own session
     */
    public EngineLoop(CentreConfig config, long seed, Clock clock, int arrivalLimit, List<DecisionListener> listeners) {
        if (arrivalLimit < 1) {
            throw new IllegalArgumentException("arrivalLimit must be at least 1: " + arrivalLimit);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.arrivalLimit = arrivalLimit;
        this.listeners = List.copyOf(listeners);
        this.busyPrompt = config.settings().busyPrompt();
        this.callerNumbers = config.settings().callerNumbers();
        this.engine = new RoutingEngine(config, clock.millis(), seed, this::dispatch);
    }

    /** The time to stamp events with: the injected clock's, in epoch milliseconds. */
    public long now() {
        return clock.millis();
    }

    /** The prompt callers refused without the engine hear (the centre's busy prompt in force). */
    public String busyPrompt() {
        return busyPrompt;
    }

    /** How the centre compares caller numbers (centre.yaml's {@code callerNumbers} in force). */
    public CallerNumbers callerNumbers() {
        return callerNumbers;
    }

    /**
     * Hands an event to the loop; never blocks.
     *
     * @return false only for a {@link AcdEvent.CallArrived} refused because the inbox is full (the caller should hear
     *         {@link #busyPrompt()}); every other event is accepted
     */
    public boolean submit(AcdEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof AcdEvent.CallArrived arrived && depth.get() >= arrivalLimit) {
            LOG.warn("call {} refused: {} events wait for the routing engine (limit {})", arrived.callId(),
                    depth.get(), arrivalLimit);
            return false;
        }
        enqueue(new Task.Apply(event));
        return true;
    }

    /**
     * Hands an event to the loop, like {@link #submit}, and completes with the decisions the engine made applying it
     * (a {@link Decision.EventRejected} among them says why it was refused), on the loop thread: for requests that
     * answer someone, such as an agent going ready over the API.
     */
    public CompletionStage<List<Decision>> decide(AcdEvent event) {
        Objects.requireNonNull(event, "event");
        CompletableFuture<List<Decision>> decisions = new CompletableFuture<>();
        enqueue(new Task.Decide(event, decisions));
        return decisions;
    }

    /**
     * Routes the decisions about {@code callId} (and rejections of events about it) to {@code subscriber}, on the
     * loop thread, until the call's {@link Decision.CallEnded} (delivered, then the subscription ends) or
     * {@link #unsubscribe}. Subscribe before submitting the call's arrival.
     *
     * @return false when the call id already has a subscriber (two live calls with one id)
     */
    public boolean subscribe(String callId, DecisionListener subscriber) {
        return subscribers.putIfAbsent(Objects.requireNonNull(callId, "callId"),
                Objects.requireNonNull(subscriber, "subscriber")) == null;
    }

    /** Stops routing the call's decisions to its subscriber. */
    public void unsubscribe(String callId) {
        subscribers.remove(callId);
    }

    /** The call's place in its queue, read on the loop thread; empty when it is not waiting. */
    public CompletionStage<Optional<WaitingCall>> waitingCall(String callId) {
        return read(engine -> engine.waitingCall(callId));
    }

    /**
     * Reads the engine's state on the loop thread, after every event handed in before it; {@code reader} may also
     * read the listeners' state, which is only touched on that thread. It fails if {@code reader} throws.
     */
    public <T> CompletionStage<T> read(Function<RoutingEngine, T> reader) {
        Objects.requireNonNull(reader, "reader");
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(new Task.Read(() -> {
            try {
                result.complete(reader.apply(engine));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    /**
     * Runs {@code task} on the loop thread, after the events handed in before it, with the engine's time: for work
     * that belongs in the engine's order and on its thread, such as a journal record written among the decisions
     * (a message left in the IVR). Never blocks; a task that throws is logged and the loop goes on.
     */
    public void execute(LongConsumer task) {
        Objects.requireNonNull(task, "task");
        enqueue(new Task.Read(() -> task.accept(engine.now())));
    }

    private void enqueue(Task task) {
        depth.incrementAndGet();
        inbox.add(task);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Applies the events and reads waiting in the inbox now (not those that arrive meanwhile, so timers are never
     * starved), then fires the timers due at the clock's time. Called by the loop thread, or by tests that run the
     * loop by hand.
     *
     * @return how many inbox entries were handled
     */
    public int runOnce() {
        int handled = 0;
        for (int batch = depth.get(); handled < batch; handled++) {
            Task task = inbox.poll();
            if (task == null) {
                break;
            }
            depth.decrementAndGet();
            try {
                switch (task) {
                    case Task.Apply apply -> backlog.add(apply.event());
                    case Task.Read read -> {
                        applyBacklog();
                        read.read().run();
                    }
                    case Task.Decide decide -> {
                        applyBacklog();
                        decide(decide);
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("routing engine failed on {}; the loop goes on", task, e);
            }
        }
        applyBacklog();
        try {
            engine.advanceTo(clock.millis());
        } catch (RuntimeException e) {
            LOG.error("routing engine failed firing timers; the loop goes on", e);
        }
        return handled;
    }

    /**
     * Applies the events taken from the inbox since the last read or decide, together: in a busy large centre the
     * engine then loads their calls at once ({@link RoutingEngine#handleAll}). The engine answers an event it cannot
     * apply with a rejection and goes on, so one bad event does not cost the others.
     */
    private void applyBacklog() {
        if (backlog.isEmpty()) {
            return;
        }
        try {
            engine.handleAll(backlog);
        } catch (RuntimeException e) {
            LOG.error("routing engine failed on a batch of {} events; the loop goes on", backlog.size(), e);
        } finally {
            backlog.clear();
        }
    }

    /** Starts the loop thread. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("engine loop already started");
        }
        running = true;
        Thread t = new Thread(this::loop, "hotline-engine");
        thread = t;
        t.start();
    }

    private void loop() {
        while (running) {
            runOnce();
            if (inbox.isEmpty()) {
                long deadline = engine.nextDeadline();
                long wait = deadline == Long.MAX_VALUE ? MAX_PARK_MILLIS
                        : Math.min(MAX_PARK_MILLIS, deadline - clock.millis());
                if (wait > 0) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(wait));
                }
            }
        }
    }

    /** Stops the loop thread after the batch it is applying; events still in the inbox are not applied. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Applies the event, collecting its decisions for whoever asked; a failure reaches them and the loop's log. */
    private void decide(Task.Decide task) {
        List<Decision> made = new ArrayList<>();
        collecting = made;
        try {
            engine.handle(task.event());
            task.decisions().complete(made);
        } catch (RuntimeException e) {
            task.decisions().completeExceptionally(e);
            throw e;
        } finally {
            collecting = null;
        }
    }

    private void dispatch(Decision decision) {
        if (collecting != null) {
            collecting.add(decision);
        }
        if (decision instanceof Decision.ConfigApplied applied) {
            busyPrompt = applied.config().settings().busyPrompt();
            callerNumbers = applied.config().settings().callerNumbers();
        }
        for (DecisionListener listener : listeners) {
            deliver(listener, decision);
        }
        String callId = Decision.callIdOf(decision);
        if (callId != null) {
            DecisionListener subscriber = decision instanceof Decision.CallEnded
                    ? subscribers.remove(callId) : subscribers.get(callId);
            if (subscriber != null) {
                deliver(subscriber, decision);
            }
        }
    }

    private static void deliver(DecisionListener listener, Decision decision) {
        try {
            listener.onDecision(decision);
        } catch (RuntimeException e) {
            LOG.error("decision listener {} failed on {}; the loop goes on", listener, decision, e);
        }
    }
}
