package dev.hotline.bridge.agi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiCommands;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.AgiTranscript;
import dev.hotline.bridge.agi.FixtureCommands;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The FastAGI server on a real loopback socket, with a plain socket playing Asterisk from the captured bytes. */
class FastAgiServerTest {

    /** Guards against a hang only; nothing here waits for time to pass. */
    private static final int READ_GUARD_MILLIS = 10_000;

    private static final FastAgiSettings ANY_PORT = FastAgiSettings.defaults().withPort(0);

    /** A script that sends the commands one after another, then ends the session; {@code done} gets the replies. */
    private static AgiScript sendingInTurn(List<AgiCommand> commands, CompletableFuture<List<AgiReply>> done) {
        return (channel, environment) -> {
            List<AgiReply> replies = new CopyOnWriteArrayList<>();
            sendNext(channel, commands, replies, done);
        };
    }

    private static void sendNext(AgiChannel channel, List<AgiCommand> commands, List<AgiReply> replies,
            CompletableFuture<List<AgiReply>> done) {
        if (replies.size() == commands.size()) {
            channel.close();
            done.complete(List.copyOf(replies));
            return;
        }
        channel.send(commands.get(replies.size())).thenAccept(reply -> {
            replies.add(reply);
            sendNext(channel, commands, replies, done);
        });
    }

    @Test
    void aCapturedSessionReplayedOverLoopbackGetsTheCapturedCommandsByteForByte() throws Exception {
        AgiTranscript transcript = AgiTranscript.load("agi-session-basic");
        List<AgiCommand> commands = FixtureCommands.commands("agi-session-basic");
        CompletableFuture<List<AgiReply>> done = new CompletableFuture<>();

        try (FastAgiServer server = FastAgiServer.start(ANY_PORT, sendingInTurn(commands, done));
             Socket asterisk = connect(server)) {
            InputStream fromServer = asterisk.getInputStream();
            for (AgiTranscript.Step step : transcript.steps()) {
                switch (step) {
                    case AgiTranscript.FromAsterisk bytes -> asterisk.getOutputStream().write(bytes.bytes());
                    case AgiTranscript.FromServer bytes -> assertThat(new String(fromServer.readNBytes(bytes.bytes().length),
                            StandardCharsets.UTF_8)).isEqualTo(new String(bytes.bytes(), StandardCharsets.UTF_8));
                    case AgiTranscript.ServerEof eof -> assertThat(fromServer.read()).isEqualTo(-1);
                    case AgiTranscript.AsteriskEof eof -> asterisk.shutdownOutput();
                }
            }

            List<AgiReply> replies = done.get(READ_GUARD_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(replies).hasSize(commands.size());
            assertThat(replies.get(6)).isEqualTo(new AgiReply.Success("1234", Optional.empty(),
                    OptionalLong.empty()));
        }
    }

    @Test
    void aConnectionBeyondTheSessionLimitIsClosedAtOnceWhileTheOpenSessionCarriesOn() throws Exception {
        byte[] environment = AgiTranscript.load("agi-session-basic").environmentBytes();
        CompletableFuture<List<AgiReply>> done = new CompletableFuture<>();

        try (FastAgiServer server = FastAgiServer.start(ANY_PORT.withMaxSessions(1),
                sendingInTurn(List.of(AgiCommands.answer()), done));
             Socket first = connect(server)) {
            first.getOutputStream().write(environment);
            // The first session is counted once its script has spoken; only then may the second connect, since
            // accepted connections become active on different event loops in no fixed order.
            assertThat(readLine(first)).isEqualTo("ANSWER\n");

            try (Socket second = connect(server)) {
                assertClosedByServer(second);
            }

            first.getOutputStream().write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(done.get(READ_GUARD_MILLIS, TimeUnit.MILLISECONDS)).hasSize(1);
            assertThat(first.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aSessionLimitLoweredWhileCallsAreOpenRefusesTheNextConnectionAndTheOpenSessionCarriesOn() throws Exception {
        byte[] environment = AgiTranscript.load("agi-session-basic").environmentBytes();
        CompletableFuture<List<AgiReply>> done = new CompletableFuture<>();

        try (FastAgiServer server = FastAgiServer.start(ANY_PORT, sendingInTurn(List.of(AgiCommands.answer()), done));
             Socket first = connect(server)) {
            first.getOutputStream().write(environment);
            assertThat(readLine(first)).isEqualTo("ANSWER\n");

            server.useLimits(ANY_PORT.withMaxSessions(1));

            try (Socket second = connect(server)) {
                assertClosedByServer(second);
            }
            first.getOutputStream().write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(done.get(READ_GUARD_MILLIS, TimeUnit.MILLISECONDS)).hasSize(1);
            assertThatThrownBy(() -> server.useLimits(ANY_PORT.withPort(4574)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the FastAGI listener is on 127.0.0.1:0, not 127.0.0.1:4574: move it first");
        }
    }

    @Test
    void theListenerMovesToANewAddressWhileACallOnTheOldOneGoesOn() throws Exception {
        byte[] environment = AgiTranscript.load("agi-session-basic").environmentBytes();
        List<AgiCommand> commands = List.of(AgiCommands.answer(), AgiCommands.getVariable("CALLERID(num)"));
        AgiScript script = (channel, env) -> sendingInTurn(commands, new CompletableFuture<>()).onStart(channel, env);

        try (FastAgiServer server = FastAgiServer.start(ANY_PORT, script);
             Socket before = connect(server)) {
            int oldPort = server.localAddress().getPort();
            before.getOutputStream().write(environment);
            assertThat(readLine(before)).isEqualTo("ANSWER\n");

            server.moveTo("127.0.0.1", 0);

            assertThat(server.localAddress().getPort()).isNotEqualTo(oldPort);
            // the JDK closes a listening socket once its selector has let go of it: a moment after close() returns
            assertThat(refusedWithin(oldPort, READ_GUARD_MILLIS)).as("the old address is let go").isTrue();
            try (Socket after = connect(server)) {
                after.getOutputStream().write(environment);
                assertThat(readLine(after)).isEqualTo("ANSWER\n");
            }
            before.getOutputStream().write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(before)).as("the call accepted on the old address goes on")
                    .isEqualTo("GET VARIABLE CALLERID(num)\n");
        }
    }

    @Test
    void aMoveToAnAddressInUseIsRefusedNamingBothAndTheListenerStays() throws Exception {
        try (FastAgiServer server = FastAgiServer.start(ANY_PORT, (channel, environment) -> { });
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = server.localAddress().getPort();

            assertThatThrownBy(() -> server.moveTo("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("FastAGI cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .hasMessageEndingWith("; it stays on 127.0.0.1:" + port);
            assertThat(server.localAddress().getPort()).isEqualTo(port);
            try (Socket still = connect(server)) {
                assertThat(still.isConnected()).isTrue();
            }
        }
    }

    @Test
    void aLineOverTheLimitClosesThatCallersSessionWhileAnotherCallGoesOn() throws Exception {
        byte[] environment = AgiTranscript.load("agi-session-basic").environmentBytes();
        CompletableFuture<List<AgiReply>> done = new CompletableFuture<>();
        List<AgiCommand> commands = List.of(AgiCommands.answer(), AgiCommands.getVariable("CALLERID(num)"));

        try (FastAgiServer server = FastAgiServer.start(ANY_PORT, sendingInTurn(commands, done));
             Socket flooding = connect(server);
             Socket calm = connect(server)) {
            flooding.getOutputStream().write(environment);
            calm.getOutputStream().write(environment);
            assertThat(readLine(flooding)).isEqualTo("ANSWER\n");
            assertThat(readLine(calm)).isEqualTo("ANSWER\n");

            flooding.getOutputStream().write(("200 result=1 (" + "x".repeat(ANY_PORT.maxLineLength())).getBytes(StandardCharsets.US_ASCII));
            assertClosedByServer(flooding);

            calm.getOutputStream().write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(calm)).isEqualTo("GET VARIABLE CALLERID(num)\n");
            calm.getOutputStream().write("200 result=1 (13800138000)\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(done.get(READ_GUARD_MILLIS, TimeUnit.MILLISECONDS).get(1))
                    .isEqualTo(new AgiReply.Success("1", Optional.of("13800138000"), OptionalLong.empty()));
        }
    }

    @Test
    void aSessionStillOpenWhenTheServerStopsClosesQuietlyAndRefusesCommandsAsClosed() throws Exception {
        CompletableFuture<AgiChannel> open = new CompletableFuture<>();
        FastAgiServer server = FastAgiServer.start(ANY_PORT, (channel, environment) -> open.complete(channel));
        try (Socket asterisk = connect(server)) {
            asterisk.getOutputStream().write(AgiTranscript.load("agi-session-basic").environmentBytes());
            AgiChannel channel = open.get(READ_GUARD_MILLIS, TimeUnit.MILLISECONDS);

            server.close();

            // what a call session does when the stopping server's connections go: close, and perhaps one more send
            channel.close();
            assertThat(channel.send(AgiCommands.answer()).toCompletableFuture())
                    .failsWithin(READ_GUARD_MILLIS, TimeUnit.MILLISECONDS).withThrowableThat()
                    .withCauseInstanceOf(AgiChannelClosedException.class);
        }
    }

    /** Whether connecting to {@code port} on loopback is refused before {@code millis} have passed. */
    private static boolean refusedWithin(int port, long millis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (ConnectException refused) {
                return true;
            }
        }
        return false;
    }

    private static Socket connect(FastAgiServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.localAddress().getPort()), READ_GUARD_MILLIS);
        socket.setSoTimeout(READ_GUARD_MILLIS);
        return socket;
    }

    private static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = socket.getInputStream().read(); b != -1; b = socket.getInputStream().read()) {
            line.append((char) b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString();
    }

    /** A server close is seen as end of stream, or as a reset when the server dropped bytes it had not read. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        try {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (SocketException reset) {
            assertThat(reset.getMessage()).contains("reset");
        }
    }
}
