package dev.hotline.bridge.session;

import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.bridge.agi.server.AgiChannel;
import dev.hotline.bridge.agi.server.AgiScript;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.ivr.FlowListener;
import dev.hotline.ivr.FlowSet;
import dev.hotline.ivr.QueueHours;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI script Hotline serves: {@code agi://<hotline>/inbound} starts a {@link CallSession} for an inbound call;
 * {@code agi://<hotline>/answered?call=<id>}, run by Dial's {@code U()} option on the agent's channel the moment the
 * agent answers, tells that call's session (which tells the ACD) and returns at once;
 * {@code agi://<hotline>/callback?request=<id>}, run on a called-back customer's channel once they answer, starts a
 * session that queues the customer for the callback's business ({@link Callbacks}). Any other script name is closed,
 * so the dialplan goes on after {@code AGI()}.
 */
public final class CallSessions implements AgiScript {

    /** The network script of inbound calls. */
    public static final String INBOUND = "inbound";
    /** The network script Dial's U() subroutine runs when an agent answers. */
    public static final String ANSWERED = "answered";
    /** The network script a called-back customer's channel runs once they answer. */
    public static final String CALLBACK = "callback";

    private static final Logger LOG = LoggerFactory.getLogger(CallSessions.class);

    final EngineLoop loop;
    final Supplier<FlowSet> flows;
    final FlowListener flowListener;
    /** The queues' hours flows read ({@code queue_open}); none until the server gives them. */
    volatile QueueHours queueHours = QueueHours.NONE;
    final LookupService lookups;
    final IvrRequests requests;
    final SessionScheduler scheduler;
    /** Read by each session as it starts; a reload replaces it for the calls that start from then on. */
    private volatile SessionSettings settings;
    final CallTelephony telephony;
    final CallRecorder recorder;
    final Callbacks callbacks;
    private final Executor executor;
    private final ConcurrentHashMap<String, CallSession> live = new ConcurrentHashMap<>();
    private final AtomicLong unnamedCalls = new AtomicLong();
    /** Set as Hotline stops: the sessions closed from then on hand their calls back to Asterisk's dialplan. */
    private volatile boolean stopping;

    /**
     * @param loop         the engine loop the sessions talk to the ACD through
     * @param flows        the flows in force (a reload swaps them; running sessions keep the set they started with)
     * @param flowListener per-node IVR statistics, or {@link FlowListener#NONE}
     * @param lookups      performs the flows' HTTP lookups
     * @param requests     files recorded messages and callback requests
     * @param scheduler    the sessions' timers (periodic announcements)
     * @param executor     where session tasks run, one at a time per session (never the engine thread)
     * @param settings     music on hold, announcements, the answered context
     */
    public CallSessions(EngineLoop loop, Supplier<FlowSet> flows, FlowListener flowListener, LookupService lookups,
                        IvrRequests requests, SessionScheduler scheduler, Executor executor, SessionSettings settings) {
        this(loop, flows, flowListener, lookups, requests, scheduler, executor, settings, new CallTelephony(),
                CallRecorder.NONE, Callbacks.NONE);
    }

    /**
     * As the other constructor, noting each call's channel and recording in {@code telephony} for the call's record,
     * starting recordings through {@code recorder} when agents answer, and serving the callbacks {@code callbacks}
     * places.
     */
    public CallSessions(EngineLoop loop, Supplier<FlowSet> flows, FlowListener flowListener, LookupService lookups,
                        IvrRequests requests, SessionScheduler scheduler, Executor executor, SessionSettings settings,
                        CallTelephony telephony, CallRecorder recorder, Callbacks callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.flowListener = Objects.requireNonNull(flowListener, "flowListener");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings a call starting now takes. */
    SessionSettings settings() {
        return settings;
    }

    /** The queues' hours the flows of sessions that start from now on read as {@code queue_open}. */
    public void useQueueHours(QueueHours hours) {
        queueHours = Objects.requireNonNull(hours, "hours");
    }

    /**
     * Puts {@code next} in force for the calls that start from now on (music on hold, announcements, request time);
     * calls in progress keep the settings they started with, as they keep their flows.
     */
    public void useSettings(SessionSettings next) {
        settings = Objects.requireNonNull(next, "settings");
    }

    @Override
    public void onStart(AgiChannel channel, AgiEnvironment environment) {
        switch (environment.scriptName()) {
            case INBOUND -> begin(channel, environment, callIdOf(environment), Optional.empty());
            case CALLBACK -> {
                String requestId = environment.scriptParameters().getOrDefault("request", "");
                String callId = callIdOf(environment);
                Optional<Callbacks.CallbackCall> callback = callbacks.answered(requestId, callId);
                if (callback.isEmpty()) {
                    LOG.warn("FastAGI session {}: a customer answered callback '{}', which Hotline is not placing;"
                            + " they hear the busy prompt", WireText.visible(environment.channel()),
                            WireText.visible(requestId));
                    new CallSession(this, channel, environment, callId, new SerialMailbox(executor, "call " + callId),
                            Optional.empty()).refuse();
                    return;
                }
                begin(channel, environment, callId, Optional.of(new CallSession.Callback(requestId, callback.get())));
            }
            case ANSWERED -> {
                String callId = environment.scriptParameters().getOrDefault("call", "");
                CallSession session = live.get(callId);
                if (session == null) {
                    LOG.warn("agent channel {} answered call '{}', which has no session here",
                            WireText.visible(environment.channel()), WireText.visible(callId));
                } else {
                    session.agentAnswered();
                }
                channel.close();
            }
            default -> {
                LOG.warn("FastAGI session {} asked for unknown script '{}' (scripts: {}, {}, {}); the dialplan goes on",
                        WireText.visible(environment.channel()), WireText.visible(environment.networkScript()),
                        INBOUND, ANSWERED, CALLBACK);
                channel.close();
            }
        }
    }

    private void begin(AgiChannel channel, AgiEnvironment environment, String callId,
                       Optional<CallSession.Callback> callback) {
        String id = callId;
        CallSession session = new CallSession(this, channel, environment, id,
                new SerialMailbox(executor, "call " + id), callback);
        while (live.putIfAbsent(id, session) != null) {
            // two sessions with one uniqueid at the same instant (callIdOf looked before either was live)
            id = inUse(environment, id);
            session = new CallSession(this, channel, environment, id, new SerialMailbox(executor, "call " + id),
                    callback);
        }
        session.start();
    }

    /**
     * Another server's call with the same uniqueid is in progress: this one is a different caller, served under a name
     * of its own rather than turned away; the first call is not touched.
     */
    private String inUse(AgiEnvironment environment, String id) {
        String local = localCallId();
        LOG.warn("FastAGI session {}: call id {} is already in progress; this call goes on as {}. Two Asterisk servers "
                + "without a systemname can give two calls one uniqueid (docs/asterisk.md)",
                WireText.visible(environment.channel()), id, local);
        return local;
    }

    /** The calls whose sessions are running. */
    public int liveCalls() {
        return live.size();
    }

    void ended(CallSession session) {
        live.remove(session.callId(), session);
    }

    /**
     * Asterisk's unique id names the call (it is also the channel's CDR key). It goes into Dial's U() arguments, so
     * anything but letters, digits, '.', '_' and '-' is replaced by a local name.
     */
    private String callIdOf(AgiEnvironment environment) {
        String id = environment.uniqueId();
        if (id.matches("[A-Za-z0-9._-]{1,64}")) {
            return live.containsKey(id) ? inUse(environment, id) : id;
        }
        String local = localCallId();
        LOG.warn("FastAGI session {}: unique id '{}' is not usable as a call id; using {}",
                WireText.visible(environment.channel()), WireText.visible(id), local);
        return local;
    }

    /** A call id Hotline makes up; the time makes it unique across restarts too (it names records and files). */
    private String localCallId() {
        return "hotline-" + loop.now() + "-" + unnamedCalls.incrementAndGet();
    }

    /**
     * Hotline is stopping: the sessions closed from now on (FastAGI closes them all) tell the ACD their calls went
     * back to Asterisk's dialplan, which goes on after {@code AGI()}, rather than that their callers hung up.
     */
    public void stopping() {
        stopping = true;
    }

    boolean isStopping() {
        return stopping;
    }
}
