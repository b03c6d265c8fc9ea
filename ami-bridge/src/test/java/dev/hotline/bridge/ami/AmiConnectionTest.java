package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.hotline.bridge.LogCapture;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import dev.hotline.bridge.simulator.SimulatedChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One AMI connection against the simulated Asterisk: login, resynchronisation, keep-alive, reconnect. */
class AmiConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimulatedAmiServer asterisk = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSink events = new RecordingSink();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private AmiConnection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
            scheduler.runDue();
        }
        asterisk.close();
    }

    @Test
    void logsInWithTheMd5ChallengeSoTheSecretNeverCrossesTheWire() throws Exception {
        connect("acdsecret");

        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(asterisk.awaitAction("Challenge", TIMEOUT).get("AuthType")).isEqualTo("MD5");
        SimulatedAmiServer.ReceivedAction login = asterisk.awaitAction("Login", TIMEOUT);
        assertThat(login.get("AuthType")).isEqualTo("MD5");
        assertThat(login.get("Secret")).isNull();
        assertThat(states).containsExactly(
                "CONNECTING connecting to 127.0.0.1:" + asterisk.port() + " as acd",
                "CONNECTED logged in to 127.0.0.1:" + asterisk.port() + " as acd");
    }

    @Test
    void aRefusedLoginIsReportedWithServerUserAndAsterisksWordsAndRetriedAfterTheBackOff() {
        connect("wrongsecret");

        assertThat(connection.state()).isEqualTo(AmiConnectionState.DOWN);
        assertThat(states).last().isEqualTo("DOWN login refused by 127.0.0.1:" + asterisk.port()
                + " as acd: Authentication failed; reconnecting in 1000 ms");
        assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void afterLoginTheDeviceStatesAndTheChannelsAreResynchronised() throws Exception {
        asterisk.setDeviceState("PJSIP/1001", "INUSE");
        asterisk.setDeviceState("PJSIP/1002", "NOT_INUSE");
        asterisk.addChannel(channel("PJSIP/1001-00000001", "1795413076.18"));

        connect("acdsecret");

        assertThat(events.next(AmiEvent.DeviceStateChanged.class))
                .isEqualTo(new AmiEvent.DeviceStateChanged("pbx1", "PJSIP/1001", DeviceState.INUSE));
        assertThat(events.next(AmiEvent.DeviceStateChanged.class))
                .isEqualTo(new AmiEvent.DeviceStateChanged("pbx1", "PJSIP/1002", DeviceState.NOT_INUSE));
        AmiEvent.Resynchronised resync = events.next(AmiEvent.Resynchronised.class);
        assertThat(resync.devices()).isEqualTo(2);
        assertThat(resync.channels()).containsExactly(new AmiEvent.ChannelSnapshot("PJSIP/1001-00000001",
                "1795413076.18", "1795413076.18", "Up", "", "AGI"));
    }

    @Test
    void anAgentPhoneGoingBusyWithAPrivateCallArrivesAsADeviceStateEvent() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);

        asterisk.setDeviceState("PJSIP/1001", "INUSE");

        AmiEvent.DeviceStateChanged changed = events.next(AmiEvent.DeviceStateChanged.class);
        assertThat(changed.device()).isEqualTo("PJSIP/1001");
        assertThat(changed.state().phone()).isEqualTo(dev.hotline.acd.PhoneState.BUSY);
    }

    @Test
    void whenAsteriskDropsTheConnectionItReconnectsAfterTheBackOffAndResynchronises() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);

        asterisk.dropConnections();
        scheduler.awaitPostedTask();

        assertThat(connection.state()).isEqualTo(AmiConnectionState.DOWN);
        assertThat(states).last().isEqualTo("DOWN connection closed by 127.0.0.1:" + asterisk.port()
                + "; reconnecting in 1000 ms");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(asterisk.successfulLogins()).isEqualTo(2);
        assertThat(events.next(AmiEvent.Resynchronised.class).server()).isEqualTo("pbx1");
    }

    @Test
    void aConnectionDroppedRightAfterEachLoginIsRetriedLaterEachTimeNotEverySecond() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);
        asterisk.dropConnections();
        scheduler.awaitPostedTask();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
        events.next(AmiEvent.Resynchronised.class);

        asterisk.dropConnections();   // again, before it stayed up a keep-alive interval
        scheduler.awaitPostedTask();

        assertThat(states).last().asString().endsWith("; reconnecting in 2000 ms");
    }

    @Test
    void aConnectionThatStayedUpAKeepAliveIntervalStartsTheBackOffAgain() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);
        asterisk.dropConnections();
        scheduler.awaitPostedTask();
        scheduler.advance(Duration.ofSeconds(1));
        events.next(AmiEvent.Resynchronised.class);
        scheduler.advance(Duration.ofSeconds(15));
        scheduler.awaitPostedTask();   // the keep-alive's Pong

        asterisk.dropConnections();
        scheduler.awaitPostedTask();

        assertThat(states).last().asString().endsWith("; reconnecting in 1000 ms");
    }

    @Test
    void aLostConnectionIsLoggedAsAWarningButOneThisServerStopsIsNot() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);
        try (LogCapture log = LogCapture.of(AmiConnection.class, Level.INFO)) {
            asterisk.dropConnections();
            scheduler.awaitPostedTask();
            connection.close();
            scheduler.runDue();
            connection = null;

            assertThat(log.lines()).containsExactly(
                    "WARN AMI 'pbx1' DOWN: connection closed by 127.0.0.1:" + asterisk.port()
                            + "; reconnecting in 1000 ms",
                    "INFO AMI 'pbx1' DOWN: stopped");
        }
    }

    @Test
    void aLostConnectionIsPassedOnInOrderSoTheConsumerForgetsWhatItKnewFromThatServer() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);
        asterisk.setDeviceState("PJSIP/1001", "INUSE");
        events.next(AmiEvent.DeviceStateChanged.class);

        asterisk.dropConnections();
        scheduler.awaitPostedTask();

        assertThat(events.next(AmiEvent.ConnectionLost.class))
                .isEqualTo(new AmiEvent.ConnectionLost("pbx1", "connection closed by 127.0.0.1:" + asterisk.port()));
    }

    @Test
    void asteriskRestartingIsReportedAsAnEventAndTheConnectionComesBack() throws Exception {
        connect("acdsecret");
        events.next(AmiEvent.Resynchronised.class);

        asterisk.shutdown(true);

        assertThat(events.next(AmiEvent.AsteriskShutdown.class).restart()).isTrue();
        scheduler.awaitPostedTask();
        assertThat(connection.state()).isEqualTo(AmiConnectionState.DOWN);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
    }

    @Test
    void aHalfOpenConnectionIsDetectedByAnUnansweredPing() throws Exception {
        connect("acdsecret");
        asterisk.stopAnswering();

        scheduler.advance(Duration.ofSeconds(15));
        assertThat(asterisk.awaitAction("Ping", TIMEOUT)).isNotNull();
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(connection.state()).isEqualTo(AmiConnectionState.DOWN);
        assertThat(states).last().isEqualTo("DOWN keep-alive: no answer to Ping within 5000 ms from 127.0.0.1:"
                + asterisk.port() + " (half-open connection); reconnecting in 1000 ms");
    }

    @Test
    void anAnsweredPingKeepsTheConnectionUp() throws Exception {
        connect("acdsecret");

        scheduler.advance(Duration.ofSeconds(15));
        scheduler.awaitPostedTask();
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
    }

    @Test
    void failedAttemptsWaitLongerEachTimeUpToTheMaximum() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        connection = AmiConnection.create(new AmiSettings("pbx1", "127.0.0.1", closedPort, "acd", "acdsecret",
                        Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                scheduler, events, this::record, Runnable::run);
        connection.start();

        scheduler.runDue();
        assertThat(states).last().asString().startsWith("DOWN cannot connect to 127.0.0.1:" + closedPort + ": ")
                .endsWith("; reconnecting in 1000 ms");
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Duration wait = scheduler.nextDelay();
            waits.add(wait);
            scheduler.advance(wait);
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5));
    }

    @Test
    void actionsWhileTheConnectionIsDownFailWithAClearReason() {
        connection = AmiConnection.create(AmiSettings.of("pbx1", "127.0.0.1", asterisk.port(), "acd", "acdsecret"),
                scheduler, events, this::record, Runnable::run);

        assertThat(connection.actions().hangup("PJSIP/1001-00000001").toCompletableFuture())
                .failsWithin(TIMEOUT).withThrowableThat().havingCause().isInstanceOf(AmiUnavailableException.class)
                .withMessage("AMI 'pbx1' is not connected: Hangup not sent");
    }

    private void connect(String secret) {
        connection = AmiConnection.create(AmiSettings.of("pbx1", "127.0.0.1", asterisk.port(), "acd", secret),
                scheduler, events, this::record, Runnable::run);
        connection.start();
        scheduler.runDue();
    }

    private void record(String server, AmiConnectionState state, String reason) {
        states.add(state + " " + reason);
    }

    static SimulatedChannel channel(String name, String uniqueid) {
        return new SimulatedChannel(name, uniqueid, uniqueid, 6, "13800138000", "Test Caller", "13800138000",
                "Test Caller", "from-pstn", "4008001000", 1, "AGI", "agi://127.0.0.1:4573/inbound", "",
                Instant.now(), Map.of());
    }
}
