package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.bridge.simulator.SimulatedAmiServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actions Hotline sends over AMI, against the simulated Asterisk. */
class AmiActionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimulatedAmiServer asterisk = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSink events = new RecordingSink();
    private AmiConnection connection;
    private AmiActions actions;

    @BeforeEach
    void connect() throws InterruptedException {
        connection = AmiConnection.create(AmiSettings.of("pbx1", "127.0.0.1", asterisk.port(), "acd", "acdsecret"),
                scheduler, events, AmiStatusListener.NONE, Runnable::run);
        connection.start();
        scheduler.runDue();
        events.next(AmiEvent.Resynchronised.class);
        actions = connection.actions();
    }

    @AfterEach
    void tearDown() {
        connection.close();
        scheduler.runDue();
        asterisk.close();
    }

    @Test
    void aHostileCallerIdCannotAddAHeaderToTheCallbackOriginate() throws Exception {
        asterisk.setDeviceState("PJSIP/trunk", "NOT_INUSE");

        await(actions.originateCallback("PJSIP/trunk", "callback", "13800138000",
                "\"Evil\" <1>\r\nAction: Hangup\r\nChannel: PJSIP/1001-00000001\n\0", Map.of("HOTLINE_CALL", "c-42\r\nX: y"),
                Duration.ofSeconds(30)));

        SimulatedAmiServer.ReceivedAction originate = asterisk.awaitAction("Originate", TIMEOUT);
        assertThat(originate.headers()).filteredOn(h -> h.getKey().equalsIgnoreCase("Action")).hasSize(1);
        assertThat(originate.headers()).filteredOn(h -> h.getKey().equalsIgnoreCase("Channel"))
                .extracting(Map.Entry::getValue).containsExactly("PJSIP/trunk");
        assertThat(originate.get("CallerID"))
                .isEqualTo("\"Evil\" <1>Action: HangupChannel: PJSIP/1001-00000001");
        assertThat(originate.get("Variable")).isEqualTo("HOTLINE_CALL=c-42X: y");
        assertThat(originate.get("X")).isNull();
    }

    @Test
    void aCallbackToAnIdlePhoneIsAnsweredAndReportedWithItsChannel() throws Exception {
        asterisk.setDeviceState("PJSIP/trunk", "NOT_INUSE");

        AmiEvent.OriginateResult result = await(actions.originateCallback("PJSIP/trunk", "callback", "13800138000",
                "\"Hotline\" <4008001000>", Map.of(), Duration.ofSeconds(30)));

        assertThat(result.success()).isTrue();
        assertThat(result.reason()).isEqualTo(4);
        assertThat(result.channel()).startsWith("PJSIP/trunk-");
        SimulatedAmiServer.ReceivedAction originate = asterisk.awaitAction("Originate", TIMEOUT);
        assertThat(originate.get("Context")).isEqualTo("callback");
        assertThat(originate.get("Exten")).isEqualTo("13800138000");
        assertThat(originate.get("Async")).isEqualTo("true");
        assertThat(originate.get("Timeout")).isEqualTo("30000");
    }

    @Test
    void aCallbackToABusyLineFailsWithAsterisksReasonFive() throws Exception {
        asterisk.setDeviceState("PJSIP/trunk", "BUSY");

        AmiEvent.OriginateResult result = await(actions.originateCallback("PJSIP/trunk", "callback", "13800138000",
                "Hotline", Map.of(), Duration.ofSeconds(30)));

        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(5);
    }

    @Test
    void aSupervisorListensInThroughChanSpyOriginatedToTheirOwnPhone() throws Exception {
        asterisk.setDeviceState("PJSIP/2001", "NOT_INUSE");

        AmiEvent.OriginateResult result = await(actions.listenIn("PJSIP/2001", "PJSIP/1001",
                AmiActions.ListenMode.WHISPER));

        assertThat(result.success()).isTrue();
        SimulatedAmiServer.ReceivedAction originate = asterisk.awaitAction("Originate", TIMEOUT);
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/2001");
        assertThat(originate.get("Application")).isEqualTo("ChanSpy");
        assertThat(originate.get("Data")).isEqualTo("PJSIP/1001,qw");
    }

    @Test
    void aListenInTargetWithACommaIsRefusedBecauseItWouldAddChanSpyOptions() {
        assertThatThrownBy(() -> actions.listenIn("PJSIP/2001", "PJSIP/1001,B", AmiActions.ListenMode.LISTEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent endpoint 'PJSIP/1001,B' must be non-empty and hold no comma");
    }

    @Test
    void hangingUpACallFromTheApiEndsItsChannelAndReportsTheHangup() throws Exception {
        asterisk.addChannel(AmiConnectionTest.channel("PJSIP/1001-00000007", "1795413076.30"));

        AmiReply reply = await(actions.hangup("PJSIP/1001-00000007"));

        assertThat(reply).isEqualTo(new AmiReply(true, "Channel Hungup"));
        assertThat(events.next(AmiEvent.ChannelHungUp.class)).isEqualTo(new AmiEvent.ChannelHungUp("pbx1",
                "1795413076.30", "PJSIP/1001-00000007", 16, "Normal Clearing"));
    }

    @Test
    void aHangUpWhoseConnectionIsLostBeforeItsResponseFailsAsUnavailableInsteadOfWaitingForever() throws Exception {
        asterisk.addChannel(AmiConnectionTest.channel("PJSIP/1001-00000007", "1795413076.30"));
        asterisk.stopAnswering();

        CompletionStage<AmiReply> hangup = actions.hangup("PJSIP/1001-00000007");
        asterisk.awaitAction("Hangup", TIMEOUT);
        asterisk.dropConnections();

        assertThatThrownBy(() -> await(hangup)).hasCauseInstanceOf(AmiUnavailableException.class)
                .cause().hasMessage("AMI 'pbx1': the connection was lost before the response to Hangup");
    }

    @Test
    void hangingUpAChannelThatIsGoneIsARefusalNotAnError() throws Exception {
        assertThat(await(actions.hangup("PJSIP/9999-00000000"))).isEqualTo(new AmiReply(false, "No such channel"));
    }

    @Test
    void aRecordingIsStartedWithMixMonitorIntoAFileNamedAfterTheCall() throws Exception {
        asterisk.addChannel(AmiConnectionTest.channel("PJSIP/1001-00000008", "1795413076.31"));

        assertThat(await(actions.startRecording("PJSIP/1001-00000008", "c-42")).success()).isTrue();

        assertThat(asterisk.recordings()).containsEntry("PJSIP/1001-00000008", "hotline-c-42.wav");
    }

    @Test
    void aCallIdThatCouldLeaveTheRecordingDirectoryIsRefused() {
        assertThatThrownBy(() -> actions.startRecording("PJSIP/1001-00000008", "../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call id '../../etc/passwd' cannot name a recording: use letters, digits, '.', '_' or '-'"
                        + " (at most 128)");
    }

    @Test
    void anAgentPhoneInUseIsReadAsNotOfferable() throws Exception {
        asterisk.setDeviceState("PJSIP/1001", "INUSE");

        DeviceState state = await(actions.deviceState("PJSIP/1001"));

        assertThat(state).isEqualTo(DeviceState.INUSE);
        assertThat(state.phone()).isEqualTo(dev.hotline.acd.PhoneState.BUSY);
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }
}
