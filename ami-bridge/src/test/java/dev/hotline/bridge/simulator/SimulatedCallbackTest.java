package dev.hotline.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.bridge.simulator.SimulatedAsterisk.Timing;
import dev.hotline.bridge.simulator.SimulatedAsteriskTest.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated Asterisk plays the customers Hotline calls back: an AMI Async Originate into
 * {@code hotline-callback} is queued at once; the customer answers after their ring time (OriginateResponse Success,
 * Reason 4, then a FastAGI session on their channel running {@code callback?request=${HOTLINE_CALLBACK}}), lets the
 * Timeout pass (Reason 3) or is busy (Reason 5). Other Originates still go to the server's SimulatedDialplan. This
 * test plays Hotline twice over: its AMI client on a socket, and its FastAGI server by hand.
 */
class SimulatedCallbackTest {
    private static final int GUARD_MILLIS = 10_000;
    private static final Timing FAST = Timing.scaled(Duration.ofMillis(2));
    private static final String CUSTOMER = "13911112222";

    private ServerSocket fastAgi;
    private SimulatedAmiServer ami;

    @BeforeEach
    void start() throws IOException {
        fastAgi = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ami = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
    }

    @AfterEach
    void stop() throws IOException {
        ami.close();
        fastAgi.close();
    }

    @Test
    void aCustomerWhoAnswersIsReportedAfterTheRingTimeAndTheirChannelRunsTheCallbackScriptIntoHotline()
            throws Exception {
        Duration ring = Duration.ofSeconds(5);
        try (SimulatedAsterisk asterisk = asterisk(b -> b.customer(CUSTOMER, SimulatedCustomer.answersAfter(ring)));
             AmiClient client = AmiClient.login(ami)) {
            long sent = System.nanoTime();
            client.send(callback("cb-1", CUSTOMER, "hotline-callback", 30_000, "req-7.a_b"));

            assertThat(client.next())
                    .isEqualTo("Response: Success\r\nActionID: cb-1\r\nMessage: Originate successfully queued\r\n\r\n");
            String response = client.await("Event: OriginateResponse");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(FAST.real(ring));
            Matcher answered = Pattern.compile("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: cb-1\r\n"
                    + "Response: Success\r\nChannel: (PJSIP/trunk-[0-9a-f]{8})\r\nContext: hotline-callback\r\n"
                    + "Exten: 13911112222\r\nReason: 4\r\nUniqueid: (\\d+\\.\\d+)\r\nCallerIDNum: 4008001000\r\n"
                    + "CallerIDName: TV shop\r\n\r\n").matcher(response);
            assertThat(answered.matches()).as(response).isTrue();
            String channel = answered.group(1);
            String uniqueid = answered.group(2);

            try (Session session = session(asterisk.answeredCallback(CUSTOMER))) {
                assertThat(session.environment()).containsExactly("agi_network: yes",
                        "agi_network_script: callback?request=req-7.a_b",
                        "agi_request: agi://127.0.0.1:" + fastAgi.getLocalPort() + "/callback?request=req-7.a_b",
                        "agi_channel: " + channel, "agi_language: en", "agi_type: PJSIP", "agi_uniqueid: " + uniqueid,
                        "agi_version: " + SimulatedAmiServer.ASTERISK_VERSION, "agi_callerid: 4008001000",
                        "agi_calleridname: TV shop", "agi_callingpres: 0", "agi_callingani2: 0", "agi_callington: 0",
                        "agi_callingtns: 0", "agi_dnid: unknown", "agi_rdnis: unknown", "agi_context: hotline-callback",
                        "agi_extension: 13911112222", "agi_priority: 1", "agi_enhanced: 0.0", "agi_accountcode: ",
                        session.environment().getLast());
                assertThat(session.environment().getLast()).matches("agi_threadid: \\d+");
                assertThat(session.call().callId()).isEqualTo(uniqueid);

                // the channel is up, listed by AMI, and carries the Originate's variable
                client.send("Action: CoreShowChannels\r\nActionID: list-1\r\n\r\n");
                assertThat(client.await("Event: CoreShowChannel\r\n")).contains("Channel: " + channel
                        + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: 4008001000\r\n"
                        + "CallerIDName: TV shop\r\n");
                assertThat(client.await("Event: CoreShowChannelsComplete")).contains("ListItems: 1\r\n");
                assertThat(session.send("CHANNEL STATUS")).isEqualTo("200 result=6");
                assertThat(session.send("GET VARIABLE HOTLINE_CALLBACK")).isEqualTo("200 result=1 (req-7.a_b)");

                assertThat(session.send("HANGUP")).isEqualTo("200 result=1");
                assertThat(session.nextLine()).isEqualTo("HANGUP");
                assertThat(client.await("Event: Hangup")).contains("Channel: " + channel + "\r\n");
                session.close();
                assertThat(session.call().ended().get(GUARD_MILLIS, TimeUnit.MILLISECONDS).ending())
                        .isEqualTo(SimulatedCall.Ending.HOTLINE_HUNG_UP);
            }
            assertThat(asterisk.callbackAttempts(CUSTOMER)).isEqualTo(1);
        }
    }

    @Test
    void aCustomerWhoDoesNotAnswerWithinTheTimeoutGivesReason3OnceItHasPassedAndNoSession() throws Exception {
        String late = "13933334444";
        try (SimulatedAsterisk asterisk = asterisk(b -> b.customer(late,
                SimulatedCustomer.answersAfter(Duration.ofSeconds(40))));
             AmiClient client = AmiClient.login(ami)) {
            // CUSTOMER has no customer of their own: they never answer
            for (String number : List.of(CUSTOMER, late)) {
                long sent = System.nanoTime();
                client.send(callback("cb-" + number, number, "hotline-callback", 20_000, "req-1"));

                assertThat(client.next()).contains("Message: Originate successfully queued");
                assertThat(client.await("Event: OriginateResponse")).isEqualTo("Event: OriginateResponse\r\n"
                        + "Privilege: call,all\r\nActionID: cb-" + number + "\r\nResponse: Failure\r\n"
                        + "Channel: PJSIP/" + number + "@trunk\r\nContext: hotline-callback\r\n"
                        + "Exten: " + number + "\r\nReason: 3\r\nUniqueid: <unknown>\r\nCallerIDNum: 4008001000\r\n"
                        + "CallerIDName: TV shop\r\n\r\n");
                assertThat(Duration.ofNanos(System.nanoTime() - sent))
                        .isGreaterThanOrEqualTo(FAST.real(Duration.ofSeconds(20)));
                assertThat(asterisk.answeredCallback(number)).isNotDone();
            }

            assertThat(asterisk.liveCalls()).isZero();
            assertThat(ami.channels()).isEmpty();
            fastAgi.setSoTimeout(1);
            assertThatThrownBy(fastAgi::accept).as("no FastAGI session waits")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aBusyCustomerGivesReason5AtOnceAndEveryOriginateCountsAsAnAttempt() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(b -> b.customer(CUSTOMER, SimulatedCustomer.busy()));
             AmiClient client = AmiClient.login(ami)) {
            for (String actionId : List.of("cb-1", "cb-2")) {
                // an hour's Timeout lasts 7 s here, longer than the client's read timeout: Reason 5 cannot wait for it
                client.send(callback(actionId, CUSTOMER, "hotline-callback", 3_600_000, "req-1"));

                assertThat(client.next())
                        .contains("ActionID: " + actionId + "\r\nMessage: Originate successfully queued");
                assertThat(client.await("Event: OriginateResponse"))
                        .contains("ActionID: " + actionId + "\r\nResponse: Failure\r\n", "Reason: 5\r\n");
            }

            assertThat(asterisk.callbackAttempts(CUSTOMER)).isEqualTo(2);
            assertThat(asterisk.callbackAttempts("13900000000")).isZero();
        }
    }

    @Test
    void withAnExtensionThatIsNotANumberTheCustomerIsTheOneTheChannelNames() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(b -> b.customer(CUSTOMER, SimulatedCustomer.busy()));
             AmiClient client = AmiClient.login(ami)) {
            client.send(callback("cb-1", CUSTOMER, "hotline-callback", 30_000, "req-1").replace("Exten: " + CUSTOMER,
                    "Exten: s"));

            assertThat(client.await("Event: OriginateResponse")).contains("Exten: s\r\nReason: 5\r\n");
            assertThat(asterisk.callbackAttempts(CUSTOMER)).isEqualTo(1);
        }
    }

    @Test
    void anOriginateIntoAnotherContextIsStillAnsweredByTheServersDialplan() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(b -> b.callbackContext("shop-callback")
                .customer(CUSTOMER, SimulatedCustomer.busy()));
             AmiClient client = AmiClient.login(ami)) {
            ami.setDeviceState("Local/1001@agents", "NOT_INUSE");
            client.send("Action: Originate\r\nActionID: agent-1\r\nChannel: Local/1001@agents\r\n"
                    + "Context: acd-connect\r\nExten: 1001\r\nPriority: 1\r\nAsync: true\r\n\r\n");
            assertThat(client.await("Event: OriginateResponse")).contains("Response: Success\r\n",
                    "Channel: Local/1001@agents-", "Reason: 4\r\n");

            // the default callback context is now an ordinary one: the dialplan knows no such device (Reason 0)
            client.send(callback("cb-1", CUSTOMER, "hotline-callback", 30_000, "req-1"));
            assertThat(client.await("Event: OriginateResponse")).contains("ActionID: cb-1\r\n", "Reason: 0\r\n");
            assertThat(asterisk.callbackAttempts(CUSTOMER)).isZero();

            client.send(callback("cb-2", CUSTOMER, "shop-callback", 30_000, "req-1"));
            assertThat(client.await("Event: OriginateResponse")).contains("ActionID: cb-2\r\n", "Reason: 5\r\n");
            assertThat(asterisk.callbackAttempts(CUSTOMER)).isEqualTo(1);
        }
    }

    @Test
    void anAnsweredCustomerWhosePatienceRunsOutBeforeAnAgentAnswersHangsUp() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(b -> b.customer(CUSTOMER,
                SimulatedCustomer.answersAfter(Duration.ZERO).hangingUpAfter(Duration.ofSeconds(3))));
             AmiClient client = AmiClient.login(ami)) {
            client.send(callback("cb-1", CUSTOMER, "hotline-callback", 30_000, "req-1"));

            try (Session session = session(asterisk.answeredCallback(CUSTOMER))) {
                // Hotline sends nothing: the customer's hang-up arrives as the unsolicited HANGUP line
                assertThat(session.nextLine()).isEqualTo("HANGUP");
                assertThat(session.send("WAIT FOR DIGIT 1000"))
                        .isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
                session.close();
                assertThat(session.call().ended().get(GUARD_MILLIS, TimeUnit.MILLISECONDS).ending())
                        .isEqualTo(SimulatedCall.Ending.CALLER_HUNG_UP);
            }
            assertThat(client.await("Event: Hangup")).contains("Channel: PJSIP/trunk-");
        }
    }

    @Test
    void closingTheSimulatorHangsUpAnAnsweredCallback() throws Exception {
        try (SimulatedAsterisk asterisk = asterisk(b -> b.customer(CUSTOMER,
                SimulatedCustomer.answersAfter(Duration.ZERO)));
             AmiClient client = AmiClient.login(ami)) {
            client.send(callback("cb-1", CUSTOMER, "hotline-callback", 30_000, "req-1"));

            try (Session session = session(asterisk.answeredCallback(CUSTOMER))) {
                // close() waits for the session to end, which needs this side to answer the HANGUP
                CompletableFuture<Void> closed = CompletableFuture.runAsync(asterisk::close);
                assertThat(session.nextLine()).isEqualTo("HANGUP");
                session.close();
                closed.get(GUARD_MILLIS, TimeUnit.MILLISECONDS);
                assertThat(session.call().ended().get(GUARD_MILLIS, TimeUnit.MILLISECONDS).ending())
                        .isEqualTo(SimulatedCall.Ending.CALLER_HUNG_UP);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ Hotline's sides

    private SimulatedAsterisk asterisk(UnaryOperator<SimulatedAsterisk.Builder> customers) {
        return customers.apply(SimulatedAsterisk.builder(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                fastAgi.getLocalPort())).timing(FAST).ami(ami, List.of())).build();
    }

    /** Hotline's callback Originate, as {@code ManagerActions.originateCallback} sends it. */
    private static String callback(String actionId, String number, String context, int timeoutMillis,
                                   String request) {
        return "Action: Originate\r\nActionID: " + actionId + "\r\nChannel: PJSIP/" + number + "@trunk\r\n"
                + "Context: " + context + "\r\nExten: " + number + "\r\nPriority: 1\r\n"
                + "CallerID: \"TV shop\" <4008001000>\r\nTimeout: " + timeoutMillis + "\r\n"
                + "Variable: HOTLINE_CALLBACK=" + request + "\r\nAsync: true\r\n\r\n";
    }

    /** Accepts the FastAGI session of the answered callback and reads its environment. */
    private Session session(CompletableFuture<SimulatedCall> answered) throws Exception {
        Socket socket = fastAgi.accept();
        socket.setSoTimeout(GUARD_MILLIS);
        List<String> environment = SimulatedAsteriskTest.readEnvironment(socket.getInputStream());
        return new Session(answered.get(GUARD_MILLIS, TimeUnit.MILLISECONDS), socket, environment);
    }

    /** Hotline's AMI client: logged in with events on, reading one message at a time. */
    private record AmiClient(Socket socket) implements AutoCloseable {
        static AmiClient login(SimulatedAmiServer server) throws IOException {
            AmiClient client = new AmiClient(SimulatedAmiServerFixtureTest.connect(server));
            client.send("Action: Login\r\nUsername: acd\r\nSecret: acdsecret\r\n\r\n");
            client.await("Event: SuccessfulAuth");
            return client;
        }

        void send(String message) throws IOException {
            socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        /** The next message, up to and including its empty line (the banner comes as the first). */
        String next() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            while (!message.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")
                    && !message.toString(StandardCharsets.US_ASCII).equals(SimulatedAmiServer.BANNER)) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("EOF in the middle of: " + message.toString(StandardCharsets.US_ASCII));
                }
                message.write(b);
            }
            return message.toString(StandardCharsets.US_ASCII);
        }

        /** The next message that starts with {@code start}, skipping others (device states, other events). */
        String await(String start) throws IOException {
            for (String message = next(); ; message = next()) {
                if (message.startsWith(start)) {
                    return message;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
