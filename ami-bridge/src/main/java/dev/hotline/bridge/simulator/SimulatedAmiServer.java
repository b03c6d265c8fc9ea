package dev.hotline.bridge.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A simulated Asterisk manager interface (AMI) on a loopback port: it plays Asterisk's side of AMI the way the
 * captures in {@code fixtures/asterisk/ami-*.txt} show it (banner, CRLF framing, header order, the exact response
 * and error texts), so the AMI client, the demo and the load harness run without an Asterisk.
 *
 * <p>It models what Hotline relies on: plain and MD5 (Challenge) login, Ping, Logoff, CoreShowChannels, Status,
 * Originate (through a {@link SimulatedDialplan}), Hangup, Redirect, Getvar/Setvar (channel and global variables,
 * {@code CALLERID(num|name)}, {@code DEVICE_STATE(dev)}), MixMonitor, DeviceStateList, CoreSettings and a few CLI
 * {@code Command}s. Channel events are the ones Hotline consumes (DeviceStateChange, Hangup, OriginateResponse,
 * Shutdown, FullyBooted, SuccessfulAuth, RequestBadFormat); dialplan noise such as Newexten or VarSet is not
 * simulated. Tests drive faults with {@link #dropConnections()}, {@link #stopAnswering()} and
 * {@link #shutdown(boolean)}.
 *
 * <p>One thread per AMI client: a simulator serves a handful of clients, so blocking sockets keep it plain.
 */
public final class SimulatedAmiServer implements AutoCloseable {

    /** The banner a real Asterisk 22 sends, one line, not followed by an empty line. */
    public static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    /** The version the fixtures were captured from; CoreSettings and {@code core show version} report it. */
    public static final String ASTERISK_VERSION = "GIT-22-22.0.0-pre1-541-g69535d4837";

    /** An action a client sent, in arrival order, for tests to inspect. */
    public record ReceivedAction(int session, List<Map.Entry<String, String>> headers) {
        public ReceivedAction {
            headers = List.copyOf(headers);
        }

        /** The Action header. */
        public String name() {
            return new AmiFrame(headers).get("Action");
        }

        /** The first value of a header (case-insensitive name), or null. */
        public String get(String header) {
            return new AmiFrame(headers).get(header);
        }
    }

    /**
     * Plays the far end of the Originates routed to it ({@link #route}) in its own time, as a coupled
     * {@link SimulatedAsterisk} rings its called-back customers: the outcome comes when the far end answers or the
     * Originate's Timeout passes, not while the action is being answered.
     */
    @FunctionalInterface
    interface OriginateRoute {
        /**
         * Starts ringing; the stage completes (never exceptionally) with the outcome.
         *
         * @param timeout the Originate's ring timeout, simulated time (Asterisk's default 30 s when absent)
         */
        CompletionStage<SimulatedDialplan.Outcome> originate(SimulatedDialplan.Request request, Duration timeout);
    }

    private record Route(Predicate<SimulatedDialplan.Request> takes, OriginateRoute route) {
    }

    private final int port;
    private volatile ServerSocket serverSocket;
    private final Map<String, String> users;
    private final Clock clock;
    private final Instant startedAt;
    private final SimulatedDialplan dialplan;
    private volatile Thread acceptor;
    private final List<AmiSimSession> sessions = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ReceivedAction> received = new LinkedBlockingQueue<>();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final AtomicInteger successfulLogins = new AtomicInteger();
    private final AtomicLong uniqueSeq = new AtomicLong();
    private final AtomicLong channelSeq = new AtomicLong();
    private final ReentrantLock model = new ReentrantLock();
    private final Map<String, SimulatedChannel> channels = new LinkedHashMap<>();
    /**
     * What a client's Hangup action does beyond the channel table: the caller of a coupled {@link SimulatedAsterisk}
     * call is hung up, as Asterisk would tear the channel down under its AGI session.
     */
    private final Map<String, Runnable> farEnds = new ConcurrentHashMap<>();
    /** Where Originates go that the {@link SimulatedDialplan} does not answer; the first that takes one. */
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Map<String, String> deviceStates = new LinkedHashMap<>();
    private final Map<String, String> globals = new HashMap<>();
    private final Map<String, String> recordings = new LinkedHashMap<>();
    private volatile boolean answering = true;
    private volatile boolean closed;

    private SimulatedAmiServer(Map<String, String> users, Clock clock, SimulatedDialplan dialplan) throws IOException {
        this.users = Map.copyOf(users);
        this.clock = clock;
        this.startedAt = clock.instant();
        this.dialplan = dialplan;
        this.serverSocket = listen(0);
        this.port = serverSocket.getLocalPort();
        this.acceptor = startAccepting(serverSocket);
    }

    /** Starts a simulator on a free loopback port with the given AMI users (username to secret). */
    public static SimulatedAmiServer start(Map<String, String> users) {
        return start(users, Clock.systemUTC(), SimulatedDialplan.devicesAnswer());
    }

    /** Starts a simulator with an explicit clock (uniqueids, timestamps) and dialplan. */
    public static SimulatedAmiServer start(Map<String, String> users, Clock clock, SimulatedDialplan dialplan) {
        try {
            return new SimulatedAmiServer(users, clock, dialplan);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated AMI: cannot bind a loopback port", e);
        }
    }

    /** The loopback port clients connect to. */
    public int port() {
        return port;
    }

    /**
     * The manager port goes away: every connection is cut and new ones are refused (a firewall change, the AMI
     * module unloaded, a network cut between Hotline and Asterisk), while the simulated telephony state and the
     * calls go on. {@link #resumeListening()} opens the same port again.
     */
    public void stopListening() {
        closeQuietly(serverSocket);
        join(acceptor);
        dropConnections();
    }

    /** Listens on the same port again after {@link #stopListening()}. */
    public void resumeListening() {
        if (!serverSocket.isClosed()) {
            return;
        }
        try {
            serverSocket = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated AMI: cannot listen on port " + port + " again", e);
        }
        acceptor = startAccepting(serverSocket);
    }

    /** How many logins succeeded since start (each reconnect of a client counts). */
    public int successfulLogins() {
        return successfulLogins.get();
    }

    /** Clients connected right now. */
    public int connectedClients() {
        return (int) sessions.stream().filter(AmiSimSession::isOpen).count();
    }

    /** Waits for the next action with this name (case-insensitive), skipping others; null on timeout. */
    public ReceivedAction awaitAction(String action, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ReceivedAction next = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (next == null) {
                return null;
            }
            if (action.equalsIgnoreCase(next.name())) {
                return next;
            }
        }
    }

    // ---- the simulated telephony state -------------------------------------------------------------------------

    /** Adds (or replaces) a channel; no event is sent, as if it existed before the client connected. */
    public void addChannel(SimulatedChannel channel) {
        locked(() -> channels.put(channel.name(), channel));
    }

    /** The channel table, in creation order. */
    public List<SimulatedChannel> channels() {
        return locked(() -> List.copyOf(channels.values()));
    }

    /** MixMonitor recordings started so far: channel name to file name. */
    public Map<String, String> recordings() {
        return locked(() -> Map.copyOf(recordings));
    }

    /** A global dialplan variable as Setvar left it, or null. */
    public String globalVariable(String name) {
        return locked(() -> globals.get(name));
    }

    /** Sets a device state and sends {@code DeviceStateChange} to every client that takes events. */
    public void setDeviceState(String device, String state) {
        locked(() -> deviceStates.put(device, state));
        broadcast(new AmiOut().add("Event", "DeviceStateChange").add("Privilege", "call,all")
                .add("Device", device).add("State", state));
    }

    /** Hangs up a channel (and the other half of a Local pair) as if its far end hung up, sending Hangup events. */
    public boolean hangUp(String channelName, int cause) {
        List<SimulatedChannel> gone = locked(() -> removeWithPartner(channelName));
        gone.forEach(channel -> farEnds.remove(channel.name()));
        for (SimulatedChannel channel : gone) {
            broadcast(hangupEvent(channel, cause));
        }
        return !gone.isEmpty();
    }

    /** Sends an event built by the caller (header name/value pairs after {@code Event}) to clients taking events. */
    public void emitEvent(String event, Map<String, String> headers) {
        AmiOut out = new AmiOut().add("Event", event);
        headers.forEach(out::add);
        broadcast(out);
    }

    /**
     * Plays {@code core stop now} / {@code core restart now}: {@code Event: Shutdown} to every client, then the
     * server closes each connection (FIN), as {@code ami-shutdown-restart.txt} shows. The port keeps listening, as
     * a restarted Asterisk accepts new connections within a second.
     */
    public void shutdown(boolean restart) {
        broadcast(new AmiOut().add("Event", "Shutdown").add("Privilege", "system,all").add("Shutdown", "Cleanly")
                .add("Restart", restart ? "True" : "False"));
        dropConnections();
    }

    /** Closes every client connection at once, without a word: a crash or a network cut. */
    public void dropConnections() {
        for (AmiSimSession session : sessions) {
            session.close();
        }
    }

    /**
     * Half-open connection: from now on the simulator reads actions but answers nothing and sends no event, like
     * a peer that vanished without a FIN. {@link #resumeAnswering()} ends it.
     */
    public void stopAnswering() {
        answering = false;
    }

    /** Ends {@link #stopAnswering()}. */
    public void resumeAnswering() {
        answering = true;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        dropConnections();
        join(acceptor);
    }

    // ---- used by the sessions --------------------------------------------------------------------------------

    boolean answering() {
        return answering;
    }

    void record(int session, AmiFrame frame) {
        received.add(new ReceivedAction(session, frame.headers()));
    }

    String secretOf(String username) {
        return users.get(username);
    }

    void loggedIn() {
        successfulLogins.incrementAndGet();
    }

    Instant now() {
        return clock.instant();
    }

    long uptimeSeconds() {
        return Duration.between(startedAt, clock.instant()).toSeconds();
    }

    /** Timestamp as Ping and events print it: seconds with six decimals. */
    String timestamp() {
        Instant now = clock.instant();
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    }

    SimulatedChannel channel(String name) {
        return locked(() -> channels.get(name));
    }

    /** Device states in the order the simulator first heard of them, as DeviceStateList lists them. */
    Map<String, String> deviceSnapshot() {
        return locked(() -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deviceStates)));
    }

    String deviceState(String device) {
        return locked(() -> deviceStates.getOrDefault(device, "UNKNOWN"));
    }

    void setVariable(String channelName, String variable, String value) {
        locked(() -> {
            if (channelName == null) {
                globals.put(variable, value);
            } else {
                channels.computeIfPresent(channelName, (n, c) -> c.withVariable(variable, value));
            }
            return null;
        });
    }

    String globalOrNull(String variable) {
        return locked(() -> globals.get(variable));
    }

    void redirect(String channelName, String context, String exten, int priority) {
        locked(() -> channels.computeIfPresent(channelName, (n, c) -> c.redirectedTo(context, exten, priority)));
    }

    void startRecording(String channelName, String file) {
        locked(() -> recordings.put(channelName, file));
    }

    List<SimulatedChannel> hangUpFromAction(String channelName) {
        List<SimulatedChannel> gone = locked(() -> removeWithPartner(channelName));
        for (SimulatedChannel channel : gone) {
            Runnable farEnd = farEnds.remove(channel.name());
            if (farEnd != null) {
                farEnd.run();
            }
        }
        return gone;
    }

    /** {@code hangUp} runs when a client's Hangup action hangs up {@code channelName} (see {@link #farEnds}). */
    void whenHungUpByAction(String channelName, Runnable hangUp) {
        farEnds.put(channelName, hangUp);
    }

    /**
     * Originates {@code takes} picks are played by {@code route} instead of the {@link SimulatedDialplan}; running
     * the returned {@code Runnable} removes the route again.
     */
    Runnable route(Predicate<SimulatedDialplan.Request> takes, OriginateRoute route) {
        Route added = new Route(takes, route);
        routes.add(added);
        return () -> routes.remove(added);
    }

    /** The route that takes this Originate, if one does; otherwise the dialplan answers it. */
    Optional<OriginateRoute> routeOf(SimulatedDialplan.Request request) {
        return routes.stream().filter(r -> r.takes().test(request)).map(Route::route).findFirst();
    }

    SimulatedDialplan.Outcome originate(SimulatedDialplan.Request request) {
        SimulatedDialplan.Outcome outcome = dialplan.originate(request, channelFactory());
        if (outcome instanceof SimulatedDialplan.Answered answered) {
            locked(() -> {
                answered.created().forEach(c -> channels.put(c.name(), c));
                return null;
            });
        }
        return outcome;
    }

    void broadcast(AmiOut event) {
        for (AmiSimSession session : sessions) {
            session.sendEvent(event);
        }
    }

    AmiOut hangupEvent(SimulatedChannel channel, int cause) {
        return AmiSimSession.channelHeaders(new AmiOut().add("Event", "Hangup").add("Privilege", "call,all"), channel)
                .add("Cause", Integer.toString(cause)).add("Cause-txt", causeText(cause));
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 34 -> "Circuit/channel congestion";
            default -> "Unknown";
        };
    }

    private List<SimulatedChannel> removeWithPartner(String channelName) {
        SimulatedChannel channel = channels.remove(channelName);
        if (channel == null) {
            return List.of();
        }
        List<SimulatedChannel> gone = new ArrayList<>(List.of(channel));
        if (channelName.endsWith(";1") || channelName.endsWith(";2")) {
            String partner = channelName.substring(0, channelName.length() - 1) + (channelName.endsWith(";1") ? "2" : "1");
            SimulatedChannel other = channels.remove(partner);
            if (other != null) {
                gone.add(other);
            }
        }
        gone.sort(Comparator.comparing(SimulatedChannel::name));
        return gone;
    }

    private SimulatedDialplan.ChannelFactory channelFactory() {
        return new SimulatedDialplan.ChannelFactory() {
            @Override
            public String nextUniqueid() {
                return clock.instant().getEpochSecond() + "." + uniqueSeq.getAndIncrement();
            }

            @Override
            public String nextSequence() {
                return String.format("%08x", channelSeq.getAndIncrement());
            }

            @Override
            public String deviceState(String device) {
                return SimulatedAmiServer.this.deviceState(device);
            }

            @Override
            public SimulatedChannel up(String name, String uniqueid, String linkedid, String callerIdNum,
                                       String callerIdName, String context, String exten, int priority,
                                       String application, String appData, String bridgeId) {
                return new SimulatedChannel(name, uniqueid, linkedid, 6, callerIdNum, callerIdName, callerIdNum,
                        callerIdName, context, exten, priority, application, appData, bridgeId, clock.instant(),
                        Map.of());
            }
        };
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        // a restarted listener takes its port back at once, as Asterisk does after a restart
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private Thread startAccepting(ServerSocket listening) {
        return Thread.ofPlatform().daemon().name("sim-ami-accept-" + listening.getLocalPort())
                .start(() -> acceptLoop(listening));
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket cannot fail in a way a simulator user could act on
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(ServerSocket listening) {
        while (!closed && !listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                AmiSimSession session = new AmiSimSession(this, sessionCounter.incrementAndGet(), socket);
                sessions.add(session);
                Thread.ofPlatform().daemon().name("sim-ami-session-" + session.id()).start(() -> {
                    try {
                        session.run();
                    } finally {
                        sessions.remove(session);
                    }
                });
            } catch (IOException e) {
                if (!closed && !listening.isClosed()) {
                    throw new UncheckedIOException("simulated AMI: accept failed on port " + port, e);
                }
            }
        }
    }

    private <T> T locked(java.util.function.Supplier<T> read) {
        model.lock();
        try {
            return read.get();
        } finally {
            model.unlock();
        }
    }

    @Override
    public String toString() {
        return "SimulatedAmiServer[127.0.0.1:" + port() + ", users " + users.keySet() + "]";
    }
}
