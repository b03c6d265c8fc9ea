package dev.hotline.bridge.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A simulated Asterisk on the FastAGI side: it places inbound calls into a FastAGI server the way Asterisk 22's
 * {@code AGI(agi://host:port/inbound)} does (the environment block byte for byte in the order of
 * {@code fixtures/asterisk/agi-*.txt}, LF-terminated lines, the same replies, the unsolicited {@code HANGUP} line),
 * and plays the agents' phones behind {@code EXEC Dial}: ringing, answering (running the documented
 * {@code hotline-answered} subroutine as a second FastAGI session, as Dial's {@code U()} option does), talking and
 * hanging up, or ringing until Dial gives up.
 *
 * <p>Callers follow a {@link SimulatedCaller} script, agents a {@link SimulatedAgent} per endpoint. Time is real,
 * scaled by {@link Timing}: every simulated second (the ones Hotline writes into its commands, Dial's ring timeout,
 * digit timeouts, and the callers' and agents' scripts) lasts {@link Timing#second()}, so tests run the same
 * protocol in milliseconds.
 *
 * <p><b>Coupled to a {@link SimulatedAmiServer}</b> ({@link Builder#ami}), it also tells AMI what a real Asterisk
 * would: each call's channel (listed by CoreShowChannels, a {@code Hangup} event when it ends), the agent's phone
 * ringing, in use and free again ({@code DeviceStateChange} RINGING, INUSE, NOT_INUSE, and the agent channel's
 * {@code Hangup}), and private calls Hotline did not place ({@link #startPrivateCall}).
 *
 * <p><b>Callbacks.</b> Coupled to AMI, it also plays the customers Hotline calls back: an Originate into the callback
 * context ({@link CallbackDialplan}) rings the customer ({@link Builder#customer}) instead of going to the server's
 * {@link SimulatedDialplan}. The action is queued at once; the {@code OriginateResponse} comes when the customer
 * answers (Reason 4, naming their channel, which AMI then lists) or the Originate's Timeout passes (Reason 3), or at
 * once for a busy line (Reason 5). An answered customer's channel then runs
 * {@code AGI(agi://host:port/callback?request=${HOTLINE_CALLBACK})} into Hotline, a session served like an inbound
 * call's ({@link #answeredCallback}).
 *
 * <p>One virtual thread per call with blocking sockets: a simulator places a modest number of calls at once.
 */
public final class SimulatedAsterisk implements AutoCloseable {

    /** The dialplan context of the agent-answered subroutine (docs/asterisk.md) and the script it runs. */
    static final String ANSWERED_CONTEXT = "hotline-answered";
    /** OriginateResponse Reasons (Asterisk's {@code AST_CONTROL_*} numbers): failed, hung up, no answer, busy. */
    private static final int ORIGINATE_FAILED = 0;
    private static final int ORIGINATE_HUNG_UP = 1;
    private static final int ORIGINATE_NO_ANSWER = 3;
    private static final int ORIGINATE_BUSY = 5;

    /**
     * How long simulated time lasts.
     *
     * @param second        the real length of one simulated second
     * @param promptSeconds how many (simulated) seconds every prompt plays; STREAM FILE's endpos follows from it
     */
    public record Timing(Duration second, double promptSeconds) {
        public Timing {
            Objects.requireNonNull(second, "second");
            if (second.isNegative() || second.isZero() || promptSeconds < 0) {
                throw new IllegalArgumentException("a simulated second must be positive and prompts not negative: "
                        + second + ", " + promptSeconds);
            }
        }

        /** Real time, with one-second prompts. */
        public static Timing realTime() {
            return new Timing(Duration.ofSeconds(1), 1);
        }

        /** {@code scaled(Duration.ofMillis(5))}: Hotline's 15 s ring timeout lasts 75 ms; prompts one such second. */
        public static Timing scaled(Duration second) {
            return new Timing(second, 1);
        }

        /** The same second, with prompts that play {@code seconds} each. */
        public Timing withPrompts(double seconds) {
            return new Timing(second, seconds);
        }

        /** The real length of a simulated duration. */
        public Duration real(Duration simulated) {
            return seconds(simulated.toNanos() / 1e9);
        }

        Duration seconds(double simulated) {
            return Duration.ofNanos(Math.round(second.toNanos() * simulated));
        }

        Duration prompt() {
            return seconds(promptSeconds);
        }
    }

    /**
     * Where inbound calls enter Hotline: the dialplan line {@code exten => _X.,1,AGI(agi://host:port/<script>,
     * <arguments>)} in {@code context}.
     *
     * @param networkScript the URL path after {@code host:port/}, query included ({@code inbound?lang=en})
     * @param arguments     the AGI() arguments ({@code agi_arg_N}); {@code ${EXTEN}} stands for the dialled number
     * @param context       the dialplan context ({@code agi_context})
     */
    public record Dialplan(String networkScript, List<String> arguments, String context) {
        public Dialplan {
            Objects.requireNonNull(networkScript, "networkScript");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(context, "context");
        }

        /** The documented dialplan: {@code [from-pstn] AGI(agi://hotline-host:4573/inbound)}. */
        public static Dialplan inbound() {
            return new Dialplan("inbound", List.of(), "from-pstn");
        }

        List<String> argumentsFor(String exten) {
            return arguments.stream().map(a -> a.replace("${EXTEN}", exten)).toList();
        }
    }

    /**
     * Where called-back customers enter Hotline: Hotline originates into {@code context}, whose dialplan is
     * {@code exten => _X.,1,AGI(agi://host:port/<networkScript>)} on the customer's answered channel.
     *
     * @param context       the context Hotline's callback Originates name ({@code agi_context})
     * @param networkScript the URL path after {@code host:port/}; {@code ${NAME}} stands for the Originate's
     *                      {@code Variable: NAME=value} (empty when the Originate did not set it, as in Asterisk)
     */
    public record CallbackDialplan(String context, String networkScript) {
        public CallbackDialplan {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(networkScript, "networkScript");
        }

        /**
         * The documented dialplan: {@code [hotline-callback] exten => _X.,1,AGI(agi://hotline-host:4573/
         * callback?request=${HOTLINE_CALLBACK})}.
         */
        public static CallbackDialplan documented() {
            return new CallbackDialplan("hotline-callback", "callback?request=${HOTLINE_CALLBACK}");
        }

        /** The same script, in another context. */
        public CallbackDialplan inContext(String otherContext) {
            return new CallbackDialplan(otherContext, networkScript);
        }

        /** The AGI() line the channel of an Originate carrying {@code variables} runs. */
        Dialplan lineFor(Map<String, String> variables) {
            return new Dialplan(AsteriskWords.substitute(networkScript, name -> variables.getOrDefault(name, "")),
                    List.of(), context);
        }
    }

    /** Sets up a {@link SimulatedAsterisk}; every setting but the FastAGI address has a default. */
    public static final class Builder {
        private final InetSocketAddress fastAgi;
        private final Map<String, SimulatedAgent> agents = new HashMap<>();
        private Function<String, SimulatedAgent> otherAgents = endpoint -> SimulatedAgent.neverAnswers();
        private Timing timing = Timing.realTime();
        private Dialplan dialplan = Dialplan.inbound();
        private final Map<String, SimulatedCustomer> customers = new HashMap<>();
        private CallbackDialplan callbacks = CallbackDialplan.documented();
        private Predicate<String> soundExists = sound -> true;
        private SimulatedAmiServer ami;
        private Collection<String> devices = List.of();
        private String systemName = "";

        private Builder(InetSocketAddress fastAgi) {
            this.fastAgi = Objects.requireNonNull(fastAgi, "fastAgi");
        }

        /** How the phone at {@code endpoint} ({@code PJSIP/1001}) behaves when dialled. */
        public Builder agent(String endpoint, SimulatedAgent agent) {
            agents.put(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(agent, "agent"));
            return this;
        }

        /** How every phone without its own {@link #agent} behaves (default: it never answers). */
        public Builder otherAgents(SimulatedAgent agent) {
            Objects.requireNonNull(agent, "agent");
            this.otherAgents = endpoint -> agent;
            return this;
        }

        /**
         * How a phone without its own {@link #agent} behaves, asked afresh at every Dial (so agents may answer
         * after a different time on every call). Called from the calls' threads at once: it must be thread-safe.
         */
        public Builder otherAgents(Function<String, SimulatedAgent> byEndpoint) {
            this.otherAgents = Objects.requireNonNull(byEndpoint, "byEndpoint");
            return this;
        }

        /**
         * asterisk.conf's {@code systemname}: channel uniqueids become {@code <name>-<epoch>.<n>}, as Asterisk makes
         * them, so that two servers' calls never share an id (default: none, {@code <epoch>.<n>}).
         */
        public Builder systemName(String name) {
            this.systemName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How long a simulated second lasts (default: real time). */
        public Builder timing(Timing timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /** Where calls enter Hotline (default {@link Dialplan#inbound()}). */
        public Builder dialplan(Dialplan dialplan) {
            this.dialplan = Objects.requireNonNull(dialplan, "dialplan");
            return this;
        }

        /**
         * How the customer at {@code number} behaves when Hotline calls them back; a number without a customer of
         * its own never answers ({@link SimulatedCustomer#neverAnswers()}).
         */
        public Builder customer(String number, SimulatedCustomer customer) {
            customers.put(Objects.requireNonNull(number, "number"), Objects.requireNonNull(customer, "customer"));
            return this;
        }

        /** The context whose Originates are callbacks (default {@code hotline-callback}); the script stays. */
        public Builder callbackContext(String context) {
            this.callbacks = callbacks.inContext(Objects.requireNonNull(context, "context"));
            return this;
        }

        /** Where called-back customers enter Hotline (default {@link CallbackDialplan#documented()}). */
        public Builder callbackDialplan(CallbackDialplan callbacks) {
            this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
            return this;
        }

        /** Which sound files exist (default: all); STREAM FILE of a missing one answers {@code result=-1 endpos=0}. */
        public Builder soundExists(Predicate<String> soundExists) {
            this.soundExists = Objects.requireNonNull(soundExists, "soundExists");
            return this;
        }

        /**
         * Reports channels and device states to this simulated AMI; {@code devices} (the agents' phones) start
         * there as {@code NOT_INUSE}, as DeviceStateList lists registered idle phones.
         */
        public Builder ami(SimulatedAmiServer ami, Collection<String> devices) {
            this.ami = Objects.requireNonNull(ami, "ami");
            this.devices = List.copyOf(devices);
            return this;
        }

        public SimulatedAsterisk build() {
            SimulatedAsterisk asterisk = new SimulatedAsterisk(this);
            asterisk.routeCallbacks();
            return asterisk;
        }
    }

    private final InetSocketAddress fastAgi;
    private final Map<String, SimulatedAgent> agents;
    private final Function<String, SimulatedAgent> otherAgents;
    private final Timing timing;
    /** Prefixes uniqueids as asterisk.conf's {@code systemname} does; empty for none. */
    private final String uniqueIdPrefix;
    private final Dialplan dialplan;
    private final Predicate<String> soundExists;
    private final Optional<SimulatedAmiServer> ami;
    private final Map<String, SimulatedCustomer> customers;
    private final CallbackDialplan callbacks;
    private final Map<String, AtomicInteger> callbackAttempts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<SimulatedCall>> answeredCallbacks = new ConcurrentHashMap<>();
    /** Takes the callback route off the AMI server again. */
    private volatile Runnable uncouple = () -> { };
    private volatile boolean closed;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sim-asterisk-", 0).factory());
    /** Phones in a conversation (a Hotline call or a private one): Dial finds them BUSY. */
    private final Set<String> inUse = ConcurrentHashMap.newKeySet();
    private final Map<String, SimulatedChannel> privateCalls = new ConcurrentHashMap<>();
    private final Set<SimulatedCall> live = ConcurrentHashMap.newKeySet();
    private final long epochSeconds = System.currentTimeMillis() / 1000;
    private final AtomicLong uniqueSeq = new AtomicLong();
    private final AtomicLong channelSeq = new AtomicLong();

    private SimulatedAsterisk(Builder builder) {
        this.fastAgi = builder.fastAgi;
        this.agents = Map.copyOf(builder.agents);
        this.otherAgents = builder.otherAgents;
        this.timing = builder.timing;
        this.uniqueIdPrefix = builder.systemName.isEmpty() ? "" : builder.systemName + "-";
        this.dialplan = builder.dialplan;
        this.soundExists = builder.soundExists;
        this.ami = Optional.ofNullable(builder.ami);
        this.customers = Map.copyOf(builder.customers);
        this.callbacks = builder.callbacks;
        ami.ifPresent(server -> builder.devices.forEach(device -> server.setDeviceState(device, "NOT_INUSE")));
    }

    /** A simulated Asterisk that places its calls into the FastAGI server at {@code fastAgi}. */
    public static Builder builder(InetSocketAddress fastAgi) {
        return new Builder(fastAgi);
    }

    /** Places one inbound call; it runs on its own until it ends (see {@link SimulatedCall#ended()}). */
    public SimulatedCall call(SimulatedCaller caller) {
        String uniqueId = nextUniqueId();
        AgiEntry trunk = new AgiEntry(dialplan, "PJSIP/trunk-" + nextChannelSuffix(), AgiEntry.RING, caller.dialled(),
                Map.of());
        return place(uniqueId, caller, trunk, channel -> { });
    }

    /** Runs a call on its own thread from its channel's entry into Hotline until it ends. */
    private SimulatedCall place(String uniqueId, SimulatedCaller caller, AgiEntry entry,
                                Consumer<SimulatedChannel> entered) {
        SimulatedCall call = new SimulatedCall(uniqueId, caller);
        live.add(call);
        call.ended().whenComplete((outcome, failure) -> live.remove(call));
        // patience is for waiting: a caller an agent has answered stays until the conversation ends
        caller.patience().ifPresent(patience -> CompletableFuture.delayedExecutor(timing.real(patience).toNanos(),
                TimeUnit.NANOSECONDS).execute(() -> {
                    if (!call.answered().isDone()) {
                        call.hangUp();
                    }
                }));
        threads.execute(() -> new InboundLeg(this, call, entry, entered).run());
        return call;
    }

    /**
     * Completes with the call of the first callback the customer at {@code number} answered: its FastAGI session on
     * the customer's channel, with {@link SimulatedCall#answered()} and {@link SimulatedCall#ended()} as for an
     * inbound call. Never completes if they do not answer.
     */
    public CompletableFuture<SimulatedCall> answeredCallback(String number) {
        return answeredCallbacks.computeIfAbsent(number, n -> new CompletableFuture<>());
    }

    /** How many callback Originates have rung {@code number} so far (busy, unanswered and answered alike). */
    public int callbackAttempts(String number) {
        AtomicInteger attempts = callbackAttempts.get(number);
        return attempts == null ? 0 : attempts.get();
    }

    /** The calls not yet ended. */
    public int liveCalls() {
        return live.size();
    }

    /**
     * The agent at {@code endpoint} picks up the phone for a call Hotline did not give them (a private call, an
     * internal call): Dial finds the phone BUSY and, with AMI coupled, the device is INUSE with a channel of its own.
     *
     * @return false if the phone is already in a conversation
     */
    public boolean startPrivateCall(String endpoint) {
        if (!inUse.add(endpoint)) {
            return false;
        }
        ami.ifPresent(server -> {
            SimulatedChannel channel = channel(endpoint + "-" + nextChannelSuffix(), nextUniqueId(), 6, endpoint,
                    "", "from-internal", "private", "Dial", "");
            privateCalls.put(endpoint, channel);
            server.addChannel(channel);
            server.setDeviceState(endpoint, "INUSE");
        });
        return true;
    }

    /** Ends a private call started by {@link #startPrivateCall}: the phone is free again. */
    public void endPrivateCall(String endpoint) {
        SimulatedChannel channel = privateCalls.remove(endpoint);
        if (channel != null) {
            ami.ifPresent(server -> {
                server.hangUp(channel.name(), 16);
                server.setDeviceState(endpoint, "NOT_INUSE");
            });
        }
        inUse.remove(endpoint);
    }

    /** Hangs up every caller and answered callback still on the line and stops; later callbacks go to no one. */
    @Override
    public void close() {
        closed = true;
        uncouple.run();
        live.forEach(SimulatedCall::hangUp);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------ callbacks

    /** With AMI coupled, Originates into the callback context ring this Asterisk's customers. */
    private void routeCallbacks() {
        ami.ifPresent(server -> uncouple = server.route(
                request -> request.context().equals(callbacks.context()), this::ringCustomer));
    }

    /** One callback Originate: rings the customer; the outcome comes when they answer, or the Timeout passes. */
    private CompletableFuture<SimulatedDialplan.Outcome> ringCustomer(SimulatedDialplan.Request request,
                                                                     Duration timeout) {
        Optional<String> number = customerNumber(request);
        if (number.isEmpty() || closed) {
            // no number to ring (or no Asterisk any more): Asterisk's "failed" reason
            return CompletableFuture.completedFuture(new SimulatedDialplan.Failed(ORIGINATE_FAILED));
        }
        callbackAttempts.computeIfAbsent(number.get(), n -> new AtomicInteger()).incrementAndGet();
        SimulatedCustomer customer = customers.getOrDefault(number.get(), SimulatedCustomer.neverAnswers());
        CompletableFuture<SimulatedDialplan.Outcome> outcome = new CompletableFuture<>();
        if (customer.lineBusy()) {
            outcome.complete(new SimulatedDialplan.Failed(ORIGINATE_BUSY));
            return outcome;
        }
        // a ring longer than the Originate's Timeout is no answer: Asterisk gives up when the Timeout passes
        Optional<Duration> answersAfter = customer.answerAfter().filter(ring -> ring.compareTo(timeout) <= 0);
        CompletableFuture.delayedExecutor(timing.real(answersAfter.orElse(timeout)).toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> {
                    if (answersAfter.isPresent() && !closed) {
                        answer(number.get(), customer, request, outcome);
                    } else {
                        outcome.complete(new SimulatedDialplan.Failed(ORIGINATE_NO_ANSWER));
                    }
                });
        return outcome;
    }

    /**
     * The customer picks up: their channel comes up, the OriginateResponse names it (as the channel enters, before
     * AGI() connects) and the callback context's AGI() line runs on it into Hotline.
     */
    private void answer(String number, SimulatedCustomer customer, SimulatedDialplan.Request request,
                        CompletableFuture<SimulatedDialplan.Outcome> outcome) {
        String uniqueId = nextUniqueId();
        String exten = request.exten().isEmpty() ? number : request.exten();
        AgiEntry entry = new AgiEntry(callbacks.lineFor(request.variables()),
                originatedChannel(request.channel(), nextChannelSuffix()), AgiEntry.UP, exten, request.variables());
        try {
            SimulatedCall call = place(uniqueId, customer.onTheLine(request.callerIdNum(), request.callerIdName(),
                    number), entry, up -> outcome.complete(new SimulatedDialplan.Answered(up, List.of(up))));
            answeredCallback(number).complete(call);
        } catch (RejectedExecutionException e) {
            // closed while the phone rang: the channel never runs its dialplan
            outcome.complete(new SimulatedDialplan.Failed(ORIGINATE_HUNG_UP));
        }
    }

    /** The number a callback rings: the Originate's Exten, or the {@code <number>} of {@code PJSIP/<number>@trunk}. */
    static Optional<String> customerNumber(SimulatedDialplan.Request request) {
        if (SimulatedCaller.isNumber(request.exten())) {
            return Optional.of(request.exten());
        }
        String channel = request.channel();
        int at = channel.indexOf('@');
        String resource = channel.substring(channel.indexOf('/') + 1, at < 0 ? channel.length() : at);
        return SimulatedCaller.isNumber(resource) ? Optional.of(resource) : Optional.empty();
    }

    /**
     * The name Asterisk gives an originated channel: the endpoint it went out on and a sequence, so
     * {@code PJSIP/13911112222@trunk} becomes {@code PJSIP/trunk-0000000c}, {@code PJSIP/1001}
     * {@code PJSIP/1001-0000000d}.
     */
    static String originatedChannel(String dialString, String suffix) {
        int slash = dialString.indexOf('/');
        int at = dialString.indexOf('@', slash + 1);
        String endpoint = at < 0 ? dialString.substring(slash + 1) : dialString.substring(at + 1);
        return dialString.substring(0, slash + 1) + endpoint + "-" + suffix;
    }

    // ------------------------------------------------------------------------------------------ for the legs

    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(fastAgi, 5_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    int fastAgiPort() {
        return fastAgi.getPort();
    }

    Timing timing() {
        return timing;
    }

    boolean soundExists(String sound) {
        return soundExists.test(sound);
    }

    SimulatedAgent agent(String endpoint) {
        SimulatedAgent agent = agents.get(endpoint);
        return agent != null ? agent : Objects.requireNonNull(otherAgents.apply(endpoint), "agent of " + endpoint);
    }

    Optional<SimulatedAmiServer> ami() {
        return ami;
    }

    /** Marks the agent's phone in a conversation; false if it already is (Dial then finds it BUSY). */
    boolean startTalking(String endpoint) {
        return inUse.add(endpoint);
    }

    void stopTalking(String endpoint) {
        inUse.remove(endpoint);
    }

    String nextUniqueId() {
        return uniqueIdPrefix + epochSeconds + "." + uniqueSeq.incrementAndGet();
    }

    /** Asterisk's channel-name suffix: an 8-digit hex sequence ({@code PJSIP/trunk-0000000a}). */
    String nextChannelSuffix() {
        return String.format("%08x", channelSeq.getAndIncrement());
    }

    /** A channel as AMI reports it; {@code state} 4 Ring, 5 Ringing, 6 Up. */
    static SimulatedChannel channel(String name, String uniqueId, int state, String callerId, String linkedId,
                                    String context, String exten, String application, String appData) {
        return new SimulatedChannel(name, uniqueId, linkedId.isEmpty() ? uniqueId : linkedId, state, callerId, "",
                "", "", context, exten, 1, application, appData, "", Instant.now(), Map.of());
    }
}
