package dev.hotline.acd;

import static dev.hotline.acd.CentreFixture.centre;
import static dev.hotline.acd.CentreFixture.transition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.AgentStateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The agent's day: login puts the agent NOT_READY ("logged in") until AgentReady; READY -> RESERVED (offer) ->
 * TALKING -> WRAP_UP -> READY. Logout is allowed from READY, NOT_READY and WRAP_UP; on a call it waits for the call's
 * end ({@link AfterTheCallTest}).
 */
class AgentStateTest {

    private CentreFixture centre() {
        return CentreFixture.centre().queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(30)))
                .agent("1001", "s").agent("1002", "s");
    }

    @Test
    void loggingInPutsTheAgentNotReadyUntilTheAgentSaysReady() {
        var centre = centre().start().login("1001");

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
        assertThat(centre.engine.agent("1001").orElseThrow().reason()).isEqualTo("logged in");
        centre.ready("1001");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void aCallTakesTheAgentThroughRingingTalkingAndWrapUpBackToReady() {
        var centre = centre().start().loginReady("1001").forget()
                .call("c1", "sales").answer("c1", "1001")
                .advance(Duration.ofSeconds(60)).callerHangsUp("c1")
                .advance(Duration.ofSeconds(30));

        assertThat(centre.all(AgentStateChanged.class)).extracting(CentreFixture::transition).containsExactly(
                "READY->RESERVED (offered call c1)",
                "RESERVED->TALKING (answered call c1)",
                "TALKING->WRAP_UP (call c1 ended)",
                "WRAP_UP->READY (wrap-up over)");
        assertThat(centre.last(AgentStateChanged.class).at()).isEqualTo(CentreFixture.START + 90_000);
    }

    @Test
    void withoutWrapUpTheAgentIsReadyAsSoonAsTheCallEnds() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("1001", "s").start()
                .loginReady("1001").call("c1", "sales").answer("c1", "1001").agentHangsUp("c1");

        assertThat(transition(centre.last(AgentStateChanged.class)))
                .isEqualTo("TALKING->READY (call c1 ended, no wrap-up)");
    }

    @Test
    void sayingReadyEndsWrapUpEarly() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .agentHangsUp("c1").advance(Duration.ofSeconds(5)).ready("1001").forget()
                .advance(Duration.ofSeconds(60));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
        assertThat(centre.decisions).isEmpty();
    }

    @Test
    void anAgentEndingWrapUpTakesTheNextWaitingCall() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .call("c2", "sales").agentHangsUp("c1").advance(Duration.ofSeconds(30));

        assertThat(centre.offeredTo("c2")).isEqualTo("1001");
        assertThat(centre.last(Decision.CallOffered.class).reason().explanation()).isEqualTo(
                "Agent 1001 became free and took the first call it can serve: call c2 in queue sales (priority 0, "
                        + "waiting 30 s) through group s.");
    }

    @Test
    void notReadyIsAllowedFromReadyAndWrapUpWithAReasonCode() {
        var centre = centre().start().loginReady("1001", "1002").notReady("1001", "lunch")
                .call("c1", "sales").answer("c1", "1002").agentHangsUp("c1").notReady("1002", "training")
                .advance(Duration.ofMinutes(5));

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.NOT_READY);
        assertThat(centre.stateOf("1002")).isEqualTo(AgentState.NOT_READY);
        assertThat(centre.engine.agent("1002").orElseThrow().reason()).isEqualTo("training");
    }

    @Test
    void logoutIsAllowedFromReadyNotReadyAndWrapUp() {
        var centre = centre().start().loginReady("1001", "1002").logout("1001")
                .call("c1", "sales").answer("c1", "1002").agentHangsUp("c1").logout("1002");

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(centre.stateOf("1002")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(centre.all(Decision.EventRejected.class)).isEmpty();
    }

    @Test
    void logoutDuringACallWaitsForTheEndOfTheCall() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").logout("1001");

        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.RESERVED);
        assertThat(centre.last(Decision.AgentAfterCall.class).after()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(centre.all(Decision.EventRejected.class)).isEmpty();
    }

    @Test
    void aSecondLoginIsRejected() {
        var centre = centre().start().loginReady("1001").login("1001");

        assertThat(centre.rejection()).isEqualTo("agent 1001 cannot log in: agent is already READY");
    }

    @Test
    void readyFromLoggedOutIsRejected() {
        var centre = centre().start().ready("1001");

        assertThat(centre.rejection()).isEqualTo("agent 1001 cannot become READY: agent is LOGGED_OUT");
    }

    @Test
    void anEventForAnUnknownAgentIsRejected() {
        var centre = centre().start().login("9999");

        assertThat(centre.rejection()).isEqualTo("agent 9999 cannot log in: no such agent");
    }

    @Test
    void onlyTheAgentReservedForTheCallCanAnswerIt() {
        var centre = centre().start().loginReady("1001", "1002").call("c7", "sales");
        String other = centre.offeredTo("c7").equals("1001") ? "1002" : "1001";

        centre.answer("c7", other);

        assertThat(centre.rejection()).isEqualTo("agent " + other + " cannot answer call c7: agent is READY, "
                + "not RESERVED for c7");
    }

    @Test
    void aRejectedEventChangesNothing() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").forget().answer("c2", "1001");

        assertThat(centre.kinds()).containsExactly("EventRejected");
        assertThat(centre.rejection()).isEqualTo("agent 1001 cannot answer call c2: no such call");
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void theAgentViewCountsAnsweredCallsAndTalkTimeSinceLogin() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .advance(Duration.ofSeconds(42)).agentHangsUp("c1");

        AgentView view = centre.engine.agent("1001").orElseThrow();
        assertThat(view.answeredCalls()).isEqualTo(1);
        assertThat(view.talkMillis()).isEqualTo(42_000);
        assertThat(view.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(view.callId()).isEmpty();
    }
}
