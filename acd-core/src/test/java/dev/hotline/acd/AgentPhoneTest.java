package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.AgentPhoneChanged;
import dev.hotline.acd.Decision.CallOffered;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Agents' phones: a READY agent whose phone is busy with a call the ACD did not give it (a private call) or is not
 * registered keeps its state but is not offered calls; when the phone is free again the agent takes the next waiting
 * call at once. The phone's own states during the ACD's offers and conversations change nothing.
 */
class AgentPhoneTest {

    private static CentreFixture centre() {
        return CentreFixture.centre().queue("sales", "s").agent("1001", "s").agent("1002", "s");
    }

    @Test
    void anAgentOnAPrivateCallIsNotOfferedTheWaitingCallWhenThePhoneHangsUpTheCallIsOfferedToThem() {
        var centre = centre().start().loginReady("1001").phone("1001", PhoneState.BUSY)
                .call("c1", "sales").advance(Duration.ofSeconds(40));

        assertThat(centre.all(CallOffered.class)).isEmpty();
        assertThat(centre.waiting("c1").position()).isEqualTo(1);

        centre.phone("1001", PhoneState.FREE);

        assertThat(centre.offeredTo("c1")).isEqualTo("1001");
        assertThat(centre.last(CallOffered.class).reason().explanation()).isEqualTo(
                "Agent 1001's phone became free (it was BUSY) and took the first call it can serve: call c1 in "
                        + "queue sales (priority 0, waiting 40 s) through group s.");
    }

    @Test
    void anAgentOnAPrivateCallStaysReadyAndTheQueueViewSaysTheirPhoneIsBusy() {
        var centre = centre().start().loginReady("1001", "1002").phone("1001", PhoneState.BUSY);

        AgentView agent = centre.engine.agent("1001").orElseThrow();
        assertThat(agent.state()).isEqualTo(AgentState.READY);
        assertThat(agent.phone()).isEqualTo(PhoneState.BUSY);
        QueueView queue = centre.engine.queue("sales");
        assertThat(queue.agentsLoggedIn()).isEqualTo(2);
        assertThat(queue.agentsReady()).as("ready with a free phone").isEqualTo(1);
        assertThat(queue.agentsPhoneBusy()).isEqualTo(1);
        assertThat(centre.last(AgentPhoneChanged.class))
                .isEqualTo(new AgentPhoneChanged(CentreFixture.START, "1001", PhoneState.FREE, PhoneState.BUSY));
    }

    @Test
    void theWaitingCallGoesToTheReadyAgentWhosePhoneIsFreeNotToTheOneOnAPrivateCall() {
        // 1001 has been idle longest, so LONGEST_IDLE would pick 1001 if its phone were free
        var centre = centre().start().loginReady("1001").advance(Duration.ofSeconds(30)).loginReady("1002")
                .phone("1001", PhoneState.BUSY).call("c1", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("1002");
        assertThat(centre.last(CallOffered.class).reason().explanation()).as("1001, idle longer, was passed over")
                .isEqualTo("Call c1 arrived in queue sales; group s serves it from the start; LONGEST_IDLE picked "
                        + "agent 1002: idle 0 s, longest; READY agents passed over for their phone: 1001 (busy).");
    }

    @Test
    void theOffersReasonNamesTheFirstThreeAgentsPassedOverForTheirPhoneAndSaysThereWereOthers() {
        var centre = centre().agent("1003", "s").agent("1004", "s").agent("1005", "s").start()
                .loginReady("1001", "1002", "1003", "1004", "1005")
                .phone("1003", PhoneState.UNREACHABLE).phone("1001", PhoneState.BUSY).phone("1004", PhoneState.BUSY)
                .phone("1002", PhoneState.BUSY).call("c1", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("1005");
        assertThat(centre.last(CallOffered.class).reason().explanation()).endsWith("; READY agents passed over for "
                + "their phone: 1003 (unreachable), 1001 (busy), 1004 (busy) and others.");
    }

    @Test
    void anOfferWithNobodyOnAPrivateCallDoesNotSpeakOfAgentsPassedOver() {
        var centre = centre().start().loginReady("1001", "1002").phone("1001", PhoneState.BUSY)
                .phone("1001", PhoneState.FREE).call("c1", "sales");

        assertThat(centre.last(CallOffered.class).reason().explanation()).doesNotContain("passed over");
    }

    @Test
    void anAgentWhosePhoneIsNotRegisteredIsNotOfferedCallsUntilItRegisters() {
        var centre = centre().start().loginReady("1001").phone("1001", PhoneState.UNREACHABLE).call("c1", "sales");

        assertThat(centre.all(CallOffered.class)).isEmpty();
        centre.phone("1001", PhoneState.FREE);
        assertThat(centre.offeredTo("c1")).isEqualTo("1001");
    }

    @Test
    void thePhoneRingingAndInUseForTheAcdsOwnCallChangesNothing() {
        var centre = centre().start().loginReady("1001").call("c1", "sales")
                .phone("1001", PhoneState.BUSY) // ringing for the offer
                .answer("c1", "1001").advance(Duration.ofSeconds(60)).agentHangsUp("c1");

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(centre.ended("c1").talkMillis()).isEqualTo(60_000);
    }

    @Test
    void afterACallThePhoneStillReportedInUseHoldsTheNextOfferUntilItIsFree() {
        // no wrap-up: the agent is READY the moment the session reports the hang-up, which may come before the
        // phone's own NOT_INUSE
        var centre = centre().start().loginReady("1001").call("c1", "sales").phone("1001", PhoneState.BUSY)
                .answer("c1", "1001").call("c2", "sales").agentHangsUp("c1");

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
        assertThat(centre.all(CallOffered.class)).extracting(CallOffered::callId).containsExactly("c1");

        centre.phone("1001", PhoneState.FREE);
        assertThat(centre.offeredTo("c2")).isEqualTo("1001");
    }

    @Test
    void whenThePhoneIsFreeBeforeTheHangUpIsReportedTheNextCallIsOfferedWithTheHangUp() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").phone("1001", PhoneState.BUSY)
                .answer("c1", "1001").call("c2", "sales").phone("1001", PhoneState.FREE);

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.TALKING);
        centre.agentHangsUp("c1");
        assertThat(centre.offeredTo("c2")).isEqualTo("1001");
    }

    @Test
    void anAgentWhoseWrapUpEndsDuringAPrivateCallWaitsForThePhone() {
        var centre = CentreFixture.centre().queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(30)))
                .agent("1001", "s").start()
                .loginReady("1001").call("c1", "sales").answer("c1", "1001").agentHangsUp("c1")
                .phone("1001", PhoneState.BUSY).call("c2", "sales").advance(Duration.ofSeconds(30));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
        assertThat(centre.all(CallOffered.class)).extracting(CallOffered::callId).containsExactly("c1");
        centre.advance(Duration.ofSeconds(5)).phone("1001", PhoneState.FREE);
        assertThat(centre.offeredTo("c2")).isEqualTo("1001");
    }

    @Test
    void aPhoneThatFreesWhileTheAgentIsNotReadyOffersNothingAndReadyWithABusyPhoneOffersNothing() {
        var centre = centre().start().login("1001").call("c1", "sales").phone("1001", PhoneState.BUSY)
                .phone("1001", PhoneState.FREE).notReady("1001", "break").phone("1001", PhoneState.BUSY)
                .ready("1001");

        assertThat(centre.all(CallOffered.class)).isEmpty();
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void aReportRepeatingThePhonesStateChangesNothing() {
        var centre = centre().start().loginReady("1001").phone("1001", PhoneState.BUSY).forget()
                .phone("1001", PhoneState.BUSY).phone("1002", PhoneState.FREE);

        assertThat(centre.decisions).isEmpty();
    }

    @Test
    void aPhoneOfAnAgentTheConfigurationDoesNotKnowIsRejected() {
        var centre = centre().start().phone("9999", PhoneState.BUSY);

        assertThat(centre.rejection()).isEqualTo("agent 9999 cannot have its phone BUSY: no such agent");
    }

    @Test
    void aLiveConfigurationChangeKeepsThePhoneOfAnAgentItKeeps() {
        var centre = centre().start().loginReady("1001").phone("1001", PhoneState.BUSY)
                .reconfigure(CentreFixture.centre().queue("sales", "s").agent("1001", "s"))
                .call("c1", "sales");

        assertThat(centre.engine.agent("1001").orElseThrow().phone()).isEqualTo(PhoneState.BUSY);
        assertThat(centre.all(CallOffered.class)).isEmpty();
        centre.phone("1001", PhoneState.FREE);
        assertThat(centre.offeredTo("c1")).isEqualTo("1001");
    }

    @Test
    void aRandomQueueDrawsOnlyAmongAgentsWhosePhoneIsFree() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").strategy(dev.hotline.acd.model.RoutingStrategy.RANDOM))
                .agent("1001", "s").agent("1002", "s").agent("1003", "s").start()
                .loginReady("1001", "1002", "1003").phone("1001", PhoneState.BUSY)
                .phone("1003", PhoneState.UNREACHABLE);
        for (int i = 0; i < 20; i++) {
            centre.call("c" + i, "sales");
            assertThat(centre.offeredTo("c" + i)).isEqualTo("1002");
            centre.callerHangsUp("c" + i);
        }
        assertThat(centre.last(CallOffered.class).reason().explanation()).contains("1 ready");
    }
}
