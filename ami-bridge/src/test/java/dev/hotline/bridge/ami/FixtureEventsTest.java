package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.simulator.AmiTranscript;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every event a real Asterisk 22 sent in the captures, replayed through Asterisk-Java into Hotline's events: the
 * ones the ACD uses arrive with the captured values, everything else as an UnknownEvent, never as null.
 */
class FixtureEventsTest {

    private final SimulatedAmiServer asterisk = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSink events = new RecordingSink();
    private AmiConnection connection;

    @AfterEach
    void tearDown() {
        connection.close();
        scheduler.runDue();
        asterisk.close();
    }

    @Test
    void aBridgedAgentCallArrivesAsBridgeAndHangupEventsWithTheCapturedValues() throws Exception {
        List<AmiEvent> received = replay("ami-originate-bridge-events.txt");

        assertThat(received).filteredOn(AmiEvent.BridgeEntered.class::isInstance).extracting(e ->
                ((AmiEvent.BridgeEntered) e).channel()).containsExactly("Local/1001@agents-0000000d;1",
                "Local/13800138000@hold-line-0000000c;1");
        assertThat(received).filteredOn(AmiEvent.BridgeLeft.class::isInstance).hasSize(2);
        assertThat(received).filteredOn(AmiEvent.ChannelHungUp.class::isInstance).hasSize(4)
                .allSatisfy(e -> assertThat(((AmiEvent.ChannelHungUp) e).cause()).isEqualTo(16));
        // orig-2 was another client's Originate: Asterisk-Java keeps only ActionIDs it prefixed itself
        // ("<internal>#<ours>"), so a foreign OriginateResponse arrives with an empty actionId
        assertThat(received).filteredOn(AmiEvent.OriginateResult.class::isInstance).singleElement()
                .isEqualTo(new AmiEvent.OriginateResult("pbx1", "", true, 4,
                        "Local/13800138000@hold-line-0000000c;1", "1795413083.24"));
    }

    @Test
    void theEventsOfACallInItsFastAgiSessionAreNeverNullAndTheUnmodelledOnesKeepTheirName() throws Exception {
        List<AmiEvent> received = replay("ami-events-during-agi.txt");

        assertThat(received).doesNotContainNull();
        assertThat(received).filteredOn(AmiEvent.UnknownEvent.class::isInstance)
                .extracting(e -> ((AmiEvent.UnknownEvent) e).name()).contains("AgiExecStart", "DtmfBegin");
        assertThat(received).filteredOn(AmiEvent.DeviceStateChanged.class::isInstance).isNotEmpty();
    }

    @Test
    void aBridgeEventWithoutItsBridgeIdIsDroppedAndTheConnectionStays() throws Exception {
        // Asterisk-Java's bridge tracking looked such an event up by a null key: its reader died with the connection
        connection = AmiConnection.create(AmiSettings.of("pbx1", "127.0.0.1", asterisk.port(), "acd", "acdsecret"),
                scheduler, events, AmiStatusListener.NONE, Runnable::run);
        connection.start();
        scheduler.runDue();
        events.next(AmiEvent.Resynchronised.class);

        asterisk.emitEvent("BridgeLeave", Map.of("Channel", "PJSIP/1001-00000001"));
        asterisk.emitEvent("BridgeEnter", Map.of("Channel", "PJSIP/1001-00000001"));
        asterisk.emitEvent("BridgeCreate", Map.of());
        asterisk.setDeviceState("END/marker", "NOT_INUSE");

        assertThat(events.next(AmiEvent.class)).isInstanceOfSatisfying(AmiEvent.DeviceStateChanged.class,
                changed -> assertThat(changed.device()).isEqualTo("END/marker"));
        assertThat(connection.state()).isEqualTo(AmiConnectionState.CONNECTED);
    }

    /** Emits every event of a capture to a connected client and collects what the sink receives, in order. */
    private List<AmiEvent> replay(String fixture) throws Exception {
        connection = AmiConnection.create(AmiSettings.of("pbx1", "127.0.0.1", asterisk.port(), "acd", "acdsecret"),
                scheduler, events, AmiStatusListener.NONE, Runnable::run);
        connection.start();
        scheduler.runDue();
        events.next(AmiEvent.Resynchronised.class);

        for (String message : AmiTranscript.messages(AmiTranscript.load(fixture).asteriskBytes())) {
            if (message.startsWith("Event: ")) {
                Map<String, String> headers = new LinkedHashMap<>();
                message.lines().skip(1).filter(l -> !l.isEmpty())
                        .forEach(l -> headers.put(l.substring(0, l.indexOf(':')), l.substring(l.indexOf(':') + 2)));
                asterisk.emitEvent(message.substring(7, message.indexOf("\r\n")), headers);
            }
        }
        asterisk.setDeviceState("END/marker", "NOT_INUSE");

        List<AmiEvent> received = new ArrayList<>();
        while (true) {
            AmiEvent event = events.next(AmiEvent.class);
            if (event instanceof AmiEvent.DeviceStateChanged changed && changed.device().equals("END/marker")) {
                return received;
            }
            received.add(event);
        }
    }
}
