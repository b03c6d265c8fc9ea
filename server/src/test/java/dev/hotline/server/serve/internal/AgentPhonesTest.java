package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AcdEvent.PhoneStateChanged;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.DeviceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agents' phones from the AMI device states: the engine hears of an agent's phone when the device named by the
 * agent's endpoint changes, across several Asterisk servers, lost connections, resynchronisations and reloads.
 */
class AgentPhonesTest {
    private static final long NOW = 1_795_395_600_000L;

    private final List<AcdEvent> told = new ArrayList<>();
    private final AgentPhones phones = new AgentPhones(told::add, () -> NOW,
            List.of(agent("1001", "PJSIP/1001"), agent("1002", "PJSIP/1002")));

    private static AgentConfig agent(String id, String endpoint) {
        return new AgentConfig(id, "Agent " + id, endpoint, List.of());
    }

    private static AmiEvent device(String server, String device, DeviceState state) {
        return new AmiEvent.DeviceStateChanged(server, device, state);
    }

    private static PhoneStateChanged phone(String agentId, PhoneState state) {
        return new PhoneStateChanged(NOW, agentId, state);
    }

    @Test
    void anAgentsPhoneGoingIntoAPrivateCallAndHangingUpIsToldToTheEngine() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.NOT_INUSE));

        assertThat(told).containsExactly(phone("1001", PhoneState.BUSY), phone("1001", PhoneState.FREE));
    }

    @Test
    void anEndpointWrittenWithItsTechnologyInLowerCaseIsStillThePhoneAsteriskReports() {
        AgentPhones lowerCase = new AgentPhones(told::add, () -> NOW, List.of(agent("1004", "pjsip/1004")));

        lowerCase.accept(device("pbx1", "PJSIP/1004", DeviceState.INUSE));

        assertThat(told).containsExactly(phone("1004", PhoneState.BUSY));
        assertThat(lowerCase.phoneOf("1004")).isEqualTo(PhoneState.BUSY);
    }

    @Test
    void ringingOnHoldAndBusyAreBusyAndAnUnregisteredPhoneIsUnreachable() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.RINGING));
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.ONHOLD));
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.UNAVAILABLE));

        assertThat(told).containsExactly(phone("1001", PhoneState.BUSY), phone("1002", PhoneState.UNREACHABLE));
    }

    @Test
    void aResynchronisationRepeatingTheStatesTellsNothingNewAndDevicesOfNoAgentAreIgnored() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        told.clear();

        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.NOT_INUSE));
        phones.accept(device("pbx1", "PJSIP/2999", DeviceState.INUSE));
        phones.accept(new AmiEvent.Resynchronised("pbx1", List.of(), 3));

        assertThat(told).isEmpty();
    }

    @Test
    void aLostConnectionFreesThePhonesItReportedBusySoNoAgentStaysBlockedWhileAsteriskIsAway() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        phones.accept(new AmiEvent.ConnectionLost("pbx1", "connection closed by 10.0.0.5:5038"));

        assertThat(told).containsExactly(phone("1001", PhoneState.BUSY), phone("1001", PhoneState.FREE));
        assertThat(phones.phoneOf("1001")).isEqualTo(PhoneState.FREE);
    }

    @Test
    void afterTheReconnectTheResynchronisationBringsTheTruePictureBack() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        phones.accept(new AmiEvent.ConnectionLost("pbx1", "keep-alive: no answer to Ping"));
        told.clear();

        // DeviceStateList after the login: the private call is still going on
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.NOT_INUSE));

        assertThat(told).containsExactly(phone("1001", PhoneState.BUSY));
    }

    @Test
    void withSeveralAsterisksAPhoneIsBusyIfAnyOfThemSaysSoAndUnreachableOnlyIfNoneHasItFree() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.UNAVAILABLE));
        phones.accept(device("pbx2", "PJSIP/1001", DeviceState.NOT_INUSE));
        assertThat(phones.phoneOf("1001")).isEqualTo(PhoneState.FREE);

        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        assertThat(phones.phoneOf("1001")).isEqualTo(PhoneState.BUSY);

        phones.accept(new AmiEvent.ConnectionLost("pbx1", "connection closed"));
        assertThat(phones.phoneOf("1001")).isEqualTo(PhoneState.FREE);
        assertThat(told).containsExactly(phone("1001", PhoneState.UNREACHABLE), phone("1001", PhoneState.FREE),
                phone("1001", PhoneState.BUSY), phone("1001", PhoneState.FREE));
    }

    @Test
    void aReloadFollowsAnAgentToItsNewPhoneAndForgetsARemovedAgent() {
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.INUSE));
        phones.accept(device("pbx1", "PJSIP/1003", DeviceState.NOT_INUSE));
        told.clear();

        // 1001 moves to desk 1003; 1002 leaves
        phones.configure(List.of(agent("1001", "PJSIP/1003")));
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.INUSE));
        phones.accept(device("pbx1", "PJSIP/1001", DeviceState.NOT_INUSE));

        assertThat(told).containsExactly(phone("1001", PhoneState.FREE));
    }

    @Test
    void aReloadTellsEveryAgentsPhoneAgainSoAnAgentTheEngineKeptFromBeforeIsRightToo() {
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.INUSE));
        told.clear();

        phones.configure(List.of(agent("1001", "PJSIP/1001"), agent("1002", "PJSIP/1002")));

        assertThat(told).containsExactlyInAnyOrder(phone("1001", PhoneState.FREE), phone("1002", PhoneState.BUSY));
    }

    @Test
    void anAgentRemovedOnABusyPhoneAndAddedBackAfterTheCallIsFreeSinceTheDeviceWasFollowedMeanwhile() {
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.INUSE));
        phones.configure(List.of(agent("1001", "PJSIP/1001")));
        phones.accept(device("pbx1", "PJSIP/1002", DeviceState.NOT_INUSE));   // the call ends
        told.clear();

        phones.configure(List.of(agent("1001", "PJSIP/1001"), agent("1002", "PJSIP/1002")));

        assertThat(told).contains(phone("1002", PhoneState.FREE));
        assertThat(phones.phoneOf("1002")).isEqualTo(PhoneState.FREE);
    }

    @Test
    void anAgentAReloadAddsOnAPhoneAsteriskReportedBusyStartsBusySoItIsNotRungDuringThatCall() {
        phones.accept(device("pbx1", "PJSIP/1013", DeviceState.INUSE));
        told.clear();

        phones.configure(List.of(agent("1001", "PJSIP/1001"), agent("1002", "PJSIP/1002"),
                agent("1013", "PJSIP/1013")));

        assertThat(told).contains(phone("1013", PhoneState.BUSY));
    }

    @Test
    void anAgentAReloadMovesToABusyPhoneIsBusyAtOnceAndFreeWhenThatCallEnds() {
        phones.accept(device("pbx1", "PJSIP/1013", DeviceState.INUSE));
        phones.configure(List.of(agent("1001", "PJSIP/1013"), agent("1002", "PJSIP/1002")));
        assertThat(phones.phoneOf("1001")).isEqualTo(PhoneState.BUSY);
        told.clear();

        phones.accept(device("pbx1", "PJSIP/1013", DeviceState.NOT_INUSE));

        assertThat(told).containsExactly(phone("1001", PhoneState.FREE));
    }

    @Test
    void localChannelsAreNotKeptSinceNoAgentsPhoneIsOne() {
        phones.accept(device("pbx1", "Local/4008001001@from-trunk", DeviceState.INUSE));

        phones.configure(List.of(agent("1001", "Local/4008001001@from-trunk")));

        assertThat(phones.phoneOf("1001")).as("known from its next change").isEqualTo(PhoneState.FREE);
    }

    @Test
    void twoAgentsSharingADeskPhoneBothFollowIt() {
        phones.configure(List.of(agent("1001", "PJSIP/desk-7"), agent("1002", "PJSIP/desk-7")));
        told.clear();

        phones.accept(device("pbx1", "PJSIP/desk-7", DeviceState.INUSE));

        assertThat(told).containsExactly(phone("1001", PhoneState.BUSY), phone("1002", PhoneState.BUSY));
    }
}
