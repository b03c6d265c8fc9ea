package dev.hotline.server.callback;

import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.bridge.session.Callbacks;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.journal.BusinessQueues;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back the customers who asked for it: every {@code checkEvery} it rings, over AMI, the customers whose
 * business has an agent free ({@link CallbackPlan} has the rules); a customer who answers reaches Hotline over
 * FastAGI ({@code callback?request=<id>}) and is queued for that business ahead of ordinary callers
 * ({@link Callbacks}). Every attempt and every closed request is journaled ({@code callback-attempted},
 * {@code callback-closed}), so a restart picks up where the last run stopped ({@link OpenCallbacks}).
 *
 * <p>The plan is kept on the routing engine's thread, so its records stand in the journal among the decisions,
 * stamped with the engine's time, and it reads the queues as the engine sees them; the AMI actions go out from the
 * desk's own thread.
 */
public final class CallbackDesk implements Callbacks, DecisionListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.callbacks");
    /** The channel variable that tells the callback context which request the customer answered. */
    static final String REQUEST_VARIABLE = "HOTLINE_CALLBACK";
    /** How long past the ring time Asterisk's OriginateResponse may still come before the attempt counts as failed. */
    static final Duration ORIGINATE_RESPONSE_GRACE = Duration.ofSeconds(30);

    /** Replaced by a reload; read on the desk's thread when ringing. */
    private volatile CallbackSettings settings;
    private final JournalWriter journal;
    private final Supplier<List<AmiActions>> servers;
    /** Engine thread only. */
    private final CallbackPlan plan;
    /** Customers being rung, by request: what their call is queued as once they answer. */
    private final Map<String, CallbackCall> ringing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService desk = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("callbacks").factory());
    private volatile EngineLoop engine;
    /** The engine, for the configuration in force: touched on its thread only. */
    private RoutingEngine routing;
    /** The rule that settles a request, with the queues of {@link #queuesOf}: engine thread only. */
    private final BusinessQueues businessQueues = new BusinessQueues();
    private CentreConfig queuesOf;
    /** The periodic check of the open requests, once started. */
    private volatile ScheduledFuture<?> rounds;
    /** Engine thread only: whether the last round found no AMI server to ring through (logged once per outage). */
    private boolean noServer;

    /**
     * @param settings how callbacks are placed (they must be: {@link CallbackSettings#placed()})
     * @param journal  where attempts and closings are written
     * @param servers  the AMI servers connected now, in configuration order: callbacks ring through the first
     */
    public CallbackDesk(CallbackSettings settings, JournalWriter journal, Supplier<List<AmiActions>> servers) {
        if (!settings.placed()) {
            throw new IllegalArgumentException("callbacks are not placed without an endpoint");
        }
        this.settings = settings;
        this.journal = Objects.requireNonNull(journal, "journal");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.plan = new CallbackPlan(settings);
    }

    /**
     * Takes the requests still open in the journal: at once before {@link #attach}, on the engine's thread after (a
     * reload that turns callbacks on; a request filed meanwhile is taken once).
     */
    public void restore(List<OpenCallbacks.Restored> restored) {
        EngineLoop attached = engine;
        if (attached == null) {
            restoreNow(restored);
        } else {
            attached.execute(now -> restoreNow(restored));
        }
    }

    private void restoreNow(List<OpenCallbacks.Restored> restored) {
        for (OpenCallbacks.Restored r : restored) {
            plan.restore(r.request(), r.attempts(), r.lastAttemptAt());
        }
        if (!restored.isEmpty()) {
            log.info("callbacks: {} open request(s) read back from the journal", restored.size());
        }
    }

    /**
     * Starts checking the open requests every {@code checkEvery} against the queues of the engine it is attached to.
     */
    public void start() {
        scheduleRounds(settings.checkEvery());
        log.info("callbacks: placed on {} into context {}, checked every {} ms, to {}", settings.endpoint(),
                settings.context(), settings.checkEvery().toMillis(), settings.allowedNumbersDescribed());
    }

    private void scheduleRounds(Duration every) {
        rounds = desk.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Puts a reload's settings in force: customers are rung on the new endpoint, context and caller id from the next
     * attempt, and the attempts, retry interval and expiry apply to every open request; a customer being rung now
     * finishes that attempt as it started.
     *
     * @throws IllegalArgumentException if {@code next} does not place callbacks (turning them off takes the desk out
     *                                  of its {@link CallbackSwitch})
     */
    public void useSettings(CallbackSettings next) {
        if (!next.placed()) {
            throw new IllegalArgumentException("callbacks are not placed without an endpoint");
        }
        CallbackSettings was = settings;
        settings = next;
        engine.execute(now -> plan.useSettings(next));
        if (rounds != null && !next.checkEvery().equals(was.checkEvery())) {
            rounds.cancel(false);
            scheduleRounds(next.checkEvery());
        }
    }

    /**
     * Joins the desk to {@code engine}, as soon as the engine exists: requests the IVR files from then on reach the
     * plan, before the rounds start ({@link #start}; tests run {@link #round()} themselves).
     */
    public void attach(EngineLoop engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        engine.read(r -> routing = r);
    }

    /** A request the IVR has filed (its journal line is on disk). */
    public void requested(CallbackRequest request) {
        engine.execute(now -> plan.add(request));
    }

    // ------------------------------------------------------------------------------------------ the call sessions

    @Override
    public Optional<CallbackCall> answered(String requestId, String callId) {
        CallbackCall call = ringing.remove(requestId);
        if (call == null) {
            return Optional.empty();
        }
        log.info("callback {}: customer {} answered, call {}", requestId, WireText.visible(call.number()), callId);
        engine.execute(now -> write(plan.answered(requestId, now)));
        return Optional.of(call);
    }

    @Override
    public void ended(String requestId, String callId, Ending ending) {
        log.info("callback {}: call {} ended, {}", requestId, callId, ending);
        engine.execute(now -> write(plan.callEnded(requestId, callId, ending, now)));
    }

    /** On the engine's thread: a call an agent answered closes the open requests of its caller's number. */
    @Override
    public void onDecision(Decision decision) {
        if (decision instanceof Decision.CallEnded ended && ended.outcome() == Outcome.ANSWERED
                && !ended.callerNumber().isEmpty()) {
            write(plan.customerGotThrough(ended.callerNumber(), servedFor(ended.queue()), ended.callId(), ended.at()));
        }
    }

    /**
     * The business types a call answered in {@code queue} was served for: those whose queue it is (a business type
     * the configuration no longer knows, or a call without a queue, counts as served, as before business types
     * were told apart).
     */
    private Predicate<String> servedFor(Optional<String> queue) {
        RoutingEngine engineNow = routing;
        if (engineNow != null && engineNow.config() != queuesOf) {
            queuesOf = engineNow.config();
            businessQueues.use(queuesOf);
        }
        return type -> businessQueues.served(queue, type);
    }

    // ------------------------------------------------------------------------------------------ rounds

    /** Rings whoever is due; completes once their Originates are sent. */
    CompletionStage<Void> round() {
        return engine.read(this::due).thenAcceptAsync(rings -> rings.forEach(this::ring), desk)
                .exceptionally(failure -> {
                    log.error("callbacks: a round failed: {}", failure.toString());
                    return null;
                });
    }

    /** On the engine's thread: closes what expired and picks who to ring now. */
    private List<CallbackPlan.Ring> due(RoutingEngine routing) {
        this.routing = routing;
        long now = routing.now();
        write(plan.expire(now));
        if (plan.size() == 0) {
            return List.of();
        }
        if (servers.get().isEmpty()) {
            if (!noServer) {
                noServer = true;
                log.warn("callbacks: {} open request(s) wait: no AMI server is connected to ring them", plan.size());
            }
            return List.of();
        }
        noServer = false;
        return plan.due(now, type -> room(routing, type, now));
    }

    private static CallbackPlan.Room room(RoutingEngine routing, String businessType, long now) {
        Optional<String> queueId = routing.config().businessTypes().stream()
                .filter(b -> b.id().equals(businessType)).map(BusinessType::queue).findFirst();
        Optional<QueueConfig> queue = queueId.flatMap(id -> routing.config().queues().stream()
                .filter(q -> q.id().equals(id)).findFirst());
        if (queue.isEmpty()) {
            return CallbackPlan.Room.NONE;
        }
        QueueView view = routing.queue(queue.get().id());
        return new CallbackPlan.Room(queue.get().id(), queue.get().hours().isOpenAt(now), view.agentsReady(),
                view.waiting());
    }

    /** On the desk's thread: rings one customer through the first connected AMI server. */
    private void ring(CallbackPlan.Ring ring) {
        CallbackRequest request = ring.request();
        // one reading: a reload meanwhile does not mix old and new settings within this attempt
        CallbackSettings s = settings;
        List<AmiActions> connected = servers.get();
        if (connected.isEmpty()) {
            engine.execute(now -> write(plan.notRung(request.id(), now, "no AMI server connected")));
            return;
        }
        ringing.put(request.id(), new CallbackCall(request.number(), request.dialledNumber(),
                request.businessType(), s.priorityRaise(), s.greeting(), request.attachedData()));
        log.info("callback {}: ringing {} for {} (attempt {})", request.id(), WireText.visible(request.number()),
                request.businessType(), ring.attempt() <= s.attempts() ? ring.attempt() + " of " + s.attempts()
                        // the customer was on the line at the last allowed attempt when Hotline stopped: docs say so
                        : ring.attempt() + ", past the " + s.attempts() + " allowed: Hotline stopped while the "
                        + "customer was on the line");
        try {
            // Asterisk's OriginateResponse comes by the ring time; one never sent (a lost event) must not leave the
            // customer "ringing" for ever and the queue's room taken
            connected.getFirst().originateCallback(s.endpointFor(request.number()), s.context(), request.number(),
                            s.callerId(), Map.of(REQUEST_VARIABLE, request.id()), s.ringTimeout())
                    .toCompletableFuture()
                    .orTimeout(s.ringTimeout().plus(ORIGINATE_RESPONSE_GRACE).toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((result, failure) -> engine.execute(now -> rang(request, s, result, failure, now)));
        } catch (RuntimeException e) {
            engine.execute(now -> rang(request, s, null, e, now));
        }
    }

    /** On the engine's thread: what the Originate came to. */
    private void rang(CallbackRequest request, CallbackSettings s, AmiEvent.OriginateResult result,
                      Throwable failure, long now) {
        String id = request.id();
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                log.warn("callback {}: Asterisk sent no OriginateResponse within the ring time and {} s; counted as "
                        + "a failed attempt", id, ORIGINATE_RESPONSE_GRACE.toSeconds());
                if (ringing.remove(id) != null) {
                    write(plan.notReached(id, now, "failed", "no OriginateResponse from Asterisk"));
                }
                return;
            }
            log.warn("callback {}: no answer from Asterisk about the call: {}", id, cause.toString());
            // the Originate may have reached Asterisk before the connection went: the customer may still answer,
            // so their call is let in until the ring time is over; then it was no attempt
            ifNoCallWithinRingTime(id, s, later -> plan.notRung(id, later, String.valueOf(cause.getMessage())));
            return;
        }
        if (result.success()) {
            write(plan.answered(id, now));
            // the customer's channel runs the callback context now; if its FastAGI session never comes, the
            // dialplan is wrong and the customer was dropped: count the attempt as failed rather than wait forever
            ifNoCallWithinRingTime(id, s, later -> {
                log.error("callback {}: the customer answered but no FastAGI session came from context {} "
                        + "(docs/asterisk.md)", id, s.context());
                return plan.lostOnTheWay(id, later, "answered, but the call never reached Hotline");
            });
            return;
        }
        ringing.remove(id);
        String outcome = switch (result.reason()) {
            case 1, 3 -> "no-answer";
            case 5 -> "busy";
            default -> "failed";
        };
        log.info("callback {}: {} ({}), reason {}", id, outcome, WireText.visible(request.number()),
                result.reason());
        write(plan.notReached(id, now, outcome, "Asterisk reason " + result.reason()));
    }

    /** After the ring time, on the engine's thread: if the customer's call has not come, what that means. */
    private void ifNoCallWithinRingTime(String requestId, CallbackSettings s,
                                        LongFunction<List<JournalRecord>> meaning) {
        desk.schedule(() -> engine.execute(later -> {
            if (ringing.remove(requestId) != null) {
                write(meaning.apply(later));
            }
        }), s.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void write(List<JournalRecord> records) {
        for (JournalRecord record : records) {
            if (record instanceof JournalRecord.CallbackClosed closed) {
                log.info("callback {}: closed, {} after {} attempt(s)", closed.requestId(), closed.outcome(),
                        closed.attempts());
            }
            journal.record(record);
        }
    }

    /** Stops ringing; the open requests stay in the journal for the next start. */
    @Override
    public void close() {
        desk.shutdownNow();
    }
}
