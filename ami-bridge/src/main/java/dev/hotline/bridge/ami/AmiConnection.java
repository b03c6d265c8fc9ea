package dev.hotline.bridge.ami;

import dev.hotline.bridge.ami.internal.DeviceStateListAction;
import dev.hotline.bridge.ami.internal.DeviceStateListCompleteEvent;
import dev.hotline.bridge.ami.internal.EventTranslator;
import dev.hotline.bridge.ami.internal.HotlineManagerConnection;
import dev.hotline.bridge.ami.internal.ManagerActions;
import dev.hotline.bridge.ami.internal.ReconnectBackoff;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Asterisk manager connection (Asterisk-Java's ManagerConnection) kept alive for Hotline:
 * <ul>
 *   <li>connects and logs in (MD5 challenge), reporting CONNECTING / CONNECTED / DOWN with a reason;</li>
 *   <li>after every (re)connect, resynchronises: DeviceStateList then CoreShowChannels, ending with
 *       {@link AmiEvent.Resynchronised};</li>
 *   <li>sends a Ping every keep-alive interval; no answer within the keep-alive timeout means a half-open
 *       connection, which is dropped;</li>
 *   <li>reconnects after a lost connection or a failed attempt, waiting {@code reconnectMin} doubled per failure up
 *       to {@code reconnectMax}; a refused login is retried the same way (an admin may fix manager.conf);</li>
 *   <li>converts every event on Asterisk-Java's event thread into an {@link AmiEvent} and passes it to the sink,
 *       which must not block (an {@code EventHandOff} queue in production).</li>
 * </ul>
 * All of the connection's own work runs on its {@link AmiScheduler}, one task at a time; callbacks from
 * Asterisk-Java's threads only post tasks there. Calls in FastAGI sessions do not depend on this connection: while
 * it is down they go on, and only AMI-only features (listen-in, recording, hang-up from the API, callbacks) fail
 * with {@link AmiUnavailableException}.
 */
public final class AmiConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);

    private final AmiSettings settings;
    private final AmiScheduler scheduler;
    private final Consumer<AmiEvent> sink;
    private final AmiStatusListener status;
    private final BiFunction<AmiSettings, Runnable, HotlineManagerConnection> connections;
    private final ReconnectBackoff backoff;
    private final ManagerActions actions;

    // owned by the scheduler's thread
    private int generation;
    private int failedAttempts;
    private long pingsSent;
    private long pongsSeen;
    private boolean stopped;
    private AmiScheduler.Cancellable keepAlive;
    private AmiScheduler.Cancellable reconnect;
    /** The deadline of each Ping still unanswered, by its number. */
    private final Map<Long, AmiScheduler.Cancellable> pingDeadlines = new HashMap<>();

    // read from any thread
    private volatile HotlineManagerConnection current;
    private volatile AmiConnectionState state = AmiConnectionState.DOWN;

    private AmiConnection(AmiSettings settings, AmiScheduler scheduler, Consumer<AmiEvent> sink,
                          AmiStatusListener status, Executor completions,
                          BiFunction<AmiSettings, Runnable, HotlineManagerConnection> connections) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.status = Objects.requireNonNull(status, "status");
        this.connections = connections;
        this.backoff = new ReconnectBackoff(settings.reconnectMin(), settings.reconnectMax());
        this.actions = new ManagerActions(settings.name(), () -> current, completions);
    }

    /**
     * A connection for {@code settings}; nothing happens until {@link #start()}.
     *
     * @param sink        receives every event, on Asterisk-Java's event thread: it must hand off without blocking
     * @param completions runs the completion of action stages (never Asterisk-Java's event thread)
     */
    public static AmiConnection create(AmiSettings settings, AmiScheduler scheduler, Consumer<AmiEvent> sink,
                                       AmiStatusListener status, Executor completions) {
        return new AmiConnection(settings, scheduler, sink, status, completions, HotlineManagerConnection::new);
    }

    /** The server's name. */
    public String name() {
        return settings.name();
    }

    /** The state right now. */
    public AmiConnectionState state() {
        return state;
    }

    /** The actions on this server. */
    public AmiActions actions() {
        return actions;
    }

    /** Connects now (on the scheduler). */
    public void start() {
        scheduler.execute(this::connect);
    }

    /** Logs off and stops reconnecting (on the scheduler). */
    @Override
    public void close() {
        scheduler.execute(this::stop);
    }

    /**
     * Closes for good because the server left the configuration (or changed), then reports
     * {@link AmiEvent.ConnectionLost} with {@code reason}, as a dropped connection does: whoever kept this server's
     * device states forgets them, since nothing will ever resynchronise them. Events this connection delivers after
     * that are dropped like those of any stopped connection.
     */
    public void retire(String reason) {
        scheduler.execute(() -> {
            HotlineManagerConnection connection = current;
            current = null;
            // said before the logoff, which a stalled server holds up for seconds: the connection that replaces this
            // one under the same name resynchronises meanwhile, and a late "lost" would erase what it reported
            sink.accept(new AmiEvent.ConnectionLost(settings.name(), reason));
            stop(connection);
        });
    }

    private void connect() {
        reconnect = null;
        if (stopped) {
            return;
        }
        int attempt = ++generation;
        report(AmiConnectionState.CONNECTING, "connecting to " + settings.address() + " as " + settings.username());
        HotlineManagerConnection connection = connections.apply(settings,
                () -> scheduler.execute(() -> lost(attempt, "connection closed by " + settings.address())));
        connection.registerUserEventClass(DeviceStateListCompleteEvent.class);
        connection.addEventListener(event -> onEvent(connection, event));
        try {
            connection.login();
        } catch (AuthenticationFailedException e) {
            failed("login refused by " + settings.address() + " as " + settings.username() + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            failed("cannot connect to " + settings.address() + ": " + e.getMessage());
            return;
        } catch (TimeoutException e) {
            failed("no answer from " + settings.address() + " while logging in: " + e.getMessage());
            return;
        }
        current = connection;
        // the back-off starts again only once the connection has stayed up a keep-alive interval: one that an
        // Asterisk drops right after each login (its writetimeout during the resynchronisation burst) must not be
        // retried, and resynchronised, every second
        scheduler.schedule(settings.keepAliveInterval(), () -> {
            if (attempt == generation && current == connection) {
                failedAttempts = 0;
            }
        });
        report(AmiConnectionState.CONNECTED, "logged in to " + settings.address() + " as " + settings.username());
        keepAlive = scheduler.schedule(settings.keepAliveInterval(), () -> ping(attempt));
        resynchronise(connection);
    }

    /**
     * Runs on Asterisk-Java's event thread: convert and hand off, nothing more. Events a lost connection still
     * delivers after {@link AmiEvent.ConnectionLost} are dropped: they would bring back stale states that nothing
     * repairs until the next resynchronisation.
     */
    private void onEvent(HotlineManagerConnection from, ManagerEvent event) {
        if (from != current) {
            return;
        }
        EventTranslator.translate(settings.name(), event).ifPresent(amiEvent -> {
            if (amiEvent instanceof AmiEvent.OriginateResult result) {
                actions.onOriginateResult(result);
            }
            sink.accept(amiEvent);
        });
    }

    private void ping(int attempt) {
        HotlineManagerConnection connection = current;
        if (attempt != generation || connection == null) {
            return;
        }
        long ping = ++pingsSent;
        try {
            connection.sendAction(new PingAction(), response -> scheduler.execute(() -> pong(attempt, ping, response)));
        } catch (IOException | IllegalStateException e) {
            lost(attempt, "keep-alive: Ping not sent to " + settings.address() + ": " + e.getMessage());
            return;
        }
        // each deadline leaves the list when it has run: a connection up for months keeps none of them
        pingDeadlines.put(ping, scheduler.schedule(settings.keepAliveTimeout(), () -> {
            pingDeadlines.remove(ping);
            checkPong(attempt, ping);
        }));
        keepAlive = scheduler.schedule(settings.keepAliveInterval(), () -> ping(attempt));
    }

    private void pong(int attempt, long ping, ManagerResponse response) {
        if (attempt == generation && !(response instanceof ManagerError)) {
            pongsSeen = Math.max(pongsSeen, ping);
        }
    }

    private void checkPong(int attempt, long ping) {
        HotlineManagerConnection connection = current;
        if (attempt != generation || connection == null || pongsSeen >= ping) {
            return;
        }
        connection.abandon();
        lost(attempt, "keep-alive: no answer to Ping within " + settings.keepAliveTimeout().toMillis() + " ms from "
                + settings.address() + " (half-open connection)");
    }

    private void lost(int attempt, String reason) {
        if (attempt != generation || current == null) {
            return;
        }
        current = null;
        cancelTimers();
        actions.failPending(reason);
        // through the same hand-off as the events, so the consumer sees it after the connection's last event
        sink.accept(new AmiEvent.ConnectionLost(settings.name(), reason));
        failed(reason);
    }

    private void failed(String reason) {
        if (stopped) {
            return;
        }
        var delay = backoff.delayAfter(failedAttempts++);
        report(AmiConnectionState.DOWN, reason + "; reconnecting in " + delay.toMillis() + " ms");
        reconnect = scheduler.schedule(delay, this::connect);
    }

    private void stop() {
        HotlineManagerConnection connection = current;
        current = null;
        stop(connection);
    }

    private void stop(HotlineManagerConnection connection) {
        stopped = true;
        generation++;
        cancelTimers();
        if (reconnect != null) {
            reconnect.cancel();
            reconnect = null;
        }
        if (connection != null) {
            try {
                connection.logoff();
            } catch (IllegalStateException e) {
                connection.abandon();
            }
        }
        actions.failPending("connection stopped");
        report(AmiConnectionState.DOWN, "stopped");
    }

    private void cancelTimers() {
        if (keepAlive != null) {
            keepAlive.cancel();
            keepAlive = null;
        }
        pingDeadlines.values().forEach(AmiScheduler.Cancellable::cancel);
        pingDeadlines.clear();
    }

    /**
     * DeviceStateList first (its DeviceStateChange items flow to the sink as ordinary events), then
     * CoreShowChannels; the {@link AmiEvent.Resynchronised} snapshot closes the picture.
     */
    private void resynchronise(HotlineManagerConnection connection) {
        try {
            connection.sendEventGeneratingAction(new DeviceStateListAction(), devices -> {
                int deviceCount = countItems(devices, "DeviceStateList");
                try {
                    connection.sendEventGeneratingAction(new CoreShowChannelsAction(),
                            channels -> sink.accept(new AmiEvent.Resynchronised(settings.name(),
                                    snapshot(channels), deviceCount)));
                } catch (IOException | IllegalStateException e) {
                    LOG.warn("AMI '{}': CoreShowChannels not sent after connecting: {}", settings.name(), e.getMessage());
                }
            });
        } catch (IOException | IllegalStateException e) {
            LOG.warn("AMI '{}': DeviceStateList not sent after connecting: {}", settings.name(), e.getMessage());
        }
    }

    private int countItems(ResponseEvents events, String action) {
        if (events.getResponse() instanceof ManagerError error) {
            LOG.warn("AMI '{}': {} refused: {} (check the manager.conf read/write classes)", settings.name(), action,
                    error.getMessage());
            return 0;
        }
        // the DeviceStateChange items are not list events to Asterisk-Java (they reach the sink as ordinary
        // events); the closing event's ListItems says how many there were
        for (ResponseEvent event : events.getEvents()) {
            if (event instanceof DeviceStateListCompleteEvent complete && complete.getListItems() != null) {
                return complete.getListItems();
            }
        }
        return 0;
    }

    private List<AmiEvent.ChannelSnapshot> snapshot(ResponseEvents events) {
        if (events.getResponse() instanceof ManagerError error) {
            LOG.warn("AMI '{}': CoreShowChannels refused: {}", settings.name(), error.getMessage());
        }
        List<AmiEvent.ChannelSnapshot> channels = new ArrayList<>();
        for (ResponseEvent event : events.getEvents()) {
            if (event instanceof CoreShowChannelEvent channel) {
                channels.add(new AmiEvent.ChannelSnapshot(text(channel.getChannel()), text(channel.getUniqueid()),
                        text(channel.getLinkedid()), text(channel.getChannelStateDesc()), text(channel.getBridgeid()),
                        text(channel.getApplication())));
            }
        }
        return channels;
    }

    private void report(AmiConnectionState newState, String reason) {
        state = newState;
        // a connection lost is worth a warning; one this server stopped (shutdown, a reload that drops it) is not
        if (newState == AmiConnectionState.DOWN && !stopped) {
            LOG.warn("AMI '{}' {}: {}", settings.name(), newState, reason);
        } else {
            LOG.info("AMI '{}' {}: {}", settings.name(), newState, reason);
        }
        status.onState(settings.name(), newState, reason);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
