package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hotline.acd.Decision.CallEscalated;
import dev.hotline.acd.Decision.CallOffered;
import dev.hotline.acd.model.EscalationAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The source documents' VIP rule: a VIP caller goes to the VIP group first; when that group is all busy for
 * escalateAfter, the call's priority rises and the queue's ordinary groups take it too, ahead of ordinary callers.
 */
class VipEscalationTest {

    private static final String VIP_NUMBER = "13800000008";

    private CentreFixture centre(Duration escalateAfter) {
        return CentreFixture.centre().queue("sales", "sales-team")
                .vipGroup("vip-team", escalateAfter, 10)
                .vip(VIP_NUMBER, "Li Wei", "gold")
                .agent("v1", "vip-team").agent("s1", "sales-team").agent("s2", "sales-team");
    }

    @Test
    void aVipCallingWithTheCountryCodeIsStillKnownAsAVip() {
        var centre = CentreFixture.centre().queue("sales", "sales-team").callerNumbersOfChina()
                .vipGroup("vip-team", Duration.ofSeconds(30), 10)
                .vip(VIP_NUMBER, "Li Wei", "gold")
                .agent("v1", "vip-team").agent("s1", "sales-team").start().loginReady("s1", "v1")
                .callFrom("c1", "+86" + VIP_NUMBER, "sales");

        assertThat(centre.last(Decision.CallClassified.class).vip()).contains("Li Wei (gold)");
        assertThat(centre.last(CallOffered.class).agentId()).isEqualTo("v1");
    }

    @Test
    void aVipCallerGoesToTheVipGroupFirst() {
        var centre = centre(Duration.ofSeconds(30)).start().loginReady("s1", "v1")
                .callFrom("c1", VIP_NUMBER, "sales");

        CallOffered offer = centre.last(CallOffered.class);
        assertThat(offer.agentId()).isEqualTo("v1");
        assertThat(offer.reason().group()).isEqualTo("vip-team");
        assertThat(offer.reason().escalationStep()).isEmpty();
        assertThat(centre.last(Decision.CallQueued.class).eligibleGroups()).containsExactly("vip-team");
    }

    @Test
    void aVipCallerWhoseVipAgentsAreAllOnABreakIsToldTheWaitThroughTheGroupsTheEscalationBrings() {
        var centre = centre(Duration.ofSeconds(30)).start().loginReady("s1").login("v1")
                .call("busy", "sales").callFrom("c1", VIP_NUMBER, "sales");

        assertThat(centre.waiting("c1").expectedWaitMillis()).as("30 s to the escalation, then 180 s through s1")
                .isEqualTo(210_000);
        centre.advance(Duration.ofSeconds(10));
        assertThat(centre.waiting("c1").expectedWaitMillis()).isEqualTo(200_000);
    }

    @Test
    void aVipCallerBehindOrdinaryCallersIsToldTheWaitItsVipStepBringsNotTheVipGroupsAlone() {
        var centre = centre(Duration.ofSeconds(8)).start().loginReady("v1", "s1", "s2")
                .callFrom("c0", VIP_NUMBER, "sales").answer("c0", "v1")
                .call("a1", "sales").answer("a1", "s1").call("a2", "sales").answer("a2", "s2")
                .call("o1", "sales").call("o2", "sales").callFrom("v", VIP_NUMBER, "sales");

        assertThat(centre.waiting("v").position()).as("behind o1 and o2 until its step").isEqualTo(3);
        assertThat(centre.waiting("v").expectedWaitMillis())
                .as("8 s to its step, then first in line for three agents: 8 s + 180 s / 3, not 3 x 180 s / 1")
                .isEqualTo(68_000);
        assertThat(centre.waiting("o2").expectedWaitMillis()).as("ordinary callers: 2 x 180 s / 2")
                .isEqualTo(180_000);
    }

    @Test
    void aVipCallerWaitsForTheVipGroupUntilEscalateAfterThenAnOrdinaryAgentTakesIt() {
        var centre = centre(Duration.ofSeconds(30)).start().loginReady("s1").login("v1")
                .callFrom("c1", VIP_NUMBER, "sales")
                .advance(Duration.ofSeconds(29));
        assertThat(centre.all(CallOffered.class)).isEmpty();

        centre.advance(Duration.ofSeconds(1));

        CallEscalated escalated = centre.last(CallEscalated.class);
        assertThat(escalated.step()).isEqualTo("vip-escalation");
        assertThat(escalated.addedGroups()).containsExactly("sales-team");
        assertThat(escalated.priority()).isEqualTo(10);
        CallOffered offer = centre.last(CallOffered.class);
        assertThat(offer.agentId()).isEqualTo("s1");
        assertThat(offer.reason().escalationStep()).isEqualTo(Optional.of("vip-escalation"));
        assertThat(offer.reason().explanation()).isEqualTo("VIP call c1 waited 30 s in queue sales; group sales-team "
                + "was made eligible by escalation step vip-escalation; LONGEST_IDLE picked agent s1: idle 30 s, "
                + "longest.");
    }

    @Test
    void aQueueStepThatAddsAGroupBeforeTheVipStepDoesNotOpenTheVipCallToItBeforeTheQueuesOwnGroups() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("sales-team")
                        .step("add-backup", Duration.ofSeconds(6), new EscalationAction.AddGroups(List.of("backup")))
                        .step("prio-up", Duration.ofSeconds(6), new EscalationAction.RaisePriority(5),
                                new EscalationAction.AddGroups(List.of("helpers"))))
                .vipGroup("vip-team", Duration.ofSeconds(8), 10)
                .vip(VIP_NUMBER, "Li Wei", "gold")
                .agent("v1", "vip-team").agent("s1", "sales-team").agent("b1", "backup").agent("h1", "helpers")
                .start().login("v1").login("s1").loginReady("b1")
                .callFrom("c1", VIP_NUMBER, "sales")
                .advance(Duration.ofSeconds(7));

        assertThat(centre.all(CallOffered.class)).as("b1 is idle, but the VIP waits for the VIP group alone").isEmpty();
        assertThat(centre.all(CallEscalated.class)).as("both steps fire; their groups wait for the VIP step")
                .extracting(CallEscalated::step, CallEscalated::addedGroups, CallEscalated::priority)
                .containsExactly(tuple("add-backup", List.of(), 0), tuple("prio-up", List.of(), 5));

        centre.advance(Duration.ofSeconds(1));

        CallEscalated vip = centre.last(CallEscalated.class);
        assertThat(vip.step()).isEqualTo("vip-escalation");
        assertThat(vip.addedGroups()).containsExactly("sales-team", "backup", "helpers");
        assertThat(vip.priority()).isEqualTo(15);
        assertThat(centre.last(CallOffered.class).agentId()).isEqualTo("b1");
        assertThat(centre.last(CallOffered.class).reason().escalationStep()).contains("vip-escalation");
    }

    @Test
    void aVipAgentFreeingBeforeEscalationTakesTheCall() {
        var centre = centre(Duration.ofSeconds(30)).start().loginReady("v1").login("s1")
                .callFrom("c0", VIP_NUMBER, "sales").answer("c0", "v1")
                .callFrom("c1", VIP_NUMBER, "sales").ready("s1")
                .advance(Duration.ofSeconds(10)).agentHangsUp("c0");

        assertThat(centre.offeredTo("c1")).isEqualTo("v1");
        assertThat(centre.all(CallEscalated.class)).isEmpty();
    }

    @Test
    void withEscalateAfterZeroABusyVipGroupEscalatesAtOnce() {
        var centre = centre(Duration.ZERO).start().loginReady("s1").login("v1")
                .callFrom("c1", VIP_NUMBER, "sales");

        assertThat(centre.kinds()).containsSubsequence("CallQueued", "CallEscalated", "CallOffered");
        assertThat(centre.offeredTo("c1")).isEqualTo("s1");
    }

    @Test
    void withEscalateAfterZeroAnIdleVipAgentStillComesFirst() {
        var centre = centre(Duration.ZERO).start().loginReady("s1", "v1").callFrom("c1", VIP_NUMBER, "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("v1");
        assertThat(centre.all(CallEscalated.class)).isEmpty();
    }

    @Test
    void anEscalatedVipCallerIsServedAheadOfOrdinaryCallersWhoWaitedLonger() {
        var centre = centre(Duration.ofSeconds(30)).start().login("s1", "v1")
                .call("ordinary1", "sales").call("ordinary2", "sales")
                .callFrom("c1", VIP_NUMBER, "sales")
                .advance(Duration.ofSeconds(30)).ready("s1");

        assertThat(centre.offeredTo("c1")).isEqualTo("s1");
        assertThat(centre.waiting("ordinary1").position()).isEqualTo(1);
    }

    @Test
    void withoutAVipGroupVipCallersGetTheBoostedPriorityFromTheStart() {
        var centre = CentreFixture.centre().queue("sales", "sales-team").vip(VIP_NUMBER, "Li Wei", "gold")
                .agent("s1", "sales-team").start().login("s1")
                .call("ordinary", "sales").callFrom("c1", VIP_NUMBER, "sales");

        assertThat(centre.waiting("c1").priority()).isEqualTo(10);
        assertThat(centre.waiting("c1").position()).isEqualTo(1);
        assertThat(centre.waiting("c1").eligibleGroups()).containsExactly("sales-team");
        assertThat(centre.all(CallEscalated.class)).isEmpty();
    }

    @Test
    void theVipGroupAloneWithNobodyLoggedInIsNotANoAgentsCaseWhenTheOrdinaryGroupIsStaffed() {
        var centre = centre(Duration.ofSeconds(30)).start().login("s1").callFrom("c1", VIP_NUMBER, "sales");

        assertThat(centre.waiting("c1").eligibleGroups()).containsExactly("vip-team");
        assertThat(centre.all(Decision.CallTreated.class)).isEmpty();
    }

    @Test
    void ordinaryCallersNeverReachTheVipGroup() {
        var centre = centre(Duration.ZERO).start().loginReady("v1").login("s1").call("c1", "sales");

        assertThat(centre.waiting("c1").eligibleGroups()).containsExactly("sales-team");
        assertThat(centre.all(CallOffered.class)).isEmpty();
        assertThat(centre.waiting("c1").vip()).isFalse();
        assertThat(centre.stateOf("v1")).isEqualTo(AgentState.READY);
    }
}
