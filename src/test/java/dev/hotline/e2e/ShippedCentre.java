package dev.hotline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.simulator.SimulatedAgent;
import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.server.ConfigCopy;
import dev.hotline.server.config.ConfigReloader;
import dev.hotline.server.serve.HotlineServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shipped configuration ({@code config/}) copied into a test directory and served by {@link HotlineServer} over
 * real sockets, FastAGI on a free loopback port and the journal in the test directory. The server's clock runs from
 * a Wednesday morning in Shanghai that is no public holiday, so every line the shipped centre has (sales daily
 * 08:00-24:00, after-sales weekdays 09:00-21:00) is open whenever the suite runs.
 */
final class ShippedCentre implements AutoCloseable {
    static final Path SHIPPED = Path.of(System.getProperty("hotline.config.dir", "../config"));
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String AMI_SECRET_VARIABLE = "HOTLINE_AMI_SECRET";
    static final String AMI_SECRET = "amp111";
    static final String SUPERVISOR_TOKEN_VARIABLE = "HOTLINE_SUPERVISOR_TOKEN";
    static final String SUPERVISOR_TOKEN = "e2e-supervisor-token-0001";
    /** 10:00 on Wednesday 25 November 2026 in Asia/Shanghai. */
    static final Instant OPEN_HOURS = OffsetDateTime.parse("2026-11-25T10:00:00+08:00").toInstant();

    /** The shipped agents' phones, by skill group (agents.yaml). */
    static final Set<String> VIP = endpoints("1001", "1002", "1012");
    static final Set<String> SALES_HEALTH = endpoints("1001", "1003", "1004", "1005", "1007", "1011");
    static final Set<String> SALES_HOME = endpoints("1003", "1005", "1006", "1010", "1011");
    static final Set<String> SALES_BEAUTY = endpoints("1002", "1004", "1007", "1008", "1011");
    static final Set<String> AFTER_SALES = endpoints("1002", "1006", "1008", "1009", "1010", "1012");
    static final List<String> ALL_PHONES = Stream.of("1001", "1002", "1003", "1004", "1005", "1006", "1007",
            "1008", "1009", "1010", "1011", "1012").map(a -> "PJSIP/" + a).toList();

    final Path config;
    final Path journal;
    private HotlineServer server;
    /** Where the server's clock starts. */
    private Instant startsAt = OPEN_HOURS;

    /** Copies the shipped configuration into {@code directory}/config; the journal goes to .../journal. */
    ShippedCentre(Path directory) throws IOException {
        config = directory.resolve("config");
        journal = directory.resolve("journal");
        ConfigCopy.tree(SHIPPED, config);
        rewrite("server.yaml", "  port: 4573", "  port: 0");
        rewrite("server.yaml", "  port: 8080", "  port: 0");
        rewrite("server.yaml", "  directory: journal", "  directory: " + journal);
    }

    /** Replaces text in one of the copied configuration files (it must be there). */
    ShippedCentre rewrite(String file, String from, String to) throws IOException {
        Path path = config.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file + " holds " + from).contains(from);
        Files.writeString(path, text.replace(from, to));
        return this;
    }

    /** Serves from {@code instant} on, rather than from {@link #OPEN_HOURS}. */
    ShippedCentre startingAt(Instant instant) {
        startsAt = instant;
        return this;
    }

    /** Serves without AMI: no secret in the environment, so the AMI server of server.yaml is skipped. */
    HotlineServer serve() {
        return start(Map.of());
    }

    /**
     * Serves without AMI to a simulated Asterisk whose agents would all answer after a second (one simulated second
     * lasting 5 ms): a call that never dials one was completed by the IVR alone.
     */
    SimulatedAsterisk serveToAgentsWhoAnswer() {
        return SimulatedAsterisk.builder(serve().fastAgiAddress())
                .timing(SimulatedAsterisk.Timing.scaled(Duration.ofMillis(5)))
                .otherAgents(SimulatedAgent.answersAfter(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .build();
    }

    /**
     * Serves with the AMI server of server.yaml pointed at {@code amiPort} on loopback and its secret set, and the
     * supervisors' API token set.
     */
    HotlineServer serveWithAmi(int amiPort) throws IOException {
        rewrite("server.yaml", "    port: 5038", "    port: " + amiPort);
        // the shipped back-off grows to 30 s between attempts; the rule is the same with a flat second
        rewrite("server.yaml", "reconnectMax: 30s", "reconnectMax: 1s");
        return start(Map.of(AMI_SECRET_VARIABLE, AMI_SECRET, SUPERVISOR_TOKEN_VARIABLE, SUPERVISOR_TOKEN));
    }

    private HotlineServer start(Map<String, String> environment) {
        ConfigReloader reloader = switch (ConfigReloader.start(config)) {
            case ConfigReloader.Startup.Started s -> s.reloader();
            case ConfigReloader.Startup.Refused r -> throw new AssertionError("config refused: " + r.problems());
        };
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), startsAt));
        server = HotlineServer.start(reloader, environment::get, clock);
        return server;
    }

    HotlineServer server() {
        return server;
    }

    /** The journal's records of one call, in order (read after {@link #close()}, so everything is flushed). */
    List<String> journalOf(String callId) throws IOException {
        return journalLines().stream().filter(l -> l.contains("\"callId\":\"" + callId + "\"")).toList();
    }

    /** Every line of the journal's files as they are on disk now (the server may still run). */
    List<String> journalLines() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().flatMap(ShippedCentre::lines).toList();
        }
    }

    /** The journal's call-ended record of one call. */
    String callEnded(String callId) throws IOException {
        List<String> ended = journalOf(callId).stream().filter(l -> l.contains("\"type\":\"call-ended\"")).toList();
        assertThat(ended).as("call-ended of " + callId).hasSize(1);
        return ended.getFirst();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** Waits until {@code condition} holds, checking every few milliseconds, for at most {@link #PATIENCE}. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    static Set<String> endpoints(String... agents) {
        return Stream.of(agents).map(a -> "PJSIP/" + a).collect(Collectors.toUnmodifiableSet());
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
