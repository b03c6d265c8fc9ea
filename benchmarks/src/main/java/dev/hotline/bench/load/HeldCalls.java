package dev.hotline.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Thousands of callers waiting at once on the real {@code hotline serve}, in a child JVM with a fixed heap: the only
 * agent takes the first call and talks throughout, every other call queues and hears music on hold. Counts the
 * callers on hold, the server's sockets, threads and heap while they wait; then every caller hangs up and the test
 * checks that every session ended, every socket closed and the journal has exactly one {@code ABANDONED} end per
 * waiting call.
 *
 * <p>Run (after {@code mvn -pl server,benchmarks -am package -DskipTests}): {@code java -cp
 * benchmarks/target/benchmarks.jar dev.hotline.bench.load.HeldCalls [--calls 10000] [--heap 512m]
 * [--jar server/target/hotline.jar]}. Exits with 1 when any count is off.
 */
public final class HeldCalls {

    /** Callers connecting at once; more would overflow the listen backlog and wait for SYN retries. */
    private static final int CONNECTING_AT_ONCE = 500;
    private static final long PATIENCE_MINUTES = 10;
    /** What one call's session is made of on the server; none may outlive the calls. */
    private static final List<String> SESSION_CLASSES = List.of("io.netty.channel.socket.nio.NioSocketChannel",
            "dev.hotline.bridge.agi.server.internal.AgiSession", "dev.hotline.bridge.session.CallSession");

    private HeldCalls() {
    }

    public static void main(String[] args) throws Exception {
        LoadArguments arguments = LoadArguments.parse(args, "--calls", "10000", "--heap", "512m",
                "--jar", "server/target/hotline.jar");
        int calls = arguments.integer("--calls");
        Path jar = Path.of(arguments.text("--jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
                    + " (build it: mvn -B -pl server,benchmarks -am package -DskipTests)");
        }
        Path work = Files.createTempDirectory("hotline-held-calls-");
        Path journal = work.resolve("journal");
        int port = freePort();
        HeldCallsConfig.write(work.resolve("config"), port, calls + 100, journal);
        System.out.printf(Locale.ROOT, "%d waiting calls against hotline serve -Xmx%s (pid below), work directory %s"
                + "; %d CPUs, load average %.2f%n", calls, arguments.text("--heap"), work,
                Runtime.getRuntime().availableProcessors(), loadAverage());

        List<String> problems = new ArrayList<>();
        AtomicLong sequence = new AtomicLong();
        List<HeldCaller.Outcome> outcomes = new ArrayList<>();
        String agentCallId;
        try (ServeProcess serve = ServeProcess.start(jar, arguments.text("--heap"), work.resolve("config"), work)) {
            long baseHeap = serve.heapUsedAfterFullGc();
            long baseSockets = serve.openSockets();
            long baseThreads = serve.threads();
            System.out.printf(Locale.ROOT, "serve pid %d ready: heap used after full GC %s, %d sockets, %d threads%n",
                    serve.pid(), mib(baseHeap), baseSockets, baseThreads);

            try (AgentCall agent = AgentCall.connect(port, sequence.addAndGet(2))) {
                agentCallId = agent.uniqueId();
                CountDownLatch onHold = new CountDownLatch(calls);
                CountDownLatch hangUp = new CountDownLatch(1);
                Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
                long start = System.nanoTime();
                try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<HeldCaller.Outcome>> pending = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        long id = sequence.incrementAndGet();
                        pending.add(callers.submit(() -> {
                            connecting.acquire();
                            boolean[] released = {false};
                            try {
                                return HeldCaller.call(port, id, () -> {
                                    onHold.countDown();
                                    released[0] = true;
                                    connecting.release();
                                }, hangUp);
                            } finally {
                                if (!released[0]) {
                                    connecting.release();
                                }
                            }
                        }));
                    }
                    boolean allHeld = onHold.await(PATIENCE_MINUTES, TimeUnit.MINUTES);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long held = calls - onHold.getCount();
                    long heldSockets = serve.openSockets();
                    long heldThreads = serve.threads();
                    long heldHeap = serve.heapUsedAfterFullGc();
                    System.out.printf(Locale.ROOT, "on hold: %d of %d callers got music on hold in %.1f s; server: %d "
                            + "sockets, %d threads, heap used after full GC %s (%s more than idle: %,d bytes per "
                            + "waiting call)%n", held, calls, seconds, heldSockets, heldThreads, mib(heldHeap),
                            mib(heldHeap - baseHeap), (heldHeap - baseHeap) / Math.max(1, held));
                    System.out.println("largest live classes with every call waiting:\n" + serve.histogram(12));
                    if (!allHeld) {
                        problems.add("only " + held + " of " + calls + " callers reached music on hold within "
                                + PATIENCE_MINUTES + " min");
                    }
                    if (heldSockets != baseSockets + calls + 1) {
                        problems.add("the server had " + heldSockets + " sockets with every call waiting, expected "
                                + (baseSockets + calls + 1) + " (" + baseSockets + " idle + " + calls
                                + " waiting + the agent's call)");
                    }

                    long hangUpStart = System.nanoTime();
                    hangUp.countDown();
                    for (Future<HeldCaller.Outcome> caller : pending) {
                        outcomes.add(outcome(caller, problems));
                    }
                    agent.hangUp();
                    System.out.printf(Locale.ROOT, "hang-up: %d sessions ended by the server in %.1f s%n",
                            outcomes.stream().filter(HeldCaller.Outcome::endedByServer).count() + 1,
                            (System.nanoTime() - hangUpStart) / 1e9);
                }
            }
            long afterSockets = awaitSockets(serve, baseSockets);
            long afterHeap = serve.heapUsedAfterFullGc();
            System.out.printf(Locale.ROOT, "after: server %d sockets (idle: %d), %d threads, heap used after full GC "
                    + "%s%n", afterSockets, baseSockets, serve.threads(), mib(afterHeap));
            System.out.println("largest live classes after every call ended:\n" + serve.histogram(12));
            for (String sessionClass : SESSION_CLASSES) {
                long live = serve.liveInstances(sessionClass);
                if (live != 0) {
                    problems.add(live + " " + sessionClass + " still live after every call ended");
                }
            }
            if (afterSockets != baseSockets) {
                problems.add("the server still had " + afterSockets + " sockets after every call ended, "
                        + baseSockets + " when idle: " + (afterSockets - baseSockets) + " FastAGI sessions left open");
            }
            serve.stop();
        }
        checkCallers(outcomes, calls, problems);
        checkJournal(journal, outcomes, agentCallId, calls, problems);
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("FAILED: " + p));
            System.exit(1);
        }
        System.out.println("OK: every count matches");
    }

    private static HeldCaller.Outcome outcome(Future<HeldCaller.Outcome> caller, List<String> problems)
            throws InterruptedException {
        try {
            return caller.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof ExecutionException ? e.getCause().toString() : "no end within "
                    + PATIENCE_MINUTES + " min";
            problems.add("a caller failed: " + why);
            return new HeldCaller.Outcome("(failed)", false, 0, false);
        }
    }

    private static void checkCallers(List<HeldCaller.Outcome> outcomes, int calls, List<String> problems) {
        long held = outcomes.stream().filter(HeldCaller.Outcome::reachedHold).count();
        long ended = outcomes.stream().filter(HeldCaller.Outcome::endedByServer).count();
        long extra = outcomes.stream().mapToLong(HeldCaller.Outcome::commandsAfterHangUp).sum();
        System.out.printf(Locale.ROOT, "callers: %d reached music on hold, %d sessions ended by the server, %d "
                + "commands sent after a caller's HANGUP%n", held, ended, extra);
        if (held != calls || ended != calls) {
            problems.add(held + " callers reached music on hold and " + ended + " sessions were ended by the server, "
                    + "expected " + calls + " each");
        }
    }

    private static void checkJournal(Path journal, List<HeldCaller.Outcome> outcomes, String agentCallId, int calls,
                                     List<String> problems) throws IOException {
        Map<String, List<String>> ended = JournalCounts.outcomesByCall(journal);
        long abandoned = 0;
        for (HeldCaller.Outcome caller : outcomes) {
            List<String> recorded = ended.getOrDefault(caller.uniqueId(), List.of());
            if (recorded.equals(List.of("ABANDONED"))) {
                abandoned++;
            } else if (problems.size() < 20) {
                problems.add("journal: call " + caller.uniqueId() + " ended " + recorded + ", expected [ABANDONED]");
            }
        }
        long records = ended.values().stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "journal: %d call-ended records, %d of the waiting calls ABANDONED once each; "
                + "the agent's call %s%n", records, abandoned, ended.getOrDefault(agentCallId, List.of()));
        if (abandoned != calls || records != calls + 1 || ended.getOrDefault(agentCallId, List.of()).size() != 1) {
            problems.add("journal: " + records + " call-ended records with " + abandoned + " waiting calls ABANDONED "
                    + "once, expected " + (calls + 1) + " records: " + calls + " ABANDONED and the agent's call once");
        }
    }

    /** The server closes a session's socket just after the caller sees its end: waits for the count to settle. */
    private static long awaitSockets(ServeProcess serve, long expected) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long sockets = serve.openSockets();
        while (sockets != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000_000);
            sockets = serve.openSockets();
        }
        return sockets;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
