package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallEscalated;
import dev.hotline.acd.Decision.CallMoved;
import dev.hotline.acd.model.EscalationAction.AddGroups;
import dev.hotline.acd.model.EscalationAction.Announce;
import dev.hotline.acd.model.EscalationAction.OverflowTo;
import dev.hotline.acd.model.EscalationAction.RaisePriority;
import dev.hotline.acd.model.Treatment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timed steps per queue, counted from the call's entry into the ACD, fire only while the call still waits. */
class EscalationStepsTest {

    @Test
    void anAddGroupsStepMakesAnotherGroupEligibleAfterItsTime() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("sales-team")
                        .step("after-60s", Duration.ofSeconds(60), new AddGroups(List.of("backup"))))
                .agent("s1", "sales-team").agent("b1", "backup")
                .start().login("s1").loginReady("b1").call("c1", "sales")
                .advance(Duration.ofSeconds(59));
        assertThat(centre.all(Decision.CallOffered.class)).isEmpty();

        centre.advance(Duration.ofSeconds(1));

        assertThat(centre.last(CallEscalated.class).addedGroups()).containsExactly("backup");
        assertThat(centre.offeredTo("c1")).isEqualTo("b1");
        assertThat(centre.last(Decision.CallOffered.class).reason().escalationStep()).hasValue("after-60s");
    }

    @Test
    void aRaisePriorityStepMovesTheCallAheadOfCallsThatArrivedLaterButHadHigherPriority() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("raise", Duration.ofSeconds(30), new RaisePriority(5)))
                .agent("s1", "s").start().login("s1")
                .call("c1", "sales").advance(Duration.ofSeconds(10))
                .arrive("c2", "1", CentreFixture.numberOf("sales")).queue("c2", 3);
        assertThat(centre.waiting("c2").position()).isEqualTo(1);

        centre.advance(Duration.ofSeconds(20));

        assertThat(centre.waiting("c1").priority()).isEqualTo(5);
        assertThat(centre.waiting("c1").position()).isEqualTo(1);
    }

    @Test
    void anAnnounceStepTellsTheCallerPositionAndExpectedWait() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("tell", Duration.ofSeconds(45), new Announce("you-are-number")))
                .agent("s1", "s").start().loginReady("s1").call("c0", "sales").answer("c0", "s1")
                .call("c1", "sales").call("c2", "sales").advance(Duration.ofSeconds(45));

        assertThat(centre.all(Decision.Announcement.class)).extracting(a -> a.callId() + "#" + a.position() + " "
                + a.expectedWaitMillis() + " " + a.prompt())
                .containsExactly("c1#1 180000 you-are-number", "c2#2 360000 you-are-number");
    }

    @Test
    void anOverflowStepMovesTheCallToAnotherQueueKeepingItsArrivalTime() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s")
                        .step("spill", Duration.ofSeconds(60), new OverflowTo(new Treatment.Overflow("service"))))
                .queue("service", "v")
                .agent("s1", "s").agent("v1", "v").start().login("s1", "v1")
                .call("c1", "sales").advance(Duration.ofSeconds(60));

        CallMoved moved = centre.last(CallMoved.class);
        assertThat(moved.fromQueue()).isEqualTo("sales");
        assertThat(moved.toQueue()).isEqualTo("service");
        assertThat(moved.cause()).isEqualTo("escalation step spill of queue sales");
        assertThat(centre.last(Decision.CallTreated.class).cause()).isEqualTo(Decision.TreatmentCause.ESCALATION);
        assertThat(centre.waiting("c1").queue()).isEqualTo("service");
        assertThat(centre.waiting("c1").waitedMillis()).isEqualTo(60_000);
    }

    @Test
    void anOverflowStepToVoicemailEndsTheCallAsOverflowed() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("vm", Duration.ofSeconds(90),
                        new OverflowTo(new Treatment.Voicemail("sales-box", "leave-a-message"))))
                .agent("s1", "s").start().login("s1").call("c1", "sales").advance(Duration.ofSeconds(90));

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(centre.ended("c1").cause()).isEqualTo("escalation step vm of queue sales: voicemail(sales-box)");
    }

    private static CentreFixture withSteps(boolean withTheFirst) {
        return CentreFixture.centre().queue("sales", q -> {
            q.groups("s");
            if (withTheFirst) {
                q.step("after-60s", Duration.ofSeconds(60), new AddGroups(List.of("backup")));
            }
            q.step("after-2m", Duration.ofMinutes(2), new RaisePriority(3))
                    .step("to-voicemail", Duration.ofMinutes(5),
                            new OverflowTo(new Treatment.Voicemail("sales-box", "leave-a-message")));
        }).group("backup").agent("s1", "s");
    }

    @Test
    void aStepRemovedByAReloadNeitherSkipsNorRepeatsTheStepsOfCallsAlreadyWaiting() {
        var centre = withSteps(true).start().login("s1").call("c1", "sales").advance(Duration.ofMinutes(3))
                .reconfigure(withSteps(false));

        assertThat(centre.all(CallEscalated.class)).extracting(CallEscalated::step)
                .as("fired before the change").containsExactly("after-60s", "after-2m");
        centre.advance(Duration.ofMinutes(2));

        assertThat(centre.all(CallEscalated.class)).extracting(CallEscalated::step)
                .as("the 2 m step is not repeated").containsExactly("after-60s", "after-2m", "to-voicemail");
        assertThat(centre.ended("c1").outcome()).as("the voicemail overflow at 5 minutes still comes")
                .isEqualTo(Outcome.OVERFLOWED);
        assertThat(centre.ended("c1").waitedMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aStepDoesNotFireForACallAlreadyAnswered() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("tell", Duration.ofSeconds(30), new Announce("p")))
                .agent("s1", "s").start().loginReady("s1").call("c1", "sales").answer("c1", "s1")
                .advance(Duration.ofMinutes(5));

        assertThat(centre.all(CallEscalated.class)).isEmpty();
    }

    @Test
    void aStepDueWhileTheCallRingsFiresWhenTheCallComesBack() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").ringTimeout(Duration.ofSeconds(20))
                        .step("tell", Duration.ofSeconds(10), new Announce("p")))
                .agent("s1", "s").start().loginReady("s1").call("c1", "sales")
                .advance(Duration.ofSeconds(10));
        assertThat(centre.all(CallEscalated.class)).isEmpty();

        centre.advance(Duration.ofSeconds(10));

        assertThat(centre.kinds()).containsSubsequence("CallRequeued", "AgentStateChanged", "CallEscalated",
                "Announcement");
    }

    @Test
    void aCallerWhoseOffersAllRingOutStillOverflowsWhenItsStepFallsDueThoughAnotherAgentIsIdle() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").ringTimeout(Duration.ofSeconds(20))
                        .step("vm", Duration.ofSeconds(30),
                                new OverflowTo(new Treatment.Voicemail("sales-box", "leave-a-message"))))
                .agent("s1", "s").agent("s2", "s").start().loginReady("s1", "s2").call("c1", "sales")
                .advance(Duration.ofSeconds(20));         // the first agent's phone rings out; the second is offered
        centre.ready(centre.offeredTo("c1").equals("s1") ? "s2" : "s1");   // the first is back, idle
        centre.advance(Duration.ofSeconds(20));           // the second rings out at 40 s, past the 30 s step

        assertThat(centre.ended("c1").outcome()).as("the step fires as the call comes back, before a third offer")
                .isEqualTo(Outcome.OVERFLOWED);
        assertThat(centre.ended("c1").cause()).isEqualTo("escalation step vm of queue sales: voicemail(sales-box)");
    }

    @Test
    void stepsOfAnOverflowQueueAreTimedFromTheCallsEntryIntoTheAcd() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s")
                        .step("spill", Duration.ofSeconds(60), new OverflowTo(new Treatment.Overflow("service"))))
                .queue("service", q -> q.groups("v")
                        .step("early", Duration.ofSeconds(30), new Announce("early"))
                        .step("late", Duration.ofSeconds(90), new Announce("late")))
                .agent("s1", "s").agent("v1", "v").start().login("s1", "v1")
                .call("c1", "sales").advance(Duration.ofSeconds(60));
        assertThat(centre.all(CallEscalated.class)).extracting(CallEscalated::step).containsExactly("spill", "early");

        centre.advance(Duration.ofSeconds(30));

        assertThat(centre.all(CallEscalated.class)).extracting(CallEscalated::step)
                .containsExactly("spill", "early", "late");
        assertThat(centre.last(CallEscalated.class).at()).isEqualTo(CentreFixture.START + 90_000);
    }

    @Test
    void theMaxWaitTreatmentAppliesToACallThatWaitedTooLongInItsQueue() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").maxWait(Duration.ofMinutes(2),
                        new Treatment.IvrFlow("callback-request")))
                .agent("s1", "s").start().login("s1").call("c1", "sales")
                .advance(Duration.ofMinutes(2));

        Decision.CallTreated treated = centre.last(Decision.CallTreated.class);
        assertThat(treated.cause()).isEqualTo(Decision.TreatmentCause.MAX_WAIT);
        assertThat(treated.treatment()).isEqualTo(new Treatment.IvrFlow("callback-request"));
        assertThat(centre.all(Decision.CallEnded.class)).as("in the flow, out of the queue").isEmpty();
        assertThat(centre.engine.waitingCall("c1")).isEmpty();
    }

    @Test
    void aCallAQueueSentToAnIvrFlowEndsAsTheFlowEndsIt() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").maxWait(Duration.ofMinutes(2),
                        new Treatment.IvrFlow("callback-request")))
                .agent("s1", "s").start().login("s1").call("c1", "sales").call("c2", "sales")
                .advance(Duration.ofMinutes(2))
                .send(new AcdEvent.SelfServiceCompleted(CentreFixture.START + 120_000, "c1", "callback-request"))
                .send(new AcdEvent.IvrEnded(CentreFixture.START + 120_000, "c2", "callback-request", "no-key"));

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.SELF_SERVICE);
        assertThat(centre.ended("c2").outcome()).isEqualTo(Outcome.ENDED_IN_IVR);
        assertThat(centre.ended("c2").queue()).as("the record names the queue it left").contains("sales");
        assertThat(centre.ended("c2").waitedMillis()).as("and its wait there").isEqualTo(120_000);
    }

    @Test
    void aStepWithSeveralActionsReportsGroupsAndPriorityOnceThenAnnounces() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("push", Duration.ofSeconds(20),
                        new Announce("hold-on"), new AddGroups(List.of("b")), new RaisePriority(2)))
                .agent("s1", "s").agent("b1", "b").start().login("s1", "b1").call("c1", "sales")
                .forget().advance(Duration.ofSeconds(20));

        assertThat(centre.kinds()).containsExactly("CallEscalated", "Announcement");
        CallEscalated e = centre.last(CallEscalated.class);
        assertThat(e.addedGroups()).containsExactly("b");
        assertThat(e.priority()).isEqualTo(2);
    }
}
