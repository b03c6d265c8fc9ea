package dev.hotline.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.simulator.SimulatedAsterisk.Timing;
import dev.hotline.bridge.simulator.SimulatedCall.DialAttempt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the simulated Asterisk does where the captures do not go: the agents' phones behind Dial (no answer, a caller
 * who gives up while it rings, the {@code hotline-answered} subroutine, a busy phone) and a {@code #} that ends
 * GET DATA early. This test plays Hotline's FastAGI side by hand.
 */
class SimulatedAsteriskTest {
    private static final int GUARD_MILLIS = 10_000;
    private static final String AGENT = "PJSIP/1001";

    private ServerSocket fastAgi;

    @BeforeEach
    void listen() throws IOException {
        fastAgi = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        fastAgi.close();
    }

    @Test
    void anAgentWhoNeverAnswersRingsUntilDialsTimeoutAndLeavesNoAnswer() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(SimulatedAgent.neverAnswers());
             Session session = session(asterisk.call(SimulatedCaller.of("13700001111", "4008001001")))) {
            assertThat(session.send("EXEC Dial " + AGENT + ",15")).isEqualTo("200 result=0");
            assertThat(session.send("GET VARIABLE DIALSTATUS")).isEqualTo("200 result=1 (NOANSWER)");
            assertThat(session.call.ended()).isNotDone();
        }
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsCancelsTheDial() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(SimulatedAgent.neverAnswers());
             Session session = session(asterisk.call(SimulatedCaller.of("13700001111", "4008001001")))) {
            session.call.whenReceived(c -> !c.isEmpty() && c.getLast().startsWith("EXEC Dial"))
                    .thenRun(session.call::hangUp);

            assertThat(session.send("EXEC Dial " + AGENT + ",600")).isEqualTo("200 result=-1");
            assertThat(session.nextLine()).isEqualTo("HANGUP");
            assertThat(session.send("GET VARIABLE DIALSTATUS")).isEqualTo("200 result=1 (CANCEL)");
        }
    }

    @Test
    void anAgentWhoAnswersRunsTheAnsweredSubroutineAsASecondSessionThenTalksAndHangsUp() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(SimulatedAgent.answersAfter(Duration.ofSeconds(2),
                Duration.ofSeconds(3)));
             Session session = session(asterisk.call(SimulatedCaller.of("13700001111", "4008001001")))) {
            session.sendOnly("EXEC Dial " + AGENT + ",15,U(hotline-answered^" + session.call.callId() + ")");

            try (Socket subroutine = fastAgi.accept()) {
                subroutine.setSoTimeout(GUARD_MILLIS);
                List<String> environment = readEnvironment(subroutine.getInputStream());
                assertThat(environment).contains("agi_network_script: answered?call=" + session.call.callId(),
                        "agi_context: hotline-answered", "agi_extension: s", "agi_type: PJSIP");
                assertThat(environment).anyMatch(l -> l.startsWith("agi_channel: " + AGENT + "-"));
                assertThat(session.call.answered()).isNotDone();
                subroutine.shutdownOutput();
                assertThat(readLine(subroutine.getInputStream())).isEqualTo("HANGUP");
            }

            assertThat(session.call.answered().get(GUARD_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(AGENT);
            // the agent hung up, the caller is still there: -1 and no HANGUP line (agi-moh-dial-hangup.txt)
            assertThat(session.nextLine()).isEqualTo("200 result=-1");
            assertThat(session.send("GET VARIABLE DIALSTATUS")).isEqualTo("200 result=1 (ANSWER)");
            assertThat(session.send("GET VARIABLE ANSWEREDTIME")).matches("200 result=1 \\(\\d+\\)");
        }
    }

    @Test
    void aPhoneInAPrivateCallIsBusyAndFreeAgainWhenTheCallEnds() throws Exception {
        try (SimulatedAmiServer ami = SimulatedAmiServer.start(Map.of());
             SimulatedAsterisk asterisk = SimulatedAsterisk.builder(address())
                     .timing(Timing.scaled(Duration.ofMillis(2))).otherAgents(SimulatedAgent.neverAnswers())
                     .ami(ami, List.of(AGENT)).build();
             Session session = session(asterisk.call(SimulatedCaller.of("13700001111", "4008001001")))) {
            assertThat(ami.deviceState(AGENT)).isEqualTo("NOT_INUSE");
            assertThat(asterisk.startPrivateCall(AGENT)).isTrue();
            assertThat(ami.deviceState(AGENT)).isEqualTo("INUSE");

            assertThat(session.send("EXEC Dial " + AGENT + ",15")).isEqualTo("200 result=0");
            assertThat(session.send("GET VARIABLE DIALSTATUS")).isEqualTo("200 result=1 (BUSY)");

            asterisk.endPrivateCall(AGENT);
            assertThat(ami.deviceState(AGENT)).isEqualTo("NOT_INUSE");
            assertThat(session.send("EXEC Dial " + AGENT + ",1")).isEqualTo("200 result=0");
            assertThat(session.send("GET VARIABLE DIALSTATUS")).isEqualTo("200 result=1 (NOANSWER)");
            session.close();
            assertThat(session.call.ended().get(GUARD_MILLIS, TimeUnit.MILLISECONDS).dials()).containsExactly(
                    new DialAttempt(AGENT, "BUSY"), new DialAttempt(AGENT, "NOANSWER"));
        }
    }

    @Test
    void aHashBeforeGetDatasMaximumEndsTheEntryAndIsNotReturned() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(SimulatedAgent.neverAnswers());
             Session session = session(asterisk.call(SimulatedCaller.of("13700001111", "4008008888")
                     .pressing("88889999#", "9")))) {
            assertThat(session.send("GET DATA tv/enter-order-phone 8000 11")).isEqualTo("200 result=88889999");
            assertThat(session.send("WAIT FOR DIGIT 5000")).isEqualTo("200 result=57");
            assertThat(session.send("WAIT FOR DIGIT 1000")).isEqualTo("200 result=0");
        }
    }

    // ------------------------------------------------------------------------------------------ Hotline's side

    @Test
    void withASystemNameItsUniqueidsCarryItAsAsterisksDo() throws Exception {
        try (SimulatedAsterisk asterisk = SimulatedAsterisk.builder(address()).systemName("pbx-2")
                .timing(Timing.scaled(Duration.ofMillis(2))).build();
             Session session = session(asterisk.call(SimulatedCaller.of("13700001111", "4008001001")))) {
            assertThat(session.call.callId()).matches("pbx-2-\\d+\\.1");
            assertThat(session.environment).contains("agi_uniqueid: " + session.call.callId());
        }
    }

    private SimulatedAsterisk asterisk(SimulatedAgent agents) {
        return SimulatedAsterisk.builder(address()).timing(Timing.scaled(Duration.ofMillis(2))).otherAgents(agents)
                .build();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), fastAgi.getLocalPort());
    }

    private Session session(SimulatedCall call) throws IOException {
        Socket socket = fastAgi.accept();
        socket.setSoTimeout(GUARD_MILLIS);
        return new Session(call, socket, readEnvironment(socket.getInputStream()));
    }

    /** One FastAGI session, as Hotline's side sees it, after its environment (the callback spec uses it too). */
    record Session(SimulatedCall call, Socket socket, List<String> environment) implements AutoCloseable {
        /** Sends a command and reads its one-line reply. */
        String send(String command) throws IOException {
            sendOnly(command);
            return nextLine();
        }

        void sendOnly(String command) throws IOException {
            socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        /** The next line Asterisk sends: a reply, or the unsolicited HANGUP. */
        String nextLine() throws IOException {
            return readLine(socket.getInputStream());
        }

        @Override
        public void close() throws IOException {
            if (!socket.isClosed()) {
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
                socket.close();
            }
        }
    }

    static List<String> readEnvironment(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            lines.add(line);
        }
        return lines;
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
