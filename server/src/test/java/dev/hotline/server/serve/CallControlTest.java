package dev.hotline.server.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiReply;
import dev.hotline.bridge.ami.AmiUnavailableException;
import dev.hotline.bridge.session.CallTelephony;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Call control over several Asterisk servers: each is asked in turn until one does it, and every outcome says what
 * happened (the whole path through a simulated Asterisk is in the end-to-end suite, AmiEndToEndTest).
 */
class CallControlTest {

    /** One Asterisk: the channels it carries and the phones registered to it; it refuses the rest as Asterisk does. */
    private static final class Asterisk extends UnusedAmiActions {
        final List<String> channels;
        final List<String> phones;
        final List<String> asked = new ArrayList<>();
        boolean down;
        /** The supervisor's phone rings here but nobody answers: Asterisk's reason 3. */
        boolean ringsUnanswered;

        Asterisk(List<String> channels, List<String> phones) {
            this.channels = channels;
            this.phones = phones;
        }

        @Override
        public CompletionStage<AmiReply> hangup(String channel) {
            asked.add("hangup " + channel);
            if (down) {
                return CompletableFuture.failedFuture(new AmiUnavailableException("AMI asterisk-2 is down"));
            }
            return CompletableFuture.completedFuture(channels.contains(channel)
                    ? new AmiReply(true, "Channel Hungup") : new AmiReply(false, "No such channel"));
        }

        @Override
        public CompletionStage<AmiEvent.OriginateResult> listenIn(String supervisorEndpoint, String agentEndpoint,
                                                                  ListenMode mode) {
            asked.add("listen " + supervisorEndpoint + " " + agentEndpoint + " " + mode.chanSpyOptions());
            if (ringsUnanswered) {
                return CompletableFuture.completedFuture(new AmiEvent.OriginateResult("asterisk", "1", false, 3, "",
                        ""));
            }
            boolean rings = phones.contains(supervisorEndpoint);
            return CompletableFuture.completedFuture(new AmiEvent.OriginateResult("asterisk", "1", rings,
                    rings ? 4 : 0, rings ? supervisorEndpoint + "-00000001" : "", rings ? "1.1" : ""));
        }
    }

    private static final List<AgentConfig> AGENTS = List.of(
            new AgentConfig("1001", "Wang Fang", "PJSIP/1001", List.of(new Skill("sales-health", 8))),
            new AgentConfig("1002", "Li Na", "PJSIP/1002", List.of(new Skill("sales-health", 6))));

    private final CallTelephony telephony = new CallTelephony();

    private static CallControl.Result done(CompletionStage<CallControl.Result> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void aCallIsHungUpByTheAsteriskThatCarriesItsChannelAfterTheOtherSaysItHasNoSuchChannel() {
        telephony.started("1.5", "PJSIP/trunk-00000005");
        Asterisk first = new Asterisk(List.of(), List.of());
        Asterisk second = new Asterisk(List.of("PJSIP/trunk-00000005"), List.of());

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, () -> List.of(first, second))
                .hangUp("1.5"));

        assertThat(result).isEqualTo(new CallControl.Result.Done("hung up PJSIP/trunk-00000005"));
        assertThat(first.asked).containsExactly("hangup PJSIP/trunk-00000005");
        assertThat(second.asked).containsExactly("hangup PJSIP/trunk-00000005");
    }

    @Test
    void whenNoAsteriskCanDoItEveryAnswerIsReported() {
        telephony.started("1.5", "PJSIP/trunk-00000005");
        Asterisk refusing = new Asterisk(List.of(), List.of());
        Asterisk down = new Asterisk(List.of("PJSIP/trunk-00000005"), List.of());
        down.down = true;

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, () -> List.of(refusing, down))
                .hangUp("1.5"));

        assertThat(result).isEqualTo(new CallControl.Result.Refused(
                List.of("No such channel", "AMI asterisk-2 is down")));
    }

    @Test
    void withoutAManagerInterfaceNothingIsAskedAndTheResultSaysWhy() {
        telephony.started("1.5", "PJSIP/trunk-00000005");

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, List::of).hangUp("1.5"));

        assertThat(result).isInstanceOfSatisfying(CallControl.Result.NoManagerInterface.class,
                r -> assertThat(r.why()).contains("server.yaml ami:"));
    }

    @Test
    void aSupervisorListensInThroughTheAsteriskTheirPhoneIsRegisteredTo() {
        Asterisk other = new Asterisk(List.of(), List.of());
        Asterisk theirs = new Asterisk(List.of(), List.of("PJSIP/2001"));

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, () -> List.of(other, theirs))
                .listenIn("PJSIP/2001", "1001", AmiActions.ListenMode.WHISPER));

        assertThat(result).isEqualTo(new CallControl.Result.Done("PJSIP/2001 listens in on PJSIP/1001 (WHISPER)"));
        assertThat(theirs.asked).containsExactly("listen PJSIP/2001 PJSIP/1001 qw");
    }

    @Test
    void listeningInNeedsAKnownAgentAndASupervisorsPhone() {
        CallControl control = new CallControl(telephony, () -> AGENTS, () -> List.of());

        assertThat(done(control.listenIn("PJSIP/2001", "9999", AmiActions.ListenMode.LISTEN)))
                .isEqualTo(new CallControl.Result.NoSuchAgent("9999"));
        assertThatThrownBy(() -> control.listenIn(" ", "1001", AmiActions.ListenMode.LISTEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a supervisor's phone is needed to listen in on agent 1001");
    }

    @Test
    void anotherAgentsPhoneIsNoSupervisorsPhone() {
        Asterisk theirs = new Asterisk(List.of(), List.of("PJSIP/1001"));

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, () -> List.of(theirs))
                .listenIn("pjsip/1002", "1001", AmiActions.ListenMode.LISTEN));

        assertThat(result).isEqualTo(new CallControl.Result.NotPossible(
                "pjsip/1002 is agent 1002's phone, not a supervisor's: give the supervisor's phone to ring"));
        assertThat(theirs.asked).isEmpty();
    }

    @Test
    void theAgentsOwnPhoneCannotListenInOnThem() {
        Asterisk theirs = new Asterisk(List.of(), List.of("PJSIP/1001"));

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, () -> List.of(theirs))
                .listenIn("PJSIP/1001", "1001", AmiActions.ListenMode.LISTEN));

        assertThat(result).isEqualTo(new CallControl.Result.NotPossible(
                "PJSIP/1001 is agent 1001's own phone: give the supervisor's phone to ring"));
        assertThat(theirs.asked).isEmpty();
    }

    @Test
    void aSupervisorsPhoneThatRangUnansweredIsNotRungAgainThroughTheNextAsterisk() {
        Asterisk theirs = new Asterisk(List.of(), List.of("PJSIP/2001"));
        theirs.ringsUnanswered = true;
        Asterisk other = new Asterisk(List.of(), List.of());

        CallControl.Result result = done(new CallControl(telephony, () -> AGENTS, () -> List.of(theirs, other))
                .listenIn("PJSIP/2001", "1001", AmiActions.ListenMode.LISTEN));

        assertThat(result).isEqualTo(new CallControl.Result.Refused(List.of(
                "PJSIP/2001 rang and was not answered (Asterisk reason 3)")));
        assertThat(other.asked).isEmpty();
    }
}
