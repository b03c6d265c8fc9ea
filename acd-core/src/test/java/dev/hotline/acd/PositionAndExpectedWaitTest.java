package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Position = 1 + calls of the same queue served before it (priority, then arrival). Expected wait = position x the
 * queue's smoothed handle time (180 s until it has data; the mean of its first calls' talk + wrap-up, then from the
 * 32nd an exponentially weighted mean, weight 1/32) / agents logged in and not NOT_READY in the call's eligible groups (at least 1).
 */
class PositionAndExpectedWaitTest {

    private CentreFixture centre() {
        return CentreFixture.centre().queue("sales", q -> q.groups("s").wrapUp(Duration.ofSeconds(20)))
                .queue("service", "v")
                .agent("s1", "s").agent("s2", "s").agent("v1", "v");
    }

    @Test
    void positionCountsOnlyCallsOfTheSameQueueServedFirst() {
        var centre = centre().start().login("s1", "v1")
                .call("c1", "sales").call("x1", "service").call("c2", "sales")
                .arrive("c3", "1", CentreFixture.numberOf("sales")).queue("c3", 2);

        assertThat(centre.waiting("c3").position()).isEqualTo(1);
        assertThat(centre.waiting("c1").position()).isEqualTo(2);
        assertThat(centre.waiting("c2").position()).isEqualTo(3);
        assertThat(centre.waiting("x1").position()).isEqualTo(1);
        assertThat(centre.last(Decision.CallQueued.class).position()).isEqualTo(1);
    }

    @Test
    void positionsMoveUpAsCallsAheadAreServedOrAbandoned() {
        var centre = centre().start().login("s1")
                .call("c1", "sales").call("c2", "sales").call("c3", "sales").callerHangsUp("c1");

        assertThat(centre.waiting("c3").position()).isEqualTo(2);
        centre.ready("s1");
        assertThat(centre.waiting("c3").position()).isEqualTo(1);
    }

    @Test
    void aCallAnIdleAgentTakesAtOnceIsQueuedWithNoWait() {
        var centre = centre().start().loginReady("s1").call("c1", "sales").call("c2", "sales");

        assertThat(centre.all(Decision.CallQueued.class)).extracting(Decision.CallQueued::callId,
                Decision.CallQueued::expectedWaitMillis).containsExactly(tuple("c1", 0L), tuple("c2", 180_000L));
        assertThat(centre.offeredTo("c1")).isEqualTo("s1");
    }

    @Test
    void expectedWaitStartsFrom180SecondsPerCallAheadPerWorkingAgent() {
        var centre = centre().start().login("s1", "s2").ready("s1").notReady("s1", "break").ready("s2")
                .call("busy", "sales").call("c1", "sales").call("c2", "sales");

        assertThat(centre.waiting("c1").expectedWaitMillis()).isEqualTo(180_000);
        assertThat(centre.waiting("c2").expectedWaitMillis()).isEqualTo(360_000);
        centre.ready("s1");
        assertThat(centre.waiting("c2").expectedWaitMillis()).isEqualTo(90_000);
    }

    @Test
    void aPriorityStepEveryCallerGetsLeavesTheExpectedWaitAsTheQueueStandsForThoseAheadGetItFirst() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("prio-up", Duration.ofSeconds(10),
                        new dev.hotline.acd.model.EscalationAction.RaisePriority(5)))
                .agent("s1", "s").start().loginReady("s1").call("c0", "sales").answer("c0", "s1")
                .call("c1", "sales").call("c2", "sales").call("c3", "sales");

        assertThat(centre.waiting("c3").position()).isEqualTo(3);
        assertThat(centre.waiting("c3").expectedWaitMillis()).as("3 x 180 s for one agent, not 10 s + 180 s")
                .isEqualTo(540_000);
    }

    @Test
    void aStepThatBringsMoreAgentsShortensTheExpectedWaitFromWhenItFallsDue() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("help", Duration.ofSeconds(30),
                        new dev.hotline.acd.model.EscalationAction.AddGroups(java.util.List.of("v"))))
                .queue("service", "v")
                .agent("s1", "s").agent("v1", "v").agent("v2", "v").start().loginReady("s1", "v1", "v2")
                .call("c0", "sales").answer("c0", "s1").call("x1", "service").call("x2", "service");
        centre.answer("x1", centre.offeredTo("x1")).answer("x2", centre.offeredTo("x2"))
                .call("c1", "sales").call("c2", "sales");

        assertThat(centre.waiting("c2").expectedWaitMillis()).as("30 s, then 2 x 180 s over three busy agents")
                .isEqualTo(150_000);
    }

    @Test
    void anAgentIdleNowInTheGroupsAStepOpensTakesTheCallWhenItFallsDue() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("help", Duration.ofSeconds(30),
                        new dev.hotline.acd.model.EscalationAction.AddGroups(java.util.List.of("v"))))
                .agent("s1", "s").agent("v1", "v").start().loginReady("s1", "v1")
                .call("c0", "sales").answer("c0", "s1").call("c1", "sales");

        assertThat(centre.waiting("c1").expectedWaitMillis()).as("the step's 30 s, not 30 s + 180 s / 2")
                .isEqualTo(30_000);
        centre.advance(Duration.ofSeconds(30));
        assertThat(centre.offeredTo("c1")).isEqualTo("v1");
    }

    @Test
    void callsBeyondTheAgentsIdleInTheGroupsAStepOpensWaitForAgentsToFreeAfterIt() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("help", Duration.ofSeconds(30),
                        new dev.hotline.acd.model.EscalationAction.AddGroups(java.util.List.of("v"))))
                .agent("s1", "s").agent("v1", "v").start().loginReady("s1", "v1")
                .call("c0", "sales").answer("c0", "s1").call("c1", "sales").call("c2", "sales").call("c3", "sales");

        assertThat(centre.waiting("c1").expectedWaitMillis()).as("v1 takes it at the step").isEqualTo(30_000);
        assertThat(centre.waiting("c3").expectedWaitMillis()).as("30 s, then 2 calls ahead of v1 for two agents")
                .isEqualTo(30_000 + 2 * 180_000 / 2);
    }

    @Test
    void withEveryAgentWhoCouldServeTheCallOnABreakThereIsNoEstimate() {
        var centre = centre().start().login("s1", "s2").ready("s1").notReady("s1", "lunch")
                .call("c1", "sales").call("c2", "sales");

        assertThat(centre.waiting("c2").position()).isEqualTo(2);
        assertThat(centre.waiting("c2").expectedWaitMillis()).as("not 6 minutes as if an agent took calls")
                .isEqualTo(-1);
    }

    @Test
    void anAgentInBothEligibleGroupsIsCountedOnceInTheExpectedWait() {
        var centre = CentreFixture.centre().queue("sales", "s", "v").agent("both", "s", "v").agent("s1", "s").start()
                .loginReady("both", "s1").call("busy1", "sales").call("busy2", "sales").call("c1", "sales");

        assertThat(centre.waiting("c1").expectedWaitMillis()).isEqualTo(180_000 / 2);
    }

    @Test
    void theHandleTimeLearnsFromAnsweredCallsTalkPlusWrapUp() {
        var centre = centre().start().loginReady("s1")
                .call("c1", "sales").answer("c1", "s1").advance(Duration.ofSeconds(100)).agentHangsUp("c1")
                .call("c2", "sales");
        assertThat(centre.engine.queue("sales").smoothedHandleMillis()).isEqualTo(120_000);
        assertThat(centre.waiting("c2").expectedWaitMillis()).isEqualTo(120_000);

        centre.advance(Duration.ofSeconds(20)).answer("c2", "s1").advance(Duration.ofSeconds(260)).agentHangsUp("c2");

        // the plain mean of the queue's first calls: one short call does not speak for the next hour
        assertThat(centre.engine.queue("sales").smoothedHandleMillis()).isEqualTo((120_000 + 280_000) / 2);
    }

    @Test
    void theQueueViewCountsAReadyAgentInBothOfTheQueuesGroupsOnce() {
        var centre = CentreFixture.centre().queue("sales", "s", "v")
                .agent("both", "s", "v").agent("s1", "s").agent("v1", "v").agent("v2", "v").start()
                .loginReady("both", "s1", "v1").login("v2");

        QueueView view = centre.engine.queue("sales");
        assertThat(view.agentsLoggedIn()).isEqualTo(4);
        assertThat(view.agentsReady()).isEqualTo(3);

        centre.call("c1", "sales");

        assertThat(centre.engine.queue("sales").agentsReady()).isEqualTo(2);
    }

    @Test
    void theQueueViewShowsWaitingRingingOldestWaitAndAgents() {
        var centre = centre().start().loginReady("s1").login("s2")
                .call("c1", "sales").advance(Duration.ofSeconds(5)).call("c2", "sales")
                .advance(Duration.ofSeconds(5)).call("c3", "sales");

        QueueView view = centre.engine.queue("sales");
        assertThat(view.waiting()).isEqualTo(2);
        assertThat(view.ringing()).isEqualTo(1);
        assertThat(view.oldestWaitMillis()).isEqualTo(5_000);
        assertThat(view.agentsLoggedIn()).isEqualTo(2);
        assertThat(view.agentsReady()).isZero();
    }

    @Test
    void aCallThatIsNotWaitingHasNoPosition() {
        var centre = centre().start().loginReady("s1").call("c1", "sales")
                .arrive("c2", "1", CentreFixture.numberOf("sales"));

        assertThat(centre.engine.waitingCall("c1")).isEmpty();
        assertThat(centre.engine.waitingCall("c2")).isEmpty();
        assertThat(centre.engine.waitingCall("nope")).isEmpty();
    }
}
