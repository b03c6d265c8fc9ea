package dev.hotline.server.serve;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.bridge.agi.server.FastAgiServer;
import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiPool;
import dev.hotline.bridge.ami.AmiSettings;
import dev.hotline.bridge.ami.AmiStatusListener;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.bridge.session.CallSessions;
import dev.hotline.bridge.session.CallTelephony;
import dev.hotline.bridge.session.HttpLookupService;
import dev.hotline.bridge.session.SessionScheduler;
import dev.hotline.bridge.session.SessionSettings;
import dev.hotline.ivr.FlowListener;
import dev.hotline.server.api.AdminEndpoints;
import dev.hotline.server.api.AgentEndpoints;
import dev.hotline.server.api.AgentPush;
import dev.hotline.server.api.ApiRoutes;
import dev.hotline.server.api.ApiServer;
import dev.hotline.server.api.SupervisorEndpoints;
import dev.hotline.server.callback.CallbackDesk;
import dev.hotline.server.callback.CallbackSwitch;
import dev.hotline.server.callback.OpenCallbacks;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigReloader;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.config.ServerSettings;
import dev.hotline.server.config.ServerSettings.AmiServer;
import dev.hotline.server.journal.JournalException;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalReplay;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.journal.JournalWriter;
import dev.hotline.server.serve.internal.AgentPhones;
import dev.hotline.server.serve.internal.AmiCallRecorder;
import dev.hotline.server.serve.internal.AmiEventLog;
import dev.hotline.server.serve.internal.ConfigChanges;
import dev.hotline.server.serve.internal.ConfiguredQueueHours;
import dev.hotline.server.serve.internal.JournaledIvrRequests;
import dev.hotline.server.serve.internal.LiveServerSettings;
import dev.hotline.server.serve.internal.ReloadEffects;
import dev.hotline.server.serve.internal.ReloadWatch;
import dev.hotline.server.serve.internal.TodaysCounts;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hotline serve}: the routing engine on its own thread with the statistics and the journal listening, a call
 * session per inbound FastAGI connection, and the Asterisk manager interfaces. Started from a valid configuration;
 * {@link #reload()} applies a new one without dropping calls, or refuses it and keeps the old; {@link #close()} stops
 * everything in order.
 */
public final class HotlineServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);

    /** New calls are refused (busy prompt) while this many events wait for the routing engine: a flood degrades. */
    static final int ARRIVAL_LIMIT = 10_000;
    private static final long DRAIN_SECONDS = 5;
    /** How long a removed API lets its open connections finish what they were doing (a reload's answer). */
    private static final Duration API_GRACE = Duration.ofSeconds(1);
    /** How long logging agents in waits for the journal to catch up before going on (a stalled disk). */
    private static final Duration JOURNAL_CATCH_UP = Duration.ofSeconds(5);
    /** How long a reload waits for the engine to apply it, to tell what it did to calls. */
    private static final Duration EFFECTS_WAIT = Duration.ofSeconds(5);
    /** What the last valid reload changed. */
    private volatile List<String> lastChanges = List.of();

    private final ConfigReloader reloader;
    /** server.yaml as far as it is in force; a reload puts what it can of a changed one in force. */
    private final LiveServerSettings serverYaml;
    /** Files the IVR's messages and callback requests; knows which numbers callbacks may ring. */
    private final JournaledIvrRequests ivrRequests;
    private final ServerSettings settings;
    private final Function<String, String> environment;
    private final CentreStatistics statistics;
    /** What a reload does to calls, gathered on the engine thread while it takes effect. */
    private final ReloadWatch reloadWatch = new ReloadWatch();
    private final JournalWriter journal;
    /** When the routing engine started: the live figures count from here. */
    private final long startedMillis;
    private final EngineLoop engine;
    private final ExecutorService sessionTasks;
    private final ScheduledExecutorService sessionTimers;
    private final CallSessions sessions;
    private final FastAgiServer fastAgi;
    /** Present once some AMI server was configured; its servers follow server.yaml's {@code ami} on reload. */
    private volatile Optional<AmiPool> ami;
    /** The AMI servers server.yaml lists that Hotline does not connect to, with why. */
    private volatile Map<String, String> amiSkipped = Map.of();
    /** Why each AMI connection that is not connected is so, as it last said (login refused, unreachable). */
    private final Map<String, String> amiDownBecause = new ConcurrentHashMap<>();
    /** Notes why a connection is not connected, for {@code /health}; forgets it once connected. */
    private final AmiStatusListener amiStatus = (server, state, reason) -> {
        if (state == AmiConnectionState.CONNECTED || reason == null || reason.isBlank()) {
            amiDownBecause.remove(server);
        } else {
            amiDownBecause.put(server, reason);
        }
    };
    /** Where AMI events go: the log of connection changes and the agents' phones (on the AMI event thread). */
    private final Consumer<AmiEvent> amiEvents;
    private final AgentPhones phones;
    private final CallControl callControl;
    /** The callback desk, while callbacks are placed; a reload may turn them on or off. */
    private final CallbackSwitch callbacks = new CallbackSwitch();
    private final Clock clock;
    /** The HTTP API, while server.yaml has an {@code api} section; a reload may start or stop it. */
    private volatile Optional<ApiServer> api = Optional.empty();
    private final AgentPush agentPush;
    private boolean closed;
    /** Set once every listener is up: a reload before that is ignored (the API starts first). */
    private volatile boolean started;

    private HotlineServer(ConfigReloader reloader, ServerSettings settings, Function<String, String> environment,
                          Clock clock) {
        this.reloader = reloader;
        ConfigResult.Valid valid = reloader.current();
        CentreConfig config = valid.config();
        valid.warnings().forEach(warning -> log.warn("config: {}", warning));
        this.settings = settings;
        this.environment = environment;
        this.clock = clock;

        // a journal another server writes is refused before its files are read: that server's calls in progress
        // would read as a crash of the last run
        try {
            JournalWriter.refuseIfInUse(settings.journal().dir());
        } catch (UncheckedIOException e) {
            throw new JournalUnavailable(e.getMessage(), e);
        }
        // one reader of what earlier runs journaled, for all that a start reads (it says a torn line once)
        JournalReader earlierRuns = journalReader(settings);
        sayIfJournalRunsAhead(earlierRuns, settings, clock);
        // read before the writer opens today's file: the requests a previous run left open are rung by this one
        List<OpenCallbacks.Restored> openCallbacks;
        try {
            openCallbacks = settings.callbacks().placed() ? openCallbacks(earlierRuns, settings, clock) : List.of();
        } catch (JournalException e) {
            // a damaged journal stops the start: the requests it holds were promised to callers
            throw new JournalUnavailable("cannot read the callback requests the journal in "
                    + settings.journal().dir() + " holds open: " + e.getMessage() + " (they were promised to callers, "
                    + "so nothing starts until the damaged line is repaired or its file moved away)", e);
        }
        // also read before the writer opens today's file: the day's calls an earlier run counted for each agent
        Optional<TodaysCounts> todaysCounts = todaysCounts(earlierRuns, config, clock);
        // what the call sessions know of each call (its channel, its recording) completes its journaled record
        CallTelephony telephony = new CallTelephony();
        try {
            journal = JournalWriter.start(settings.journal(), config, clock, ended -> {
                Optional<CallTelephony.Facts> facts = telephony.take(ended.callId());
                return new JournalRecord.CallRecord(ended, facts.map(CallTelephony.Facts::channel),
                        facts.flatMap(CallTelephony.Facts::recording));
            });
        } catch (UncheckedIOException e) {
            throw new JournalUnavailable(e.getMessage(), e);
        }
        // a relative directory is the working directory's: said in full, since a start from elsewhere opens another
        Path journalDir = settings.journal().dir();
        log.info("journal: {}{}", shown(journalDir), journalDir.isAbsolute() ? ""
                : " (" + shown(journalDir.toAbsolutePath().normalize()) + ", relative to the directory Hotline was "
                + "started in)");

        // the RANDOM strategy's seed, logged so that a run's choices can be replayed from its journal
        long seed = clock.millis();
        statistics = new CentreStatistics(config);
        if (settings.callbacks().placed()) {
            CallbackDesk desk = new CallbackDesk(settings.callbacks(), journal, this::connectedAmi);
            desk.restore(openCallbacks);
            callbacks.use(desk);
        }
        // the agents' desktops hear of their offers in the same step as the call sessions
        agentPush = new AgentPush();
        List<DecisionListener> listeners = new ArrayList<>(List.of(statistics, journal, agentPush, reloadWatch));
        listeners.add(callbacks);
        engine = new EngineLoop(config, seed, clock, ARRIVAL_LIMIT, listeners);
        // before FastAGI takes calls: a request an early caller files must reach the desk's plan
        callbacks.desk().ifPresent(desk -> desk.attach(engine));
        engine.start();
        startedMillis = clock.millis();
        log.info("routing engine started (random strategy seed {})", seed);
        if (!settings.readyAfterMissedCall().isZero()) {
            useReadyAfterMissedCall(settings.readyAfterMissedCall());
        }
        // before anyone logs in: a login keeps the day's counts it finds
        todaysCounts.ifPresent(this::restoreDayCounts);
        if (settings.agentsAutoLogin()) {
            logIn(config.agents());
        }

        sessionTasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("call-", 0).factory());
        sessionTimers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("call-timers").factory());
        SessionSettings sessionSettings = sessionSettings(settings);
        // new sessions take the flows in force when they start; running calls keep theirs
        phones = new AgentPhones(engine::submit, engine::now, config.agents());
        AmiEventLog eventLog = new AmiEventLog();
        amiEvents = event -> {
            eventLog.accept(event);
            phones.accept(event);
        };
        ami = startAmi(settings.amiServers());
        AmiCallRecorder recorder = new AmiCallRecorder(() -> reloader.current().recordedQueues(),
                () -> ami.map(pool -> pool.states().keySet().stream().map(pool::actions).toList()).orElse(List.of()),
                telephony);
        ivrRequests = new JournaledIvrRequests(engine, journal, callbacks::requested, settings.callbacks());
        sessions = new CallSessions(engine, () -> reloader.current().flows(), FlowListener.NONE,
                new HttpLookupService(HttpClient.newHttpClient()), ivrRequests,
                SessionScheduler.of(sessionTimers), sessionTasks, sessionSettings, telephony, recorder,
                callbacks);
        // flows read the hours of the queues in force (queue_open), not a copy of them
        sessions.useQueueHours(new ConfiguredQueueHours(() -> reloader.current().config()));
        callControl = new CallControl(telephony, () -> reloader.current().config().agents(), this::connectedAmi);
        // before the API starts: its desktops read the not-ready reasons in force from it
        serverYaml = new LiveServerSettings(valid.server(), settings, new LiveServerSettings.Owners() {
            @Override
            public boolean fastAgiAddress(String host, int port) {
                return moved(() -> fastAgi.moveTo(host, port));
            }

            @Override
            public void fastAgiLimits(FastAgiSettings next) {
                fastAgi.useLimits(next);
            }

            @Override
            public boolean apiRunning(Optional<ApiSettings> next) {
                return useApi(next);
            }

            @Override
            public boolean apiAddress(String host, int port) {
                Optional<ApiServer> running = api;
                return running.isPresent() && moved(() -> running.get().moveTo(host, port));
            }

            @Override
            public void journalLimits(JournalSettings next) {
                journal.useLimits(next);
            }

            @Override
            public void amiServers(List<AmiServer> servers) {
                useAmiServers(servers);
            }

            @Override
            public void calls(ServerSettings next) {
                sessions.useSettings(sessionSettings(next));
            }

            @Override
            public void callbacks(CallbackSettings next) {
                useCallbacks(next);
            }

            @Override
            public boolean apiTokens(ApiSettings next) {
                Optional<ApiServer> running = api;
                running.ifPresent(server -> server.useTokens(next, environment));
                return running.isPresent();
            }

            @Override
            public void readyAfterMissedCall(Duration after) {
                useReadyAfterMissedCall(after);
            }
        });
        Optional<ApiServer> startedApi = Optional.empty();
        try {
            startedApi = settings.api().map(this::startApi);
            fastAgi = FastAgiServer.start(settings.fastAgi(), sessions);
        } catch (IllegalStateException e) {
            // a port already taken: stop what started, so the process can exit with the reason
            startedApi.ifPresent(ApiServer::close);
            stopAfterFailedStart();
            throw new ListenerUnavailable(e.getMessage(), e);
        }
        api = startedApi;
        if (api.isEmpty()) {
            log.info("API: not configured (server.yaml api:)");
        }
        InetSocketAddress bound = fastAgi.localAddress();
        log.info("FastAGI listening on {}:{} (at most {} sessions)", bound.getHostString(), bound.getPort(),
                settings.fastAgi().maxSessions());
        callbacks.desk().ifPresentOrElse(CallbackDesk::start, () -> log.info("callbacks: requests are journaled, "
                + "not placed (server.yaml callbacks.endpoint is not set)"));
        log.info("ready: {} agents{}, {} queues", config.agents().size(),
                settings.agentsAutoLogin() ? " (logged in and ready: agents.autoLogin)" : "", config.queues().size());
        started = true;
    }

    /**
     * Starts serving the configuration {@code reloader} holds.
     *
     * @param environment where {@code ${VARIABLE}} AMI secrets are read ({@code System::getenv})
     * @param clock       the time events are stamped with
     * @throws JournalUnavailable          if the journal cannot be opened, or the callbacks it holds open read
     * @throws IllegalStateException        if the FastAGI port cannot be bound
     */
    public static HotlineServer start(ConfigReloader reloader, Function<String, String> environment, Clock clock) {
        return new HotlineServer(reloader, reloader.current().server(), environment, clock);
    }

    /**
     * Starts serving the configuration {@code reloader} holds with other server settings than its server.yaml
     * (listeners, AMI servers, journal): {@code hotline demo} runs the centre beside a simulated Asterisk this way.
     */
    public static HotlineServer start(ConfigReloader reloader, ServerSettings settings,
                                      Function<String, String> environment, Clock clock) {
        return new HotlineServer(reloader, settings, environment, clock);
    }

    /**
     * A journal whose last record is later than now was written with the clock ahead: the clock was set back since,
     * or {@code hotline demo} wrote the directory with its simulated day. This run's records follow, back in time,
     * which reports stop at: said once, at the start, with what to do.
     */
    private static void sayIfJournalRunsAhead(JournalReader reader, ServerSettings settings, Clock clock) {
        Optional<Long> endsAt;
        ZoneId zone;
        try {
            endsAt = reader.endsAtFromTail();
            zone = reader.latestZone();
        } catch (JournalException | UncheckedIOException e) {
            return; // no journal yet, or one the writer and the callbacks' reading report on
        }
        long now = clock.millis();
        if (endsAt.isPresent() && endsAt.get() > now + 1_000) {
            log.warn("journal: {} runs to {}, after this start at {}: the clock was set back since the run that wrote "
                            + "it, or a 'hotline demo' wrote it with its simulated clock. This run's records follow "
                            + "it; a report over both runs stops where the time steps back: move the earlier run's "
                            + "files to a directory of their own (report that one there), or give this server a "
                            + "journal.directory of its own",
                    shown(settings.journal().dir()), Instant.ofEpochMilli(endsAt.get()).atZone(zone).toOffsetDateTime(),
                    Instant.ofEpochMilli(now).atZone(zone).toOffsetDateTime());
        }
    }

    /**
     * Each agent's calls and talk of today (in the centre's zone) an earlier run journaled; empty when there is no
     * journal yet, or it cannot be read (said: FEWEST_CALLS and LEAST_TALK_TIME then count from this start).
     */
    private static Optional<TodaysCounts> todaysCounts(JournalReader reader, CentreConfig config, Clock clock) {
        ZoneId zone = config.settings().zone();
        long dayStart = Instant.ofEpochMilli(clock.millis()).atZone(zone).toLocalDate().atStartOfDay(zone)
                .toInstant().toEpochMilli();
        Consumer<String> warnings = warning -> log.warn("journal: {}", warning);
        try {
            reader.files();
        } catch (JournalException | UncheckedIOException e) {
            return Optional.empty(); // no journal yet: a first start
        }
        try {
            Optional<Long> end = reader.endsAtFromTail();
            if (end.isEmpty()) {
                return Optional.empty();
            }
            if (end.get() < dayStart) {
                // nothing journaled today; a last run that crashed on an earlier day is still said
                try {
                    JournalReplay.beforeRestart(reader, Instant.ofEpochMilli(end.get()), warnings);
                } catch (JournalException | UncheckedIOException e) {
                    log.warn("journal: whether the last run stopped cleanly could not be read ({})", e.getMessage());
                }
                return Optional.empty();
            }
            return Optional.of(TodaysCounts.read(reader, dayStart, warnings));
        } catch (JournalException | UncheckedIOException e) {
            log.warn("journal: today's calls per agent could not be read ({}); FEWEST_CALLS and LEAST_TALK_TIME "
                    + "count the day from this start", e.getMessage());
            return Optional.empty();
        }
    }

    /** A reader of the journal in server.yaml's directory, its warnings logged. */
    private static JournalReader journalReader(ServerSettings settings) {
        return new JournalReader(settings.journal().dir(), warning -> log.warn("journal: {}", warning));
    }

    /** Hands the routing engine each agent's calls and talk of today so far, in order before any login. */
    private void restoreDayCounts(TodaysCounts counts) {
        engine.read(routing -> {
            int taken = 0;
            for (Map.Entry<String, Integer> agent : counts.answered().entrySet()) {
                if (routing.restoreDayCounts(agent.getKey(), agent.getValue(),
                        counts.talkMillis().getOrDefault(agent.getKey(), 0L))) {
                    taken++;
                }
            }
            return taken;
        }).thenAccept(taken -> log.info("journal: today's calls of {} agent(s) taken up from the journal, for "
                + "FEWEST_CALLS and LEAST_TALK_TIME", taken));
    }

    /**
     * The callback requests the journal holds open, made within {@code callbacks.expireAfter} of its last record (at
     * a start, when the server stopped).
     */
    private static List<OpenCallbacks.Restored> openCallbacks(JournalReader reader, ServerSettings settings,
                                                              Clock clock) {
        try {
            reader.files();
        } catch (JournalException e) {
            return List.of();
        }
        // the requests still open when the journal's last run stopped, even those that expired while it was down:
        // the desk's first round closes those as expired, in the journal, rather than leave them open for ever
        long now = clock.millis();
        long stoppedAt = reader.endsAtFromTail().map(end -> Math.min(end, now)).orElse(now);
        // the start that stepped back was said, as a warning, by the first start after it: now it is only read past
        return OpenCallbacks.read(reader, stoppedAt - settings.callbacks().expireAfter().toMillis(),
                change -> log.info("journal: {}", change));
    }

    private Optional<AmiPool> startAmi(List<AmiServer> servers) {
        List<AmiSettings> reachable = reachable(servers);
        reachable.forEach(server -> log.info("AMI {}: connecting to {}", server.name(), server.address()));
        if (reachable.isEmpty()) {
            return Optional.empty();
        }
        // every state change of a connection (connecting, connected, down and when it retries) is logged by it;
        // events reach the phones on the AMI event thread, off Asterisk-Java's
        return Optional.of(AmiPool.start(reachable, amiEvents, amiStatus));
    }

    /**
     * A reload's callback settings: the desk in force takes them, or is closed when they place no callbacks (the open
     * requests stay in the journal), or one starts, with the requests the journal holds open, when there was none.
     */
    private void useCallbacks(CallbackSettings next) {
        ivrRequests.useCallbackSettings(next);
        Optional<CallbackDesk> running = callbacks.desk();
        if (running.isPresent() && next.placed()) {
            running.get().useSettings(next);
        } else if (running.isPresent()) {
            callbacks.takeOut().ifPresent(CallbackDesk::close);
        } else if (next.placed()) {
            CallbackDesk desk = new CallbackDesk(next, journal, this::connectedAmi);
            desk.attach(engine);
            // put in first, so that a request filed while the journal is read reaches it too; the plan takes each once
            callbacks.use(desk);
            try {
                desk.restore(openCallbacks(journalReader(settings), settings.withCallbacks(next), clock));
            } catch (JournalException e) {
                log.error("reload: callbacks start without the requests the journal holds open, which cannot be "
                        + "read: {}; they are rung after a restart once the journal is repaired", e.getMessage());
            }
            desk.start();
        }
    }

    /** The HTTP API on {@code apiSettings}, with every endpoint: the agents', the supervisors' and the admins'. */
    private ApiServer startApi(ApiSettings apiSettings) {
        return ApiServer.start(apiSettings, environment,
                new AgentEndpoints(agentPush, () -> reloader.current().config().agents(),
                        agentId -> engine.read(routing -> routing.agent(agentId)),
                        engine::decide, engine::now, serverYaml::notReadyReasons)
                        .addTo(new SupervisorEndpoints(callControl, this::view, this::amiHealth,
                                () -> new SupervisorEndpoints.JournalHealth(journal.failing(), journal.lostRecords()))
                                .addTo(new AdminEndpoints(this::reload, this::lastReloadChanges,
                                        this::waitingForRestart,
                                        task -> Thread.ofVirtual().name("api-reload").start(task))
                                        .addTo(new ApiRoutes()))));
    }

    /**
     * A reload that adds or removes server.yaml's {@code api}: the API starts (false, logged, if its address cannot be
     * bound), or stops taking connections at once and closes the open ones a second later, so that the answer to the
     * reload that removed it, when an admin asked over the API, still goes out.
     */
    private boolean useApi(Optional<ApiSettings> next) {
        if (next.isPresent()) {
            try {
                api = Optional.of(startApi(next.get()));
                return true;
            } catch (IllegalStateException e) {
                log.error("reload: {}", e.getMessage());
                return false;
            }
        }
        Optional<ApiServer> running = api;
        api = Optional.empty();
        running.ifPresent(server -> server.closeAfter(API_GRACE));
        return true;
    }

    /** Runs a listener's move; a refusal (the address cannot be bound) is logged, the old listener stays. */
    private static boolean moved(Runnable move) {
        try {
            move.run();
            return true;
        } catch (IllegalStateException e) {
            log.error("reload: {}", e.getMessage());
            return false;
        }
    }

    /**
     * A reload's AMI servers: the pool connects, reconnects or logs off as they changed; the first servers ever
     * listed (none could be reached at start) start one.
     */
    private void useAmiServers(List<AmiServer> listed) {
        List<AmiSettings> servers = reachable(listed);
        if (ami.isPresent()) {
            ami.get().reconfigure(servers).forEach(change -> log.info("reload: AMI {}", change));
        } else if (!servers.isEmpty()) {
            servers.forEach(server -> log.info("reload: AMI {} added", server.name()));
            ami = Optional.of(AmiPool.start(servers, amiEvents, amiStatus));
        }
    }

    /** How calls wait and file requests, as server.yaml says. */
    private static SessionSettings sessionSettings(ServerSettings settings) {
        SessionSettings defaults = SessionSettings.DEFAULTS;
        return new SessionSettings(settings.musicOnHoldClass(), settings.announceEvery(), defaults.positionPrompt(),
                defaults.positionSuffix(), defaults.nextPrompt(), defaults.holdTimePrompt(), defaults.minutesPrompt(),
                defaults.minutePrompt(), defaults.answeredContext(), defaults.language(), settings.ivrRequestTimeout());
    }

    /** The servers whose secret can be had; one whose variable is not set is left out, with a warning. */
    private List<AmiSettings> reachable(List<AmiServer> servers) {
        List<AmiSettings> reachable = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        for (AmiServer server : servers) {
            Optional<AmiSettings> resolved = server.settings(environment);
            if (resolved.isEmpty()) {
                String variable = ((ServerSettings.Secret.FromEnvironment) server.secret()).variable();
                log.warn("AMI {}: its secret variable {} is not set; not connecting to {} (set it and restart)",
                        server.name(), variable, server.address());
                skipped.put(server.name(), "NOT_CONNECTING: its secret variable " + variable + " is not set");
                continue;
            }
            reachable.add(resolved.get());
        }
        amiSkipped = Map.copyOf(skipped);
        return reachable;
    }

    /**
     * Logs {@code agents} in and makes them ready ({@code agents.autoLogin}). The engine turns thousands of agents into
     * decisions faster than the journal writes them, so after each share of the journal's hand-off (two or three
     * decisions an agent) this thread waits until the engine has applied them and the journal has written them:
     * 40,000 agents at start had lost some 6,000 records on a healthy disk. On a stalled disk the wait gives up, and
     * the journal's own back-pressure (lose and count) applies.
     */
    private void logIn(List<AgentConfig> agents) {
        int atOnce = Math.max(1, journal.capacity() / 8);
        for (int i = 0; i < agents.size(); i++) {
            long now = engine.now();
            engine.submit(new AcdEvent.AgentLoggedIn(now, agents.get(i).id()));
            engine.submit(new AcdEvent.AgentReady(now, agents.get(i).id()));
            if ((i + 1) % atOnce == 0 && i + 1 < agents.size()) {
                awaitJournal();
            }
        }
    }

    /** Waits (at most {@link #JOURNAL_CATCH_UP}) until the engine has applied what was handed in and it is written. */
    private void awaitJournal() {
        try {
            engine.read(e -> null).toCompletableFuture().get(JOURNAL_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
            journal.flush().get(JOURNAL_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("agents.autoLogin: the journal did not catch up within {} ms ({}); logging in goes on",
                    JOURNAL_CATCH_UP.toMillis(), e.toString());
        }
    }

    /**
     * Makes a logged-in agent ready again, as the agent API will (an agent who missed a call is made not ready by
     * the routing engine; {@code hotline demo} brings them back after a while). An unknown or logged-out agent is
     * refused by the engine and journaled as a rejected event.
     */
    public void agentReady(String agentId) {
        engine.submit(new AcdEvent.AgentReady(engine.now(), agentId));
    }

    /** Puts server.yaml's {@code agents.readyAfterMissedCall} in force in the engine, in order with its events. */
    private void useReadyAfterMissedCall(Duration after) {
        engine.read(routing -> {
            routing.readyAfterMissedCall(after);
            return after;
        });
    }

    /** Hanging calls up and listening in on agents over AMI, for supervisors and the admin API. */
    public CallControl callControl() {
        return callControl;
    }

    /** The AMI servers connected now, in configuration order. */
    private List<AmiActions> connectedAmi() {
        return ami.map(pool -> pool.states().entrySet().stream()
                .filter(e -> e.getValue() == AmiConnectionState.CONNECTED)
                .map(e -> pool.actions(e.getKey())).toList()).orElse(List.of());
    }

    /** Where the HTTP API listens (the bound port when the settings said 0); empty when it is not configured. */
    public Optional<InetSocketAddress> apiAddress() {
        return api.map(ApiServer::localAddress);
    }

    /** The API's tokens in force ({@link ApiServer#tokensInForce}), empty when the API is not served. */
    public Optional<String> apiTokensInForce() {
        return api.map(ApiServer::tokensInForce);
    }

    /** Where FastAGI listens (the bound port when the settings said 0). */
    public InetSocketAddress fastAgiAddress() {
        return fastAgi.localAddress();
    }

    /**
     * The centre as it is now: every queue and agent as the routing engine sees them, the figures since start and those
     * of the interval in progress, read together on the engine thread (so they agree with each other).
     */
    public CompletionStage<CentreView> view() {
        return engine.read(routing -> {
            long now = routing.now();
            // retired queues and removed agents still on a call too: a supervisor must see the callers they keep
            return new CentreView(now, routing.queues(), routing.agents(), statistics.snapshot(now),
                    statistics.intervalInProgress(now), startedMillis);
        });
    }

    /** Each AMI server's connection state; empty when none is connected to. */
    public Map<String, AmiConnectionState> amiStates() {
        return ami.map(AmiPool::states).orElse(Map.of());
    }

    /**
     * Every AMI server server.yaml lists, for {@code /health}: its connection's state, or why Hotline does not
     * connect to it, so a monitor never reads "healthy, no Asterisk" for a server left out.
     */
    public Map<String, String> amiHealth() {
        Map<String, String> health = new TreeMap<>(amiSkipped);
        amiStates().forEach((name, state) -> {
            String why = state == AmiConnectionState.CONNECTED ? null : amiDownBecause.get(name);
            health.put(name, why == null ? state.name() : state.name() + ": " + why);
        });
        return health;
    }

    /**
     * Reads the configuration again. A valid one goes to the routing engine as {@code ConfigChanged} (waiting calls
     * and agents carry over) and its flows to calls that start from now on; with {@code agents.autoLogin}, agents it
     * adds are logged in. An invalid one is logged with every problem and the running configuration stays.
     * {@code server.yaml} is checked too: what of it can change while calls go on (listeners, AMI servers, waiting
     * and IVR settings, callbacks, {@code agents.autoLogin}, the API, FastAGI's and the journal's limits) is put in
     * force by {@link LiveServerSettings}; the journal's directory waits for a restart. What a valid reload changed
     * is then {@link #lastReloadChanges()}. Applied or refused, the journal records who asked, and what it changed or
     * why it was refused ({@code config-reloaded}): the audit trail of the configuration.
     *
     * @param by who asks, for the journal: {@code API token <name>}, {@code SIGHUP}
     */
    public synchronized ConfigResult reload(String by) {
        ConfigResult.Valid before = reloader.current();
        if (!started) {
            // asked over the API before the listeners it would touch are all up
            log.warn("reload: ignored, the server is still starting");
            return before;
        }
        if (closed) {
            // a SIGHUP that arrives while stopping: the engine no longer takes events
            log.warn("reload: ignored, the server is stopping");
            return before;
        }
        ConfigResult result = reloader.reload();
        switch (result) {
            case ConfigResult.Valid valid -> {
                engine.read(routing -> {
                    reloadWatch.arm();
                    return null;
                });
                CompletableFuture<List<Decision>> applied = engine.decide(
                        new AcdEvent.ConfigChanged(engine.now(), valid.config())).toCompletableFuture();
                // after the change, so the engine knows every agent it is told about
                phones.configure(valid.config().agents());
                List<String> changes = new ArrayList<>(ConfigChanges.between(before.config(), valid.config()));
                changes.addAll(ConfigChanges.between(before.flows(), valid.flows()));
                changes.addAll(ConfigChanges.recordingBetween(before.recordedQueues(), valid.recordedQueues()));
                changes.addAll(effectsOnCalls(applied));
                changes.forEach(change -> log.info("reload: {}", change));
                changes.addAll(serverYaml.apply(valid.server()));
                lastChanges = List.copyOf(changes);
                if (serverYaml.autoLogin()) {
                    Set<String> known = new HashSet<>();
                    before.config().agents().forEach(a -> known.add(a.id()));
                    logIn(valid.config().agents().stream().filter(a -> !known.contains(a.id())).toList());
                }
                log.info("reload: applied, {} agents, {} queues", valid.config().agents().size(),
                        valid.config().queues().size());
                journal.append(new JournalRecord.ConfigReloaded(engine.now(), by, true, changes, List.of()));
                valid.warnings().forEach(warning -> log.warn("reload: {}", warning));
            }
            case ConfigResult.Invalid invalid -> {
                for (ConfigProblem problem : invalid.problems()) {
                    log.warn("reload: {}", problem);
                }
                log.warn("reload: refused, {} problem(s); the running configuration stays",
                        invalid.problems().size());
                journal.append(new JournalRecord.ConfigReloaded(engine.now(), by, false, List.of(),
                        invalid.problems().stream().map(ConfigProblem::toString).toList()));
            }
        }
        return result;
    }

    /** {@link #reload(String)} asked from within the process (a test, an embedding application). */
    public ConfigResult reload() {
        return reload("in process");
    }

    /**
     * What the change did to calls (waiting calls sent to a treatment, offers taken back), once the engine has applied
     * it and fired the timers it made due at once (read on the engine's next round, after those timers); nothing if
     * that takes longer than a reload should keep its admin waiting (the journal has it all).
     */
    private List<String> effectsOnCalls(CompletableFuture<List<Decision>> applied) {
        try {
            applied.get(EFFECTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return engine.read(routing -> ReloadEffects.of(reloadWatch.disarm(), routing.queues()))
                    .toCompletableFuture().get(EFFECTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.info("reload: the engine had not applied the change within {} s; what it did to calls is in the "
                    + "journal", EFFECTS_WAIT.toSeconds());
            return List.of();
        } catch (ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** What the last valid reload changed, a sentence per change (agents, queues, groups, server.yaml's parts). */
    public List<String> lastReloadChanges() {
        return lastChanges;
    }

    /**
     * What server.yaml, as last read, says beyond what is in force (changes only a restart applies), or empty when
     * everything it says is in force.
     */
    public Optional<String> waitingForRestart() {
        return serverYaml.waitingForRestart(reloader.current().server());
    }


    /**
     * Stops in order, logging each step: FastAGI (no new calls; open sessions end and the dialplan continues after
     * AGI()), the AMI connections, the routing engine once it has applied what the sessions told it, then the
     * journal, flushed, forced to disk and closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.ifPresent(ApiServer::close);
        InetSocketAddress bound = fastAgi.localAddress();
        log.info("shutdown: closing FastAGI on {}:{}; no new calls", bound.getHostString(), bound.getPort());
        sessions.stopping();
        fastAgi.close();
        sessionTasks.shutdown();
        awaitQuietly(sessionTasks);
        sessionTimers.shutdownNow();
        callbacks.takeOut().ifPresent(CallbackDesk::close);
        ami.ifPresent(pool -> {
            log.info("shutdown: closing AMI connections");
            pool.close();
        });
        drainEngine();
        logOutAgentsOnDuty();
        engine.close();
        log.info("shutdown: routing engine stopped");
        journal.close();
        log.info("shutdown: journal flushed and closed in {} ({} records lost since start)",
                shown(settings.journal().dir()), journal.lostRecords());
    }

    /** Undoes a start that failed to bind a listener. */
    private void stopAfterFailedStart() {
        sessionTasks.shutdownNow();
        sessionTimers.shutdownNow();
        callbacks.takeOut().ifPresent(CallbackDesk::close);
        ami.ifPresent(AmiPool::close);
        engine.close();
        journal.close();
    }

    /**
     * Logs out every agent still on duty, at the stop's time: while Hotline is down nobody can take a call, and the
     * journal must say when that began, or the agents' time since the last record before the stop (minutes on a quiet
     * line) is lost from their logged-in, ready and occupancy figures. A restart logs them in again (autoLogin) or
     * they do.
     */
    private void logOutAgentsOnDuty() {
        try {
            List<String> onDuty = engine.read(routing -> routing.agents().stream()
                    .filter(agent -> agent.state() != AgentState.LOGGED_OUT).map(AgentView::agentId).toList())
                    .toCompletableFuture().get(DRAIN_SECONDS, TimeUnit.SECONDS);
            // in batches the journal's hand-off can hold, as at the start's logins: no record of the stop is lost
            int atOnce = Math.max(1, journal.capacity() / 8);
            for (int i = 0; i < onDuty.size(); i++) {
                engine.submit(new AcdEvent.AgentLoggedOut(engine.now(), onDuty.get(i)));
                if ((i + 1) % atOnce == 0 && i + 1 < onDuty.size()) {
                    awaitJournal();
                }
            }
            drainEngine();
            if (!onDuty.isEmpty()) {
                log.info("shutdown: {} agent(s) on duty logged out", onDuty.size());
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("shutdown: the agents on duty could not be logged out: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the engine has applied every event handed in so far (the hang-ups of the sessions just closed). */
    private void drainEngine() {
        try {
            // a read runs on the engine thread after every event queued before it: a barrier
            engine.waitingCall("").toCompletableFuture().get(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("shutdown: the routing engine did not drain its events within {} s: {}", DRAIN_SECONDS,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                log.warn("shutdown: call sessions still busy after {} s", DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shown(Path dir) {
        String s = dir.toString();
        return s.endsWith("/") ? s : s + "/";
    }
}
