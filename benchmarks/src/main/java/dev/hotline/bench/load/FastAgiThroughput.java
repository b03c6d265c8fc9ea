package dev.hotline.bench.load;

import dev.hotline.bridge.agi.server.FastAgiServer;
import dev.hotline.bridge.agi.server.FastAgiSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * AGI commands per second: Hotline's FastAGI server and Asterisk-Java's {@code DefaultAgiServer}, in the same JVM and
 * the same run, each running {@link IvrScript} for many concurrent calls played by a simulated Asterisk. Rounds
 * alternate between the two servers so that both see the same machine; warm-up rounds first, then measured ones.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.hotline.bench.load.FastAgiThroughput [--calls N]
 * [--concurrency C] [--warmup W] [--rounds R]} (defaults 20,000 calls a round, 400 at once, 2 warm-up and 5 measured
 * rounds per server). Exits with 1 if any call failed or any count is off.
 */
public final class FastAgiThroughput {

    private static final String HOTLINE = "Hotline FastAgiServer";
    private static final String ASTERISK_JAVA = "Asterisk-Java DefaultAgiServer";

    private FastAgiThroughput() {
    }

    public static void main(String[] args) throws Exception {
        LoadArguments arguments = LoadArguments.parse(args, "--calls", "20000", "--concurrency", "400",
                "--warmup", "2", "--rounds", "5", "--asterisk-java-threads", "0");
        int calls = arguments.integer("--calls");
        int concurrency = arguments.integer("--concurrency");
        int warmup = arguments.integer("--warmup");
        int rounds = arguments.integer("--rounds");
        // 0: DefaultAgiServer's own pool (at most 500 threads); more lets it take more calls at once than that
        int asteriskJavaThreads = arguments.integer("--asterisk-java-threads");
        // Asterisk-Java sends one command of its own after the script: SET VARIABLE AJ_AGISTATUS SUCCESS.
        List<String> hotlineVerbs = IvrScript.VERBS;
        List<String> asteriskJavaVerbs = Stream.concat(IvrScript.VERBS.stream(), Stream.of("SET VARIABLE")).toList();

        System.out.printf(Locale.ROOT, "%d calls a round, %d at once, %d warm-up + %d measured rounds per server; "
                + "%d CPUs, %s %s, load average %.2f%n", calls, concurrency, warmup, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadAverage());
        AtomicLong sequence = new AtomicLong();
        List<LoadRound.Result> hotline = new ArrayList<>();
        List<LoadRound.Result> asteriskJava = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (FastAgiServer ours = FastAgiServer.start(FastAgiSettings.defaults().withPort(0), new HotlineIvrScript());
             AsteriskJavaServer theirs = AsteriskJavaServer.start(new AsteriskJavaIvrScript(), asteriskJavaThreads)) {
            System.out.println(ASTERISK_JAVA + " pool: " + theirs.pool());
            int port = ours.localAddress().getPort();
            for (int round = 1; round <= warmup + rounds; round++) {
                boolean measured = round > warmup;
                String label = measured ? "round " + (round - warmup) : "warm-up " + round;
                LoadRound.Result h = LoadRound.run(port, calls, concurrency, hotlineVerbs, sequence,
                        name -> name.startsWith("fastagi-"));
                report(label, HOTLINE, h, hotlineVerbs.size(), calls, problems);
                LoadRound.Result a = LoadRound.run(theirs.port(), calls, concurrency, asteriskJavaVerbs, sequence,
                        AsteriskJavaServer::ownsThread);
                report(label, ASTERISK_JAVA, a, asteriskJavaVerbs.size(), calls, problems);
                if (measured) {
                    hotline.add(h);
                    asteriskJava.add(a);
                }
            }
            if (ours.openSessions() != 0) {
                problems.add(HOTLINE + " still has " + ours.openSessions() + " sessions open after the last round");
            }
        }
        summary(hotline, asteriskJava, hotlineVerbs.size());
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("FAILED: " + p));
            System.exit(1);
        }
    }

    private static void report(String label, String server, LoadRound.Result r, int commandsPerCall, int calls,
                               List<String> problems) {
        System.out.printf(Locale.ROOT, "%-10s %-31s %6d calls %7d commands in %5.2f s: %,7.0f commands/s %,6.0f "
                + "calls/s; server CPU %5.2f s (user %5.2f s), %,6.0f calls per CPU-second%s%n", label, server,
                r.calls(), r.commands(), r.nanos() / 1e9, r.commandsPerSecond(), r.callsPerSecond(),
                r.serverCpuNanos() / 1e9, r.serverUserNanos() / 1e9, r.callsPerServerCpuSecond(),
                r.failures() == 0 ? "" : "  FAILED CALLS: " + r.failures() + " " + r.firstFailures());
        if (r.failures() != 0 || r.calls() != calls || r.commands() != (long) calls * commandsPerCall) {
            problems.add(server + " " + label + ": " + r.calls() + " of " + calls + " calls completed with "
                    + r.commands() + " commands (expected " + (long) calls * commandsPerCall + "), " + r.failures()
                    + " failed: " + r.firstFailures());
        }
    }

    /**
     * Medians of the measured rounds. The ratios compare script commands (calls x 9), the work both servers did:
     * per second of wall time (bounded by the simulated Asterisk, which shares the CPUs) and per second of the
     * server threads' own CPU time.
     */
    private static void summary(List<LoadRound.Result> hotline, List<LoadRound.Result> asteriskJava, int scriptSize) {
        double ours = median(hotline.stream().mapToDouble(LoadRound.Result::callsPerSecond).toArray());
        double theirs = median(asteriskJava.stream().mapToDouble(LoadRound.Result::callsPerSecond).toArray());
        double oursCpu = median(hotline.stream().mapToDouble(LoadRound.Result::callsPerServerCpuSecond).toArray());
        double theirsCpu = median(asteriskJava.stream().mapToDouble(LoadRound.Result::callsPerServerCpuSecond)
                .toArray());
        System.out.printf(Locale.ROOT, "median of %d rounds, script commands per second of wall time: %s %,.0f, %s "
                + "%,.0f, ratio %.2fx%n", hotline.size(), HOTLINE, ours * scriptSize, ASTERISK_JAVA,
                theirs * scriptSize, ours / theirs);
        System.out.printf(Locale.ROOT, "median of %d rounds, script commands per second of server CPU: %s %,.0f, %s "
                + "%,.0f, ratio %.2fx%n", hotline.size(), HOTLINE, oursCpu * scriptSize, ASTERISK_JAVA,
                theirsCpu * scriptSize, oursCpu / theirsCpu);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
