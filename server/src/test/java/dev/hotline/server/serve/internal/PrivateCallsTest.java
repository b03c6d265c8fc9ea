package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.DeviceState;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped centre with Asterisk's device states fed to the real routing engine: an agent on a private call is not
 * offered the waiting call; when the phone hangs up, the call is offered to them.
 */
class PrivateCallsTest {
    /** 09:00 in Shanghai, a Monday: the sales queues are open. */
    private static final long NINE_AM = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();
    private static final CentreConfig SHIPPED = shipped();

    private final List<Decision> decisions = new ArrayList<>();
    private final RoutingEngine engine = new RoutingEngine(SHIPPED, NINE_AM, 1, decisions::add);
    private final AgentPhones phones = new AgentPhones(engine::handle, () -> NINE_AM, SHIPPED.agents());

    private static CentreConfig shipped() {
        ConfigResult result = ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    private List<String> offers() {
        return decisions.stream().filter(d -> d instanceof Decision.CallOffered)
                .map(d -> ((Decision.CallOffered) d).callId() + " -> " + ((Decision.CallOffered) d).endpoint())
                .toList();
    }

    /** Wang Fang (1001, PJSIP/1001), the only agent on duty, is on a private call; a caller of the tea line waits. */
    private void aCallWaitsWhileTheOnlyAgentIsOnAPrivateCall() {
        engine.handle(new AcdEvent.AgentLoggedIn(NINE_AM, "1001"));
        engine.handle(new AcdEvent.AgentReady(NINE_AM, "1001"));
        phones.accept(new AmiEvent.DeviceStateChanged("asterisk-1", "PJSIP/1001", DeviceState.INUSE));
        engine.handle(new AcdEvent.CallArrived(NINE_AM, "c1", "13700001111", "4008001001"));
        engine.handle(new AcdEvent.QueueRequested(NINE_AM, "c1", Optional.empty(), 0, Map.of()));
    }

    @Test
    void anAgentOnAPrivateCallIsNotOfferedTheWaitingCallWhenThePhoneHangsUpTheCallIsOfferedToThem() {
        aCallWaitsWhileTheOnlyAgentIsOnAPrivateCall();

        assertThat(offers()).isEmpty();
        assertThat(engine.agent("1001").orElseThrow().state()).isEqualTo(dev.hotline.acd.AgentState.READY);

        phones.accept(new AmiEvent.DeviceStateChanged("asterisk-1", "PJSIP/1001", DeviceState.NOT_INUSE));

        assertThat(offers()).containsExactly("c1 -> PJSIP/1001");
        engine.validateInternalState();
    }

    @Test
    void whenTheAmiConnectionIsLostTheAgentIsNoLongerHeldBackByAPhoneStateNobodyCanUpdate() {
        aCallWaitsWhileTheOnlyAgentIsOnAPrivateCall();
        assertThat(offers()).isEmpty();

        phones.accept(new AmiEvent.ConnectionLost("asterisk-1", "connection closed by 127.0.0.1:5038"));

        assertThat(offers()).containsExactly("c1 -> PJSIP/1001");
    }
}
