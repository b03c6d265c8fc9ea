package dev.hotline.bridge.agi.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.hotline.bridge.LogCapture;
import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.AgiTranscript;
import dev.hotline.bridge.agi.FixtureCommands;
import dev.hotline.bridge.agi.server.HostileInputs.Hostile;
import dev.hotline.bridge.agi.server.internal.AgiSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Many hostile FastAGI connections at once (malformed, oversized, binary, truncated, slow and idle input, see
 * {@link HostileInputs}), seeded, against a real server on loopback while well-formed sessions replay a captured
 * Asterisk call beside them. Every well-formed call must get its script byte for byte; every hostile one must be
 * closed with a log line that says why; no session may be left open; and the server must go on serving.
 */
class FastAgiFuzzTest {

    private static final long SEED = 0x4F7A2026L;
    private static final int WELL_FORMED = 120;
    private static final int HOSTILE_PER_KIND = 15;

    /**
     * Short limits so slow and idle clients are closed within seconds; a well-formed client answers at once, so they
     * never touch it.
     */
    private static final FastAgiSettings SETTINGS = new FastAgiSettings("127.0.0.1", 0, 8192, 128,
            Duration.ofSeconds(5), Duration.ofSeconds(6), 10_000);

    /** Guards against a hang only: every wait below ends as soon as its condition holds. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    private final AgiTranscript basic = AgiTranscript.load("agi-session-basic");
    private final List<AgiCommand> script = FixtureCommands.commands("agi-session-basic");
    /** Per uniqueid, the replies of every session whose script ran to its end. */
    private final Map<String, List<List<AgiReply>>> completed = new ConcurrentHashMap<>();

    @Test
    void hostileConnectionsAreClosedAndLoggedWhileWellFormedCallsCompleteAndNothingLeaks() throws Exception {
        List<Hostile> hostile = new HostileInputs(SETTINGS, basic, SEED).all(HOSTILE_PER_KIND);

        try (LogCapture log = LogCapture.of(AgiSession.class, Level.INFO);
             FastAgiServer server = FastAgiServer.start(SETTINGS, this::runScript);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            int port = server.localAddress().getPort();
            replayWellFormed(port, "fuzz-before");
            List<AgiReply> expected = onlyRun("fuzz-before");
            assertThat(expected).hasSize(script.size());
            assertThat(expected.get(6)).isEqualTo(new AgiReply.Success("1234", Optional.empty(), OptionalLong.empty()));

            List<Future<String>> wellFormed = new ArrayList<>();
            List<Future<Integer>> hostileEnds = new ArrayList<>();
            int next = 0;
            for (Hostile h : hostile) {
                hostileEnds.add(clients.submit(() -> playHostile(port, h)));
                if (next < WELL_FORMED) { // interleaved, so well-formed calls meet every kind of neighbour
                    String id = "fuzz-ok-" + next++;
                    wellFormed.add(clients.submit(() -> replayWellFormed(port, id)));
                }
            }
            while (next < WELL_FORMED) {
                String id = "fuzz-ok-" + next++;
                wellFormed.add(clients.submit(() -> replayWellFormed(port, id)));
            }

            for (Future<String> call : wellFormed) {
                String id = call.get(GUARD.toSeconds(), TimeUnit.SECONDS);
                assertThat(onlyRun(id)).as("replies seen by the script of %s", id).isEqualTo(expected);
            }
            List<Integer> localPorts = new ArrayList<>();
            for (Future<Integer> end : hostileEnds) {
                localPorts.add(end.get(GUARD.toSeconds(), TimeUnit.SECONDS));
            }
            await(() -> server.openSessions() == 0, "every session closed", server);

            List<String> lines = log.lines();
            for (int i = 0; i < hostile.size(); i++) {
                Hostile h = hostile.get(i);
                if (h.expectedLog().isEmpty()) {
                    continue;
                }
                String who = h.uniqueId().map(id -> "(" + id + ")").orElse(":" + localPorts.get(i) + " ");
                assertThat(lines).as("the log line about hostile client %d (%s)", i, h.kind())
                        .anySatisfy(line -> assertThat(line).contains(who, h.expectedLog()));
            }
            assertThat(lines).as("no unexpected error").noneMatch(line -> line.startsWith("ERROR"));
            assertThat(lines).as("what hostile clients sent is logged escaped and cut short")
                    .allSatisfy(line -> assertThat(line).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThan(600));

            replayWellFormed(port, "fuzz-after");
            assertThat(onlyRun("fuzz-after")).isEqualTo(expected);
            await(() -> server.openSessions() == 0, "the last session closed", server);
        }
    }

    /** Sends the captured commands one after another, keeps the replies by uniqueid, then ends the session. */
    private void runScript(AgiChannel channel, AgiEnvironment environment) {
        List<AgiReply> replies = new CopyOnWriteArrayList<>();
        sendNext(channel, environment.uniqueId(), replies);
    }

    private void sendNext(AgiChannel channel, String uniqueId, List<AgiReply> replies) {
        if (replies.size() == script.size()) {
            completed.computeIfAbsent(uniqueId, id -> new CopyOnWriteArrayList<>()).add(List.copyOf(replies));
            channel.close();
            return;
        }
        channel.send(script.get(replies.size())).thenAccept(reply -> {
            replies.add(reply);
            sendNext(channel, uniqueId, replies);
        });
    }

    private List<AgiReply> onlyRun(String uniqueId) {
        List<List<AgiReply>> runs = completed.getOrDefault(uniqueId, List.of());
        assertThat(runs).as("completed scripts of %s", uniqueId).hasSize(1);
        return runs.getFirst();
    }

    /**
     * Plays Asterisk's side of the captured session with its own uniqueid, answering each command only once it has
     * arrived, and checks every byte the server sends, its half-close included.
     */
    private String replayWellFormed(int port, String uniqueId) throws IOException {
        try (Socket asterisk = connect(port)) {
            InputStream fromServer = asterisk.getInputStream();
            for (AgiTranscript.Step step : basic.steps()) {
                switch (step) {
                    case AgiTranscript.FromAsterisk bytes -> asterisk.getOutputStream().write(
                            new String(bytes.bytes(), StandardCharsets.US_ASCII).replace("1795413027.1", uniqueId)
                                    .getBytes(StandardCharsets.US_ASCII));
                    case AgiTranscript.FromServer bytes -> assertThat(
                            new String(fromServer.readNBytes(bytes.bytes().length), StandardCharsets.US_ASCII))
                            .as("what %s received", uniqueId)
                            .isEqualTo(new String(bytes.bytes(), StandardCharsets.US_ASCII));
                    case AgiTranscript.ServerEof eof -> assertThat(fromServer.read()).as("end of %s", uniqueId)
                            .isEqualTo(-1);
                    case AgiTranscript.AsteriskEof eof -> asterisk.shutdownOutput();
                }
            }
        }
        return uniqueId;
    }

    /** Sends the hostile bytes, closes or falls silent, and waits for the server to close; returns its own port. */
    private static int playHostile(int port, Hostile hostile) throws IOException {
        try (Socket client = connect(port)) {
            int localPort = client.getLocalPort();
            try {
                client.getOutputStream().write(hostile.bytes());
                if (hostile.thenClose()) {
                    client.shutdownOutput();
                }
                byte[] sink = new byte[4096];
                while (client.getInputStream().read(sink) != -1) {
                    // the commands a session sends before it notices what is wrong are of no interest here
                }
            } catch (SocketException reset) {
                // the server closed with our bytes unread (an oversized line): a reset is its close too
                assertThat(reset.getMessage()).as("%s", hostile.kind()).containsAnyOf("reset", "Broken pipe");
            }
            return localPort;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) GUARD.toMillis());
        socket.setSoTimeout((int) GUARD.toMillis());
        return socket;
    }

    private static void await(BooleanSupplier condition, String what, FastAgiServer server)
            throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + GUARD + ": " + what + " (open sessions: "
                        + server.openSessions() + ")");
            }
            LockSupport.parkNanos(1_000_000); // polls the condition; the wait ends as soon as it holds
        }
    }
}
