package dev.hotline.server.cli;

import ch.qos.logback.classic.Level;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ConfigReloader;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.ServerSettings;
import dev.hotline.server.demo.DemoTraffic;
import dev.hotline.server.demo.ScaledClock;
import dev.hotline.server.journal.JournalException;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.serve.CentreView;
import dev.hotline.server.serve.HotlineServer;
import dev.hotline.server.serve.JournalUnavailable;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotline demo}: the real server on a configuration, beside a simulated Asterisk (FastAGI calls and the AMI
 * it logs in to, all on free loopback ports) that places a steady random stream of calls, so a newcomer sees the
 * centre work without an Asterisk. Time runs {@code --speed} times faster than real time; every few seconds a
 * picture of the queues, the agents and the figures is printed. Ctrl-C (or {@code --duration}) stops it cleanly.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Run Hotline beside a simulated Asterisk that places calls to the configuration's numbers (some "
                        + "from VIPs, some from blacklisted callers, some keying in IVR choices) to agents who "
                        + "answer after a few seconds and talk a while. Prints the queues, agents and figures every "
                        + "few seconds. Ctrl-C stops it.",
                "Nothing listens outside loopback; the journal goes to a new temporary directory unless --journal "
                        + "is given. The simulated clock starts at --start-at today in the centre's zone."})
public final class DemoCommand implements Callable<Integer> {
    /** The AMI user the demo's server logs in to its simulated Asterisk as. */
    private static final String AMI_USER = "hotline";
    /** How long (simulated) an agent who let a call ring out stays not ready. */
    private static final Duration BACK_AT_DESK_AFTER = Duration.ofMinutes(1);
    /** The not-ready reason of an agent who let a call ring out (Asterisk's NOANSWER, or the ACD's ring timer). */
    private static final String MISSED_CALL = "no answer";
    /** A periodic picture this recent is the last one: printing another would repeat it. */
    private static final long SAME_MOMENT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "the configuration directory (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "4",
            description = "calls per minute of simulated time, arriving at random (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", paramLabel = "K", defaultValue = "1",
            description = "seed of the callers' and agents' random draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--duration", paramLabel = "TIME",
            description = "stop after this much real time, e.g. 90s or 10m (default: until Ctrl-C)")
    String duration;

    /** The fastest the demo's time may run: a quarter of an hour each real second. */
    static final double MOST_SPEED = 1000;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "10", converter = OptionValues.Number.class,
            description = "how many times faster than real time the centre runs, at most 1000 "
                    + "(default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--every", paramLabel = "TIME", defaultValue = "5s",
            description = "real time between two pictures (default: ${DEFAULT-VALUE})")
    String every;

    @Option(names = "--start-at", paramLabel = "HH:MM", defaultValue = "10:00",
            description = "the simulated clock's start, today in the centre's zone (default: ${DEFAULT-VALUE})")
    String startAt;

    @Option(names = "--journal", paramLabel = "DIR",
            description = "where the journal goes (default: a new temporary directory)")
    Path journal;

    @Option(names = "--verbose", description = "log the server's work on stderr (default: warnings only)")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Object stopping = new Object();
    /** When {@link #print} last printed ({@link System#nanoTime}); 0 before the first picture. */
    private volatile long lastPictureAt;
    private boolean stopped;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Duration runFor = duration == null ? null : duration("--duration", duration);
        Duration pictureEvery = duration("--every", every);
        LocalTime start = timeOfDay("--start-at", startAt);
        if (!(rate > 0) || !(speed > 0) || Double.isInfinite(rate) || Double.isInfinite(speed)) {
            throw new ParameterException(spec.commandLine(), "--rate and --speed must be positive numbers: --rate "
                    + rate + ", --speed " + speed);
        }
        if (speed > MOST_SPEED) {
            // beyond it a second of real time is more than a quarter of an hour of calls, timers and journal days:
            // the real server's threads cannot keep up, and nothing is left to watch
            throw new ParameterException(spec.commandLine(), "--speed must be at most " + number(MOST_SPEED)
                    + ", got " + number(speed));
        }
        if (journal != null) {
            refuseAJournalThere(journal);
        }
        Optional<ConfigReloader> started = ConfigStartup.start(config, spec.commandLine().getErr());
        if (started.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        ConfigReloader reloader = started.get();
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level logLevel = root.getLevel();
        if (!verbose) {
            // the pictures are the demo's output; the server's own log lines would bury them
            root.setLevel(Level.WARN);
        }
        try {
            return run(reloader, out(), start, pictureEvery, runFor);
        } finally {
            root.setLevel(logLevel);
        }
    }

    /**
     * A demo's clock starts at --start-at again each run, so a second run's records would go back in time behind the
     * first's, and {@code report} could read neither: each run gets a directory of its own.
     */
    private void refuseAJournalThere(Path dir) {
        List<Path> files;
        try {
            files = new JournalReader(dir, warning -> { }).files().stream().map(f -> f.path()).toList();
        } catch (JournalException | java.io.UncheckedIOException e) {
            return; // no journal there (or no directory yet): the server says what is wrong with it, if anything
        }
        throw new ParameterException(spec.commandLine(), "--journal " + dir + " already holds a journal ("
                + files.getFirst().getFileName() + (files.size() > 1 ? " and " + (files.size() - 1) + " more"
                : "") + "): a demo's clock starts at --start-at again, so two runs in one directory could not be "
                + "reported; give a new or empty directory, or leave --journal out for a temporary one");
    }

    /**
     * Which of server.yaml's tokens open the demo's API: a newcomer who set none would otherwise meet only 401s, with
     * the reason in a warning above the pictures.
     */
    private static String tokensSaid(HotlineServer server, ConfigReloader reloader) {
        String inForce = server.apiTokensInForce().orElse("none");
        if (!inForce.equals("none")) {
            return "tokens: " + inForce;
        }
        List<String> variables = reloader.current().server().api().stream()
                .flatMap(api -> api.tokens().stream())
                .map(ApiSettings.Token::secret)
                .flatMap(secret -> secret instanceof ServerSettings.Secret.FromEnvironment e
                        ? java.util.stream.Stream.of(e.variable()) : java.util.stream.Stream.empty())
                .distinct().toList();
        return "no token in force" + (variables.isEmpty() ? "" : ": set " + String.join(" or ", variables)
                + " to " + ApiSettings.MIN_TOKEN_LENGTH + " or more characters before the demo to use it");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private int run(ConfigReloader reloader, PrintWriter out, LocalTime startAt, Duration pictureEvery,
                    Duration runFor)
            throws IOException, InterruptedException {
        CentreConfig centre = reloader.current().config();
        ZoneId zone = centre.settings().zone();
        DemoTraffic traffic = new DemoTraffic(centre, seed);
        Path journalDir = journal != null ? journal : Files.createTempDirectory("hotline-demo-journal-");
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        SimulatedAmiServer ami = SimulatedAmiServer.start(Map.of(AMI_USER, secret));
        ScaledClock clock = ScaledClock.startingAt(
                LocalDate.now(zone).atTime(startAt).atZone(zone).toInstant(), speed);
        HotlineServer server;
        try {
            server = HotlineServer.start(reloader,
                    demoSettings(reloader.current().server(), ami.port(), secret, journalDir), System::getenv, clock);
        } catch (JournalUnavailable e) {
            ami.close();
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println(e.inUse()
                    ? "the demo did not start: give --journal a directory no running Hotline writes (or leave it out)"
                    : "the demo did not start: give --journal a directory Hotline can write (or leave it out)");
            err.flush();
            return ExitCodes.CANNOT_JOURNAL;
        } catch (RuntimeException e) {
            ami.close();
            throw e;
        }
        SimulatedAsterisk asterisk = SimulatedAsterisk.builder(server.fastAgiAddress())
                .timing(SimulatedAsterisk.Timing.scaled(Duration.ofNanos(Math.round(1e9 / speed))))
                .otherAgents(traffic::nextAgent).ami(ami, traffic.endpoints()).build();
        out.printf("Hotline demo: %s, FastAGI on 127.0.0.1:%d, simulated Asterisk's AMI on 127.0.0.1:%d%s%n",
                config, server.fastAgiAddress().getPort(), ami.port(), server.apiAddress()
                        .map(api -> ", the API on 127.0.0.1:" + api.getPort() + " (" + tokensSaid(server, reloader)
                                + ")")
                        .orElse(""));
        out.printf("%s calls a minute at random, time x%s, journal in %s. %s%n", number(rate), number(speed),
                journalDir, runFor == null ? "Ctrl-C stops." : "Stops after " + Durations.format(runFor) + ".");
        out.flush();

        AtomicLong placed = new AtomicLong();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("demo-traffic").factory());
        scheduleArrival(timers, traffic, asterisk, placed);
        timers.scheduleAtFixedRate(() -> print(out, server, zone, placed, asterisk), pictureEvery.toNanos(),
                pictureEvery.toNanos(), TimeUnit.NANOSECONDS);
        // an agent who let a call ring out is made not ready; in the demo they are back at their desk a minute later
        timers.scheduleAtFixedRate(() -> bringBack(server), 1, 1, TimeUnit.SECONDS);

        CountDownLatch interrupted = new CountDownLatch(1);
        Runnable stop = () -> stop(out, timers, asterisk, server, ami, zone, placed, journalDir);
        Thread hook = Thread.ofPlatform().name("hotline-demo-stop").unstarted(() -> {
            interrupted.countDown();
            stop.run();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (runFor == null) {
            interrupted.await();
        } else {
            interrupted.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
        }
        stop.run();
        if (interrupted.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return ExitCodes.OK;
    }

    /** The configuration's server settings with everything on free loopback ports beside the simulator. */
    private ServerSettings demoSettings(ServerSettings configured, int amiPort, String secret, Path journalDir) {
        FastAgiSettings fastAgi = configured.fastAgi();
        ServerSettings.AmiServer simulated = new ServerSettings.AmiServer("simulated-asterisk", "127.0.0.1", amiPort,
                AMI_USER, new ServerSettings.Secret.Written(secret), Duration.ofSeconds(15), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        // announcements are timed by the sessions in real time: shortened by the speed, they keep their rhythm
        Duration announceEvery = Duration.ofNanos(Math.round(configured.announceEvery().toNanos() / speed));
        // the demo's agents are logged in and ready from the start, whatever server.yaml says (nobody is at a desk);
        // the API, if server.yaml has one, on a free loopback port with its tokens, so a desktop can follow the offers
        JournalSettings journal = configured.journal();
        return new ServerSettings(new FastAgiSettings("127.0.0.1", 0, fastAgi.maxLineLength(),
                fastAgi.maxEnvironmentLines(), fastAgi.environmentTimeout(), fastAgi.idleTimeout(),
                fastAgi.maxSessions()), List.of(simulated), new JournalSettings(journalDir, journal.maxFileBytes(),
                journal.flushEvery(), journal.capacity()), announceEvery,
                configured.musicOnHoldClass(), true, configured.ivrRequestTimeout(), configured.callbacks(),
                configured.api().map(api -> new ApiSettings("127.0.0.1", 0, api.tokens())))
                .withNotReadyReasons(configured.notReadyReasons());
    }

    private void scheduleArrival(ScheduledExecutorService timers, DemoTraffic traffic, SimulatedAsterisk asterisk,
                                 AtomicLong placed) {
        long realNanos = Math.round(traffic.nextGap(rate).toNanos() / speed);
        timers.schedule(() -> {
            asterisk.call(traffic.nextCaller());
            placed.incrementAndGet();
            scheduleArrival(timers, traffic, asterisk, placed);
        }, realNanos, TimeUnit.NANOSECONDS);
    }

    private static void bringBack(HotlineServer server) {
        try {
            CentreView view = server.view().toCompletableFuture().get(5, TimeUnit.SECONDS);
            view.agents().stream()
                    // only those the engine made not ready for a missed call: a break asked over the API stays
                    .filter(a -> a.state() == AgentState.NOT_READY && a.reason().equals(MISSED_CALL)
                            && view.nowMillis() - a.sinceMillis() >= BACK_AT_DESK_AFTER.toMillis())
                    .forEach(a -> server.agentReady(a.agentId()));
        } catch (ExecutionException | TimeoutException e) {
            // the next round tries again; the pictures say when the engine does not answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void print(PrintWriter out, HotlineServer server, ZoneId zone, AtomicLong placed,
                       SimulatedAsterisk asterisk) {
        try {
            CentreView view = server.view().toCompletableFuture().get(5, TimeUnit.SECONDS);
            out.print(DemoPicture.render(view, zone, speed, placed.get(), asterisk.liveCalls()));
            out.flush();
            lastPictureAt = System.nanoTime();
        } catch (ExecutionException | TimeoutException e) {
            out.println("-- the routing engine did not answer: " + e);
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops once, in order: no new calls and the last picture; then the callers still on the line hang up (so the
     * server sees every call end, and journals them as abandoned or ended), then the server, then the simulated AMI.
     * Ctrl-C and the end of --duration both come here.
     */
    private void stop(PrintWriter out, ScheduledExecutorService timers, SimulatedAsterisk asterisk,
                      HotlineServer server, SimulatedAmiServer ami, ZoneId zone, AtomicLong placed, Path journalDir) {
        synchronized (stopping) {
            if (stopped) {
                return;
            }
            stopped = true;
            timers.shutdownNow();
            try {
                // a picture being printed is finished before the last one
                timers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (lastPictureAt == 0 || System.nanoTime() - lastPictureAt > SAME_MOMENT_NANOS) {
                // unless a periodic picture was printed this very moment (--duration a multiple of --every)
                print(out, server, zone, placed, asterisk);
            }
            int live = asterisk.liveCalls();
            out.println("Stopping: " + ValidateCommand.count(live, "caller", "callers") + " still on the line "
                    + (live == 1 ? "hangs" : "hang") + " up.");
            out.flush();
            asterisk.close();
            server.close();
            ami.close();
            out.println("Stopped. The journal is in " + journalDir + " (" + ThisCommand.invocation()
                    + " report --journal " + journalDir
                    + " rebuilds the figures).");
            out.flush();
        }
    }

    private Duration duration(String option, String text) {
        try {
            Duration parsed = Durations.parse(text);
            if (parsed.isZero() || parsed.isNegative()) {
                throw new IllegalArgumentException("not positive");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + " must be a positive duration such as 90s, "
                    + "10m or 1h: '" + text + "'");
        }
    }

    private LocalTime timeOfDay(String option, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be a time of day HH:MM from 00:00 to "
                    + "23:59: '" + text + "'");
        }
    }

    private static String number(double value) {
        if (value != Math.rint(value) || Math.abs(value) >= 1e15) {
            // BigDecimal's plain text: no exponent (1.0E-4 calls a minute) for a figure people read
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        return Long.toString((long) value);
    }
}
