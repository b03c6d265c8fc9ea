package dev.hotline.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator against the captures of a real Asterisk 22: our side's bytes from each transcript are sent to the
 * simulator, and what it answers must equal what Asterisk answered, byte for byte once the values the fixtures
 * README lists as varying (uniqueids, timestamps, addresses, Local sequence numbers, durations) are masked.
 */
class SimulatedAmiServerFixtureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:51:12Z"), ZoneOffset.UTC);
    private static final Map<String, String> USERS = Map.of("acd", "acdsecret");

    @Test
    void loginPingAndLogoffAreAnsweredExactlyAsAsteriskDoes() throws Exception {
        assertReplayEqualsFixture("ami-login.txt", SimulatedDialplan.devicesAnswer());
    }

    @Test
    void anActionBeforeLoginIsDeniedAndAWrongSecretClosesTheConnection() throws Exception {
        assertReplayEqualsFixture("ami-login-failure.txt", SimulatedDialplan.devicesAnswer());
    }

    @Test
    void anUnknownUserIsRefusedAndTheConnectionClosed() throws Exception {
        assertReplayEqualsFixture("ami-login-unknown-user.txt", SimulatedDialplan.devicesAnswer());
    }

    @Test
    void coreShowChannelsListsNoChannelThenTheFourChannelsOfABridgedCall() throws Exception {
        assertReplayEqualsFixture("ami-coreshowchannels.txt", bridgedCallerAndAgent());
    }

    @Test
    void statusVariablesRedirectHangupAndErrorsAnswerAsTheFixtureShows() throws Exception {
        assertReplayEqualsFixture("ami-actions-errors.txt", holdLine("00000011"));
    }

    @Test
    void shutdownSendsTheShutdownEventThenClosesTheConnection() throws Exception {
        AmiTranscript fixture = AmiTranscript.load("ami-shutdown-restart.txt");
        try (SimulatedAmiServer server = SimulatedAmiServer.start(USERS, CLOCK, SimulatedDialplan.devicesAnswer());
             Socket socket = connect(server)) {
            for (String message : fixture.appMessages()) {
                socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
            }
            String beforeShutdown = readUntil(socket, "Ping: Pong\r\nTimestamp: ", "\r\n\r\n");
            server.shutdown(true);
            String all = beforeShutdown + readToEof(socket);
            assertThat(AmiTranscript.normalise(all)).isEqualTo(AmiTranscript.normalise(fixture.asteriskBytes()));
        }
    }

    /**
     * With events on, a real Asterisk adds the dialplan's whole event stream (Newexten, VarSet, Newchannel...),
     * which the simulator does not play. What must still match: every response, in order, and the header order of
     * each event type the simulator does send.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ami-actions-with-events.txt", "ami-originate-failure.txt", "ami-originate-events.txt",
            "ami-originate-bridge-events.txt"})
    void withEventsOnTheResponsesAndTheEventFormatsMatchTheFixture(String name) throws Exception {
        AmiTranscript fixture = AmiTranscript.load(name);
        SimulatedDialplan dialplan = name.startsWith("ami-actions") ? holdLine("00000012") : SimulatedDialplan.devicesAnswer();
        try (SimulatedAmiServer server = SimulatedAmiServer.start(USERS, CLOCK, dialplan)) {
            server.setDeviceState("Local/1001@agents", "NOT_INUSE");
            server.setDeviceState("Local/13800138000@hold-line", "NOT_INUSE");
            String answered = replay(server, fixture);

            List<String> expected = AmiTranscript.messages(AmiTranscript.normalise(fixture.asteriskBytes()));
            List<String> actual = AmiTranscript.messages(AmiTranscript.normalise(answered));
            assertThat(responses(actual)).isEqualTo(responses(expected));

            Map<String, List<String>> fixtureFormats = new HashMap<>();
            for (String message : expected) {
                if (message.startsWith("Event: ")) {
                    fixtureFormats.computeIfAbsent(eventName(message), k -> new java.util.ArrayList<>())
                            .add(headerNames(message));
                }
            }
            for (String message : actual) {
                if (message.startsWith("Event: ") && fixtureFormats.containsKey(eventName(message))) {
                    assertThat(fixtureFormats.get(eventName(message)))
                            .as("header order of %s", eventName(message)).contains(headerNames(message));
                }
            }
        }
    }

    private static void assertReplayEqualsFixture(String name, SimulatedDialplan dialplan) throws Exception {
        AmiTranscript fixture = AmiTranscript.load(name);
        try (SimulatedAmiServer server = SimulatedAmiServer.start(USERS, CLOCK, dialplan)) {
            String answered = replay(server, fixture);
            assertThat(AmiTranscript.normalise(answered)).isEqualTo(AmiTranscript.normalise(fixture.asteriskBytes()));
        }
    }

    /** Sends our side's messages (pipelined, as the simulator answers in order) and reads until the server closes. */
    private static String replay(SimulatedAmiServer server, AmiTranscript fixture) throws IOException {
        try (Socket socket = connect(server)) {
            for (String message : fixture.appMessages()) {
                socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
            }
            return readToEof(socket);
        }
    }

    private static List<String> responses(List<String> messages) {
        return messages.stream().filter(m -> m.startsWith("Response: ")).toList();
    }

    private static String eventName(String message) {
        return message.substring("Event: ".length(), message.indexOf("\r\n"));
    }

    private static String headerNames(String message) {
        return message.lines().filter(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf(':')))
                .collect(Collectors.joining(","));
    }

    /**
     * The channels {@code Originate Local/2001@hold-line, Application Wait 60} creates in the captures; the later
     * actions of the transcript name them, so the Local sequence number is the captured one.
     */
    private static SimulatedDialplan holdLine(String sequence) {
        return (request, channels) -> {
            String first = channels.nextUniqueid();
            SimulatedChannel two = new SimulatedChannel(request.channel() + "-" + sequence + ";2",
                    channels.nextUniqueid(), first, 6, request.callerIdNum(), request.callerIdName(),
                    request.callerIdNum(), request.callerIdName(), "hold-line", "2001", 3, "Wait", "60", "",
                    CLOCK.instant(), Map.of("ACD_TEST", "holding"));
            SimulatedChannel one = new SimulatedChannel(request.channel() + "-" + sequence + ";1", first, first, 6,
                    request.callerIdNum(), request.callerIdName(), request.callerIdNum(), request.callerIdName(),
                    "hold-line", "2001", 1, request.application(), request.data(), "", CLOCK.instant(), Map.of());
            return new SimulatedDialplan.Answered(one, List.of(two, one));
        };
    }

    /** The four channels of caller Local/13800138000@hold-line dialled through acd-connect to agent 1001. */
    private static SimulatedDialplan bridgedCallerAndAgent() {
        return (request, channels) -> {
            String callerSeq = channels.nextSequence();
            String agentSeq = channels.nextSequence();
            String bridge = "2db3a85d-98b2-45c5-9492-ea97d5a57b25";
            String linked = channels.nextUniqueid();
            String caller = "Local/13800138000@hold-line-" + callerSeq;
            String agent = "Local/1001@agents-" + agentSeq;
            Map<String, String> none = new LinkedHashMap<>();
            Instant now = CLOCK.instant();
            SimulatedChannel c1 = new SimulatedChannel(caller + ";1", linked, linked, 6, "13800138000", "Test Caller",
                    "13800138000", "Test Caller", "acd-connect", "1001", 2, "Dial", "Local/1001@agents,20", bridge, now,
                    none);
            SimulatedChannel c2 = new SimulatedChannel(caller + ";2", channels.nextUniqueid(), linked, 6,
                    "13800138000", "Test Caller", "13800138000", "Test Caller", "hold-line", "13800138000", 3, "Wait",
                    "60", "", now, none);
            String agentOne = channels.nextUniqueid();
            SimulatedChannel a2 = new SimulatedChannel(agent + ";2", channels.nextUniqueid(), linked, 6,
                    "13800138000", "Test Caller", "1001", "Test Caller", "agents", "1001", 2, "Wait", "5", "", now,
                    none);
            SimulatedChannel a1 = new SimulatedChannel(agent + ";1", agentOne, linked, 6, "1001", "Test Caller",
                    "13800138000", "Test Caller", "agents", "", 1, "AppDial", "(Outgoing Line)", bridge, now, none);
            return new SimulatedDialplan.Answered(c1, List.of(c1, c2, a2, a1));
        };
    }

    static Socket connect(SimulatedAmiServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    static String readToEof(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the simulator did not close the connection; got so far:\n"
                    + out.toString(StandardCharsets.US_ASCII), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Reads until {@code marker} has been seen and then {@code end} after it. */
    static String readUntil(Socket socket, String marker, String end) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("EOF before " + marker + ": " + out.toString(StandardCharsets.US_ASCII));
            }
            out.write(b);
            String text = out.toString(StandardCharsets.US_ASCII);
            int at = text.indexOf(marker);
            if (at >= 0 && text.indexOf(end, at) >= 0) {
                return text;
            }
        }
    }
}
