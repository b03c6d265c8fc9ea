package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallEnded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * As Hotline stops, its call sessions close and Asterisk's dialplan goes on with each call after AGI(): a waiting
 * caller goes to the dialplan's fallback, a conversation goes on in Asterisk. Nobody hung up, so nobody abandoned.
 */
class HandedBackTest {

    private CentreFixture centre() {
        return CentreFixture.centre().queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(10)))
                .agent("1001", "s").agent("1002", "s");
    }

    @Test
    void aWaitingCallHandedBackIsOverflowedNotAbandoned() {
        var centre = centre().start().login("1001").call("c1", "sales").advance(Duration.ofSeconds(40))
                .handedBack("c1");

        CallEnded ended = centre.ended("c1");
        assertThat(ended.outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(ended.queue()).contains("sales");
        assertThat(ended.waitedMillis()).isEqualTo(40_000);
        assertThat(ended.cause()).isEqualTo("handed back to Asterisk's dialplan: Hotline stopped");
    }

    @Test
    void aCallRingingAnAgentHandedBackLeavesTheAgentReady() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").handedBack("c1");

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(centre.stateOf("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void aConversationHandedBackEndsAnsweredWithItsTalkSoFar() {
        var centre = centre().start().loginReady("1001").call("c1", "sales").answer("c1", "1001")
                .advance(Duration.ofSeconds(90)).handedBack("c1");

        CallEnded ended = centre.ended("c1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(ended.talkMillis()).isEqualTo(90_000);
        assertThat(ended.cause()).isEqualTo("Hotline stopped, the conversation going on in Asterisk");
    }

    @Test
    void aCallInTheIvrHandedBackLeavesTheAcdWithoutAQueue() {
        var centre = centre().start().arrive("c1", "1", CentreFixture.numberOf("sales")).handedBack("c1");

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(centre.ended("c1").queue()).isEmpty();
    }
}
