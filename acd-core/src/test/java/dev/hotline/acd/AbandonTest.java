package dev.hotline.acd;

import static dev.hotline.acd.CentreFixture.centre;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallEnded;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A caller may hang up anywhere; the call leaves every index and timer and ends exactly once. */
class AbandonTest {

    private CentreFixture centre() {
        return CentreFixture.centre().queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(10))
                        .step("announce", Duration.ofSeconds(30), new dev.hotline.acd.model.EscalationAction.Announce("p")))
                .agent("1001", "s").agent("1002", "s");
    }

    @Test
    void aCallerHangingUpInTheIvrAbandonsWithoutAQueue() {
        var centre = centre().start().arrive("c1", "1", CentreFixture.numberOf("sales")).callerHangsUp("c1");

        CallEnded ended = centre.ended("c1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(ended.queue()).isEmpty();
        assertThat(ended.cause()).isEqualTo("caller hung up in the IVR");
    }

    @Test
    void aCallerHangingUpWhileWaitingLeavesTheQueueAndItsTimers() {
        var centre = centre().start().login("1001").call("c1", "sales").call("c2", "sales")
                .advance(Duration.ofSeconds(20)).callerHangsUp("c1");

        CallEnded ended = centre.ended("c1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(ended.waitedMillis()).isEqualTo(20_000);
        assertThat(ended.cause()).isEqualTo("caller hung up while waiting in queue sales");
        centre.forget().advance(Duration.ofSeconds(20));
        assertThat(centre.all(Decision.Announcement.class)).extracting(Decision.Announcement::callId)
                .containsExactly("c2");
        assertThat(centre.waiting("c2").position()).isEqualTo(1);
        assertThat(centre.engine.queue("sales").waiting()).isEqualTo(1);
    }

    @Test
    void aCallerHangingUpWhileRingingWithdrawsTheOfferAndTheAgentIsReadyAgain() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").callerHangsUp("c1")
                .advance(Duration.ofSeconds(30));

        assertThat(centre.ended("c1").cause()).isEqualTo("caller hung up while agent 1001's phone rang");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
        assertThat(centre.all(Decision.CallRequeued.class)).isEmpty();
    }

    @Test
    void aHangUpThatCrossedTheOfferIsRecordedAsNeverReachingThePhoneAndTheAgentIsReadyAgain() {
        // the call's session had no offer in hand when the caller hung up: the offer was made as the hang-up came
        var centre = centre().start().loginReady("1001").call("c1", "sales")
                .send(new AcdEvent.CallerHungUp(CentreFixture.START, "c1", false));

        assertThat(centre.ended("c1").cause()).isEqualTo("caller hung up before the offer to agent 1001 reached "
                + "their phone");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void anAgentWhoseOfferIsWithdrawnTakesTheNextWaitingCall() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").call("c2", "sales")
                .callerHangsUp("c1");

        assertThat(centre.offeredTo("c2")).isEqualTo("1001");
    }

    @Test
    void aCallerHangingUpWhileTalkingEndsTheConversationAsAnswered() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").advance(Duration.ofSeconds(3))
                .answer("c1", "1001").advance(Duration.ofSeconds(100)).callerHangsUp("c1");

        CallEnded ended = centre.ended("c1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(ended.agentId()).isEqualTo(Optional.of("1001"));
        assertThat(ended.waitedMillis()).isEqualTo(3_000);
        assertThat(ended.talkMillis()).isEqualTo(100_000);
        assertThat(ended.cause()).isEqualTo("caller hung up");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aHangUpForACallThatEndedIsRejected() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").callerHangsUp("c1")
                .callerHangsUp("c1");

        assertThat(centre.rejection()).isEqualTo("call c1 cannot be hung up by the caller: no such call");
        assertThat(centre.all(CallEnded.class)).hasSize(1);
    }

    @Test
    void anAgentCannotHangUpACallThatIsStillWaiting() {
        var centre = centre().start().login("1001").call("c1", "sales").agentHangsUp("c1");

        assertThat(centre.rejection()).isEqualTo("call c1 cannot be hung up by its agent: call is WAITING in queue "
                + "sales");
    }

    @Test
    void selfServiceEndsTheCallInTheIvr() {
        var centre = centre().start().arrive("c1", "1", CentreFixture.numberOf("sales"))
                .send(new AcdEvent.SelfServiceCompleted(CentreFixture.START, "c1", "balance"));

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.SELF_SERVICE);
        assertThat(centre.ended("c1").cause()).isEqualTo("self-service completed in flow balance");
    }

    @Test
    void anIvrFlowThatHangsUpWithoutSelfServiceEndsTheCallInTheIvr() {
        var centre = centre().start().arrive("c1", "1", CentreFixture.numberOf("sales"))
                .send(new AcdEvent.IvrEnded(CentreFixture.START, "c1", "tv-shopping", "closed-hours"));

        CallEnded ended = centre.ended("c1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ENDED_IN_IVR);
        assertThat(ended.queue()).isEmpty();
        assertThat(ended.cause()).isEqualTo("flow tv-shopping ended the call (closed-hours)");
    }

    @Test
    void theIvrCannotEndACallThatAlreadyWaitsInAQueue() {
        var centre = centre().start().login("1001").call("c1", "sales")
                .send(new AcdEvent.IvrEnded(CentreFixture.START, "c1", "tv-shopping", "closed-hours"));

        assertThat(centre.rejection()).isEqualTo("call c1 cannot be ended by the IVR: call is WAITING in queue sales");
    }
}
