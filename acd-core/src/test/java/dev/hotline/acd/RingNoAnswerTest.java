package dev.hotline.acd;

import static dev.hotline.acd.CentreFixture.centre;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallRequeued;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An offer not answered within the ring timeout, or failed, puts the agent NOT_READY and the call back at the head
 * of its priority class, keeping its arrival time; another idle agent gets it at once.
 */
class RingNoAnswerTest {

    private CentreFixture centre() {
        return CentreFixture.centre().queue("sales", q -> q.groups("s").ringTimeout(Duration.ofSeconds(15)))
                .agent("1001", "s").agent("1002", "s");
    }

    @Test
    void anOfferNotAnsweredWithinTheRingTimeoutIsRequeuedAndTheAgentGoesNotReady() {
        var centre = centre().start().loginReady("1001").call("c1", "sales")
                .advance(Duration.ofSeconds(14));
        assertThat(centre.all(CallRequeued.class)).isEmpty();

        centre.advance(Duration.ofSeconds(1));

        CallRequeued requeued = centre.last(CallRequeued.class);
        assertThat(requeued.agentId()).isEqualTo("1001");
        assertThat(requeued.cause()).isEqualTo("no answer within 15 s");
        assertThat(requeued.offerEnd()).as("the agent missed it").isEqualTo(OfferEnd.NO_ANSWER);
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).isEqualTo("no answer");
        assertThat(centre.waiting("c1").position()).isEqualTo(1);
    }

    @Test
    void anAgentWhoMissedACallIsReadyAgainAfterTheServersBreakAndTakesTheNextCall() {
        var centre = centre().start();
        centre.engine.readyAfterMissedCall(Duration.ofSeconds(60));
        centre.loginReady("1001").call("c1", "sales").advance(Duration.ofSeconds(15)).advance(Duration.ofSeconds(59));
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);

        centre.advance(Duration.ofSeconds(1));

        Decision.AgentStateChanged back = centre.all(Decision.AgentStateChanged.class).stream()
                .filter(s -> s.to() == AgentState.READY && s.agentId().equals("1001")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(back.reason()).isEqualTo("ready again 60 s after a missed call");
        assertThat(centre.offeredTo("c1")).as("the call still waiting").isEqualTo("1001");
    }

    @Test
    void anAgentWhoAsksForABreakAfterAMissedCallKeepsItPastTheServersBreak() {
        var centre = centre().start();
        centre.engine.readyAfterMissedCall(Duration.ofSeconds(60));
        centre.loginReady("1001").call("c1", "sales").advance(Duration.ofSeconds(15))
                .notReady("1001", "lunch").advance(Duration.ofMinutes(5));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).isEqualTo("lunch");
    }

    @Test
    void withoutTheServersBreakAnAgentWhoMissedACallStaysNotReadyUntilTheySayReady() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").advance(Duration.ofSeconds(15))
                .advance(Duration.ofHours(1));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void anAgentWhoLogsOutWhileTheirOfferWaitsForTheCallersLineIsNotRungAndTheCallGoesToAnother() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .loginReady("1002").logout("1001");

        assertThat(centre.last(CallRequeued.class).cause())
                .isEqualTo("agent 1001 logged out before their phone rang");
        assertThat(centre.offeredTo("c1")).isEqualTo("1002");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).as("no call to be after")
                .isEqualTo("logged out");
        assertThat(centre.all(Decision.AgentAfterCall.class)).isEmpty();
    }

    @Test
    void anAgentWhoseOfferRingsAlreadyRingsOnAfterLoggingOutAndIsLoggedOutAfter() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").logout("1001");

        assertThat(centre.all(CallRequeued.class)).isEmpty();
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void anOfferWaitingForTheCallersLineIsLetGoWhenTheAgentsPhoneIsTakenByAnotherCall() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .loginReady("1002").send(new AcdEvent.PhoneStateChanged(CentreFixture.START, "1001",
                        PhoneState.BUSY));

        assertThat(centre.last(CallRequeued.class).cause())
                .isEqualTo("agent 1001's phone became BUSY before the offer rang it");
        assertThat(centre.offeredTo("c1")).isEqualTo("1002");
        assertThat(centre.stateOf("1001")).as("ready, its phone busy: offered nothing until it is free")
                .isEqualTo(AgentState.READY);
    }

    @Test
    void aPhoneThatStartsRingingLateRingsForTheWholeRingTimeoutFromThen() {
        // the caller's line was busy with a prompt for 7 s when the offer came: Dial starts then
        var centre = centre().start().loginReady("1001").call("c1", "sales").advance(Duration.ofSeconds(7))
                .ringing("c1", "1001").advance(Duration.ofSeconds(14));
        assertThat(centre.all(CallRequeued.class)).as("21 s after the offer, 14 s into the ringing").isEmpty();

        centre.advance(Duration.ofSeconds(1));

        assertThat(centre.last(CallRequeued.class).cause()).isEqualTo("no answer within 15 s");
    }

    @Test
    void anOfferWaitingForTheCallersLineIsHeldUntilItRingsThenGetsItsWholeRingTimeout() {
        // a 20 s prompt plays when the offer comes: Dial starts only after it, with the offer's 15 s
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .advance(Duration.ofSeconds(20));
        assertThat(centre.all(CallRequeued.class)).as("still waiting for the line, past the ring timeout").isEmpty();

        centre.ringing("c1", "1001", Duration.ofSeconds(15)).advance(Duration.ofSeconds(14));
        assertThat(centre.all(CallRequeued.class)).isEmpty();
        centre.advance(Duration.ofSeconds(1));

        assertThat(centre.last(CallRequeued.class).cause()).isEqualTo("no answer within 15 s");
    }

    @Test
    void anOfferWhoseSessionNeverSaysItRingsIsWithdrawnAfterTheLongestWaitForTheLine() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .advance(Duration.ofSeconds(15).plusMillis(AcdEvent.OfferDelayed.LONGEST_WAIT_FOR_THE_LINE - 1));
        assertThat(centre.all(CallRequeued.class)).isEmpty();

        centre.advance(Duration.ofMillis(1));

        CallRequeued requeued = centre.last(CallRequeued.class);
        assertThat(requeued.agentId()).isEqualTo("1001");
        assertThat(requeued.cause()).isEqualTo("the caller's line was not free within 135 s of the offer; agent 1001's"
                + " phone never rang");
        assertThat(requeued.offerEnd()).as("not the agent's miss").isEqualTo(OfferEnd.TAKEN_BACK);
        assertThat(centre.stateOf("1001")).as("the phone never rang: no missed call to put the agent on a break")
                .isEqualTo(AgentState.RESERVED);
        assertThat(centre.offeredTo("c1")).as("the only agent, free again, is offered the call anew").isEqualTo("1001");
    }

    @Test
    void aCallerHangingUpWhileTheirOfferWaitsForTheLineIsNotSaidToHaveHungUpOnARingingPhone() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .advance(Duration.ofSeconds(5)).callerHangsUp("c1");

        assertThat(centre.ended("c1").cause())
                .isEqualTo("caller hung up while the offer to agent 1001 waited for the caller's line");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void anOfferHeldForTheCallersLineTooLongGoesToAnotherIdleAgentAndTheFirstIsReadyAgain() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .loginReady("1002")
                .advance(Duration.ofSeconds(15).plusMillis(AcdEvent.OfferDelayed.LONGEST_WAIT_FOR_THE_LINE));

        assertThat(centre.offeredTo("c1")).isEqualTo("1002");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
        assertThat(centre.engine.agent("1001").orElseThrow().reason())
                .isEqualTo("offer of call c1 withdrawn: the caller's line was not free");
    }

    @Test
    void aPhoneRingsForTheRingTimeoutItsOfferWasMadeWithThoughAReloadChangedTheQueues() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").delayed("c1", "1001")
                .advance(Duration.ofSeconds(5))
                .reconfigure(centre().queue("sales", q -> q.groups("s").ringTimeout(Duration.ofSeconds(5))))
                .ringing("c1", "1001", Duration.ofSeconds(15)).advance(Duration.ofSeconds(14));

        assertThat(centre.all(CallRequeued.class)).as("Dial was told 14 s of the offer's 15").isEmpty();
        centre.advance(Duration.ofSeconds(1));
        assertThat(centre.last(CallRequeued.class).cause()).isEqualTo("no answer within 15 s");
    }

    @Test
    void aPhoneCannotRingForACallNotOfferedToItsAgent() {
        var centre = centre().start().loginReady("1001", "1002").call("c1", "sales");
        String offered = centre.offeredTo("c1");
        String other = offered.equals("1001") ? "1002" : "1001";

        centre.ringing("c1", other);

        assertThat(centre.rejection()).isEqualTo("agent " + other + " cannot ring for call c1: agent is READY, not "
                + "RESERVED for c1");
    }

    @Test
    void aRequeuedCallIsOfferedAtOnceToAnotherIdleAgent() {
        var centre = centre().queue("sales", q -> q.strategy(dev.hotline.acd.model.RoutingStrategy.LINEAR))
                .start().loginReady("1001", "1002").call("c1", "sales")
                .advance(Duration.ofSeconds(15));

        assertThat(centre.all(Decision.CallOffered.class)).extracting(Decision.CallOffered::agentId)
                .containsExactly("1001", "1002");
    }

    @Test
    void aPhoneThatRangOutEndsDialASecondBeforeTheRingTimerAndIsStillARingNoAnswer() {
        var centre = centre().start().loginReady("1001").call("c1", "sales")
                .fail("c1", "1001", AcdEvent.OfferFailed.RANG_OUT);

        assertThat(centre.last(CallRequeued.class).offerEnd()).isEqualTo(OfferEnd.NO_ANSWER);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).isEqualTo("no answer");
    }

    @Test
    void aFailedOfferPutsTheAgentNotReadyWithItsCause() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").fail("c1", "1001", "busy");

        assertThat(centre.last(CallRequeued.class).cause()).isEqualTo("busy");
        assertThat(centre.last(CallRequeued.class).offerEnd()).isEqualTo(OfferEnd.FAILED);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).isEqualTo("busy");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void aRequeuedCallGoesBackAheadOfCallsOfItsPriorityThatArrivedLater() {
        var centre = centre().start().loginReady("1001").call("c1", "sales")
                .advance(Duration.ofSeconds(5)).call("c2", "sales").call("c3", "sales")
                .advance(Duration.ofSeconds(10));

        assertThat(centre.waiting("c1").position()).isEqualTo(1);
        assertThat(centre.waiting("c1").waitedMillis()).isEqualTo(15_000);
        centre.loginReady("1002");
        assertThat(centre.offeredTo("c1")).isEqualTo("1002");
    }

    @Test
    void aRequeuedCallStaysBehindCallsOfHigherPriority() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").call("c2", "sales");
        centre.arrive("vip", "1", CentreFixture.numberOf("sales")).queue("vip", 5)
                .advance(Duration.ofSeconds(15));

        assertThat(centre.waiting("vip").position()).isEqualTo(1);
        assertThat(centre.waiting("c1").position()).isEqualTo(2);
    }

    @Test
    void aFailedOfferFromAnAgentNotRingingIsRejected() {
        var centre = centre().start().loginReady("1001", "1002").call("c1", "sales");
        String other = centre.offeredTo("c1").equals("1001") ? "1002" : "1001";

        centre.fail("c1", other, "busy");

        assertThat(centre.rejection()).isEqualTo("agent " + other + " cannot fail the offer of call c1: agent is "
                + "READY, not RESERVED for c1");
    }
}
