package dev.hotline.acd;

import static dev.hotline.acd.CentreFixture.transition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.AgentAfterCall;
import dev.hotline.acd.Decision.AgentStateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * "Not ready after this call": an agent on a call (ringing or talking) who asks for a break or to log out is not
 * refused; the request waits for the end of the call and its wrap-up, and the agent is then NOT_READY with the code
 * asked for (or logged out) instead of READY for the next caller. Asking READY withdraws the request.
 */
class AfterTheCallTest {

    /** Two agents of group s serving queue sales, 30 s wrap-up. */
    private static CentreFixture salesWithWrapUp() {
        return CentreFixture.centre().agent("1001", "s").agent("1002", "s")
                .queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(30)));
    }

    @Test
    void anAgentWhoAsksForABreakDuringACallFinishesItsWrapUpThenGoesNotReadyWithTheCodeAndTakesNoNextCall() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .notReady("1001", "lunch");

        assertThat(centre.stateOf("1001")).as("the conversation goes on").isEqualTo(AgentState.TALKING);
        assertThat(centre.last(AgentAfterCall.class)).satisfies(a -> {
            assertThat(a.state()).isEqualTo(AgentState.TALKING);
            assertThat(a.after()).isEqualTo(AgentState.NOT_READY);
            assertThat(a.reason()).isEqualTo("lunch");
        });
        AgentView view = centre.engine.agent("1001").orElseThrow();
        assertThat(view.afterCall()).isEqualTo(AgentState.NOT_READY);
        assertThat(view.afterCallReason()).isEqualTo("lunch");

        centre.call("c2", "sales").forget().agentHangsUp("c1").advance(Duration.ofSeconds(30));

        assertThat(centre.all(AgentStateChanged.class)).extracting(CentreFixture::transition).containsExactly(
                "TALKING->WRAP_UP (call c1 ended)",
                "WRAP_UP->NOT_READY (lunch)");
        assertThat(centre.all(Decision.CallOffered.class)).as("c2 keeps waiting").isEmpty();
        assertThat(centre.engine.agent("1001").orElseThrow().afterCall()).isEqualTo(AgentState.READY);
    }

    @Test
    void withoutWrapUpTheBreakStartsAsSoonAsTheCallEnds() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("1001", "s").start()
                .loginReady("1001").call("c1", "sales").answer("c1", "1001").notReady("1001", "coaching")
                .agentHangsUp("c1");

        assertThat(transition(centre.last(AgentStateChanged.class))).isEqualTo("TALKING->NOT_READY (coaching)");
    }

    @Test
    void anAgentWhoAsksToLogOutDuringACallIsLoggedOutAfterItsWrapUp() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .logout("1001").callerHangsUp("c1").forget().advance(Duration.ofSeconds(30));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(transition(centre.last(AgentStateChanged.class)))
                .isEqualTo("WRAP_UP->LOGGED_OUT (logged out after the call (wrap-up over))");
        assertThat(centre.all(Decision.EventRejected.class)).isEmpty();
    }

    @Test
    void sayingReadyDuringTheCallWithdrawsTheRequestAndTheAgentTakesTheNextCallAsUsual() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .notReady("1001", "lunch").ready("1001");

        assertThat(centre.last(AgentAfterCall.class).after()).isEqualTo(AgentState.READY);
        assertThat(centre.all(Decision.EventRejected.class)).isEmpty();

        centre.call("c2", "sales").agentHangsUp("c1").advance(Duration.ofSeconds(30));
        assertThat(centre.offeredTo("c2")).isEqualTo("1001");
    }

    @Test
    void sayingReadyDuringACallWithNothingAskedIsStillRefusedWithTheAgentsState() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .ready("1001");

        assertThat(centre.rejection()).isEqualTo("agent 1001 cannot become READY: agent is TALKING on call c1; "
                + "READY again after the call");
    }

    @Test
    void theLatestRequestWins() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .logout("1001").notReady("1001", "meeting").agentHangsUp("c1").advance(Duration.ofSeconds(30));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).isEqualTo("meeting");
    }

    @Test
    void endingWrapUpByHandTakesTheAgentWhereTheyAskedNotToTheRequestOfTheCall() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .notReady("1001", "lunch").agentHangsUp("c1").advance(Duration.ofSeconds(5)).ready("1001")
                .advance(Duration.ofSeconds(60));

        assertThat(centre.stateOf("1001")).as("READY in wrap-up ends it and replaces the break").isEqualTo(
                AgentState.READY);
    }

    @Test
    void aRingingAgentWhoAsksForABreakIsNotReadyWithTheCodeWhenTheCallerHangsUpBeforeTheAnswer() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").notReady("1001", "lunch")
                .callerHangsUp("c1");

        assertThat(transition(centre.last(AgentStateChanged.class))).isEqualTo("RESERVED->NOT_READY (lunch)");
    }

    @Test
    void aRingingAgentWhoAsksToLogOutAndDoesNotAnswerIsNotReadyForTheMissedCallThenLoggedOut() {
        var centre = salesWithWrapUp().start().loginReady("1001", "1002").call("c1", "sales");
        String ringing = centre.offeredTo("c1");
        String other = ringing.equals("1001") ? "1002" : "1001";
        centre.logout(ringing).forget().advance(Duration.ofSeconds(20));

        assertThat(centre.all(AgentStateChanged.class)).filteredOn(c -> c.agentId().equals(ringing))
                .extracting(CentreFixture::transition).containsExactly(
                        "RESERVED->NOT_READY (no answer)",
                        "NOT_READY->LOGGED_OUT (logged out after the call (offer not taken))");
        assertThat(centre.offeredTo("c1")).as("the call goes to the other agent").isEqualTo(other);
    }

    @Test
    void aRingingAgentWhoAsksForABreakAndDoesNotAnswerIsNotReadyForTheMissedCallThenOnTheBreak() {
        var centre = salesWithWrapUp().start().loginReady("1001").call("c1", "sales").notReady("1001", "lunch")
                .forget().advance(Duration.ofSeconds(20));

        assertThat(centre.all(AgentStateChanged.class)).extracting(CentreFixture::transition).containsExactly(
                "RESERVED->NOT_READY (no answer)",
                "NOT_READY->NOT_READY (lunch)");
        assertThat(centre.engine.agent("1001").orElseThrow().afterCall()).isEqualTo(AgentState.READY);
    }

    @Test
    void anAgentRemovedFromTheConfigurationDuringTheCallIsShownLoggingOutAfterItWhateverItAsked() {
        var centre = salesWithWrapUp().start().loginReady("1001", "1002").call("c1", "sales");
        String talking = centre.offeredTo("c1");
        String other = talking.equals("1001") ? "1002" : "1001";
        centre.answer("c1", talking).notReady(talking, "lunch")
                .reconfigure(CentreFixture.centre().agent(other, "s")
                        .queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(30))));

        AgentView view = centre.engine.agent(talking).orElseThrow();
        assertThat(view.afterCall()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(view.afterCallReason()).isEmpty();
    }
}
