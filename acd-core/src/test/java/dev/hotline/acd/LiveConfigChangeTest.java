package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A new configuration takes over while calls wait: none is lost or duplicated. Removed agents log out (after their
 * call if on one), removed queues serve the calls they hold under their last settings, eligibility is recomputed,
 * then ConfigApplied, and ready agents who can now serve a waiting call get one.
 */
class LiveConfigChangeTest {

    private CentreFixture base() {
        return CentreFixture.centre().queue("sales", "s").queue("service", "v")
                .agent("s1", "s").agent("v1", "v");
    }

    @Test
    void anAgentGivenANewSkillTakesAWaitingCallRightAfterTheChange() {
        var centre = base().start().login("s1").loginReady("v1").call("c1", "sales").forget()
                .reconfigure(base().agent("v1", "v", "s"));

        assertThat(centre.kinds()).containsExactly("ConfigApplied", "CallOffered", "AgentStateChanged");
        assertThat(centre.offeredTo("c1")).isEqualTo("v1");
    }

    @Test
    void aQueueGivenAnotherGroupReindexesItsWaitingCalls() {
        var centre = base().start().login("s1").loginReady("v1").call("c1", "sales")
                .reconfigure(base().queue("sales", "s", "v"));

        assertThat(centre.offeredTo("c1")).isEqualTo("v1");
        assertThat(centre.last(Decision.CallOffered.class).reason().group()).isEqualTo("v");
    }

    @Test
    void anAgentNeverLoggedInIsLoggedOutSinceTheEngineLearntOfThemNotSince1970() {
        var centre = base().start().advance(java.time.Duration.ofMinutes(5)).reconfigure(base().agent("s2", "s"));

        assertThat(centre.engine.agent("s1").orElseThrow().sinceMillis()).isEqualTo(CentreFixture.START);
        assertThat(centre.engine.agent("s2").orElseThrow().sinceMillis()).as("added by the change")
                .isEqualTo(CentreFixture.START + 5 * 60_000);
    }

    @Test
    void aRemovedIdleAgentIsLoggedOutAtOnce() {
        var centre = base().agent("s2", "s").start().loginReady("s1", "s2")
                .reconfigure(base());

        assertThat(centre.last(Decision.AgentStateChanged.class).reason()).isEqualTo("removed from the configuration");
        assertThat(centre.engine.agent("s2")).isEmpty();
    }

    @Test
    void aRemovedAgentOnACallFinishesItAndIsThenLoggedOut() {
        var centre = base().agent("s2", "s").start().loginReady("s2").login("s1").call("c1", "sales")
                .answer("c1", "s2").reconfigure(base());
        assertThat(centre.stateOf("s2")).isEqualTo(AgentState.TALKING);

        centre.agentHangsUp("c1");

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(centre.engine.agent("s2")).isEmpty();
        assertThat(centre.last(Decision.AgentStateChanged.class).to()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aRemovedAgentWhoseOfferStillWaitsForTheCallersLineIsNotRungAndTheCallGoesToAnotherAgent() {
        var centre = base().agent("s2", "s").start().loginReady("s2").login("s1").call("c1", "sales")
                .delayed("c1", "s2").ready("s1").reconfigure(base());

        Decision.CallRequeued requeued = centre.last(Decision.CallRequeued.class);
        assertThat(requeued.agentId()).isEqualTo("s2");
        assertThat(requeued.cause())
                .isEqualTo("agent s2 was removed from the configuration before their phone rang");
        assertThat(centre.offeredTo("c1")).isEqualTo("s1");
        assertThat(centre.engine.agent("s2")).isEmpty();
    }

    @Test
    void removingAnAgentOnACallSaysTheyLogOutAfterItAndPuttingThemBackBeforeItEndsSaysTheyStay() {
        var centre = base().agent("s2", "s").start().loginReady("s2").login("s1").call("c1", "sales")
                .answer("c1", "s2").reconfigure(base());

        assertThat(centre.last(Decision.AgentAfterCall.class)).isEqualTo(new Decision.AgentAfterCall(
                CentreFixture.START, "s2", AgentState.TALKING, AgentState.LOGGED_OUT, "removed from the configuration"));
        centre.reconfigure(base());
        assertThat(centre.all(Decision.AgentAfterCall.class)).as("nothing said again by a change that leaves it")
                .hasSize(1);

        centre.reconfigure(base().agent("s2", "s")).agentHangsUp("c1");

        assertThat(centre.last(Decision.AgentAfterCall.class).after()).isEqualTo(AgentState.READY);
        assertThat(centre.stateOf("s2")).isEqualTo(AgentState.READY);
    }

    @Test
    void aRemovedAgentWhosePhoneAlreadyRingsKeepsTheOfferAndLeavesAfterTheCall() {
        var centre = base().agent("s2", "s").start().loginReady("s2").login("s1").call("c1", "sales")
                .delayed("c1", "s2").ringing("c1", "s2").reconfigure(base());
        assertThat(centre.all(Decision.CallRequeued.class)).isEmpty();

        centre.answer("c1", "s2").agentHangsUp("c1");

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(centre.engine.agent("s2")).isEmpty();
    }

    @Test
    void anAgentRemovedAndPutBackTheSameDayKeepsTheDaysCountsAsAfterALogout() {
        var centre = base().agent("s2", "s").start().loginReady("s2")
                .call("c1", "sales").answer("c1", "s2").advance(Duration.ofSeconds(30)).agentHangsUp("c1")
                .reconfigure(base()).reconfigure(base().agent("s2", "s")).login("s2");

        AgentView s2 = centre.engine.agent("s2").orElseThrow();
        assertThat(s2.answeredCalls()).isEqualTo(1);
        assertThat(s2.talkMillis()).isEqualTo(30_000);
    }

    @Test
    void anAgentPutBackOnALaterDayStartsTheDayAtNothing() {
        var centre = base().agent("s2", "s").start().loginReady("s2")
                .call("c1", "sales").answer("c1", "s2").agentHangsUp("c1")
                .reconfigure(base()).advance(Duration.ofDays(1)).reconfigure(base().agent("s2", "s")).login("s2");

        assertThat(centre.engine.agent("s2").orElseThrow().answeredCalls()).isZero();
    }

    @Test
    void anAgentRemovedWhileTalkingIsNoLongerCountedAsStaffSoTheQueuesOtherCallsAreTreatedAtOnce() {
        var centre = base().agent("s2", "s").start().loginReady("s2").call("c1", "sales").answer("c1", "s2")
                .call("c2", "sales").reconfigure(base().agent("s1", "v"));

        assertThat(centre.engine.queue("sales").agentsLoggedIn()).isZero();
        assertThat(centre.ended("c2").cause()).startsWith("no agent who could serve queue sales is logged in after "
                + "the configuration change");
        assertThat(centre.stateOf("s2")).as("finishing the call").isEqualTo(AgentState.TALKING);
    }

    @Test
    void aRemovedQueueKeepsServingItsWaitingCallsUntilEmpty() {
        var centre = base().start().login("s1").call("c1", "sales")
                .reconfigure(CentreFixture.centre().queue("service", "v").agent("s1", "s").agent("v1", "v").group("s"));
        assertThat(centre.engine.queue("sales").retired()).isTrue();
        assertThat(centre.waiting("c1").queue()).isEqualTo("sales");

        centre.ready("s1").answer("c1", "s1").agentHangsUp("c1");

        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.ANSWERED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> centre.engine.queue("sales"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no such queue: sales");
    }

    /** The tea line's business type leads to queue {@code queue}, served by group {@code group} of agent s1. */
    private static CentreFixture teaLineTo(String queue, String group) {
        return CentreFixture.centre().queue(queue, group).queue("service", "v").agent("s1", group).agent("v1", "v")
                .businessType(new BusinessType("tea", "Tea", queue, Optional.empty()))
                .route("400-tea", MatchKind.EXACT, "tea");
    }

    @Test
    void callsWaitingInAQueueRenamedWithItsGroupMoveToTheQueueTheirBusinessTypeLeadsToNowInTheirOrder() {
        var centre = teaLineTo("sales", "s").start().login("s1")
                .arrive("c1", "5551", "400-tea").queue("c1").arrive("c2", "5552", "400-tea").queue("c2")
                .reconfigure(teaLineTo("shop", "t"));

        assertThat(centre.all(Decision.CallMoved.class)).extracting(Decision.CallMoved::callId,
                Decision.CallMoved::toQueue).containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "shop"),
                org.assertj.core.groups.Tuple.tuple("c2", "shop"));
        assertThat(centre.last(Decision.CallMoved.class).cause()).isEqualTo("queue sales was removed by the "
                + "configuration change; business type tea leads to queue shop now");
        assertThat(centre.last(Decision.CallTreated.class).cause()).isEqualTo(Decision.TreatmentCause.RECONFIGURED);
        assertThat(centre.waiting("c1").queue()).isEqualTo("shop");
        assertThat(centre.waiting("c1").position()).isEqualTo(1);
        assertThat(centre.waiting("c2").position()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> centre.engine.queue("sales"))
                .as("emptied, gone").isInstanceOf(IllegalArgumentException.class);

        centre.ready("s1");

        assertThat(centre.offeredTo("c1")).isEqualTo("s1");
    }

    @Test
    void aCallRingingInAQueueRenamedMovesOnWhenItsOfferComesBack() {
        var centre = teaLineTo("sales", "s").start().loginReady("s1").arrive("c1", "5551", "400-tea").queue("c1")
                .reconfigure(teaLineTo("shop", "s"));
        assertThat(centre.engine.queue("sales").retired()).as("its call still rings s1").isTrue();

        centre.advance(Duration.ofSeconds(15));   // rings out

        assertThat(centre.last(Decision.CallMoved.class).toQueue()).isEqualTo("shop");
        assertThat(centre.waiting("c1").queue()).isEqualTo("shop");
    }

    @Test
    void aRemovedQueueWhoseBusinessTypeAndGroupsWentTooSaysSoAsItsCallsGetTheNoAgentsTreatment() {
        var centre = teaLineTo("sales", "s").start().login("s1").arrive("c1", "5551", "400-tea").queue("c1")
                .reconfigure(CentreFixture.centre().queue("service", "v").agent("s1", "v").agent("v1", "v"));

        assertThat(centre.ended("c1").cause()).isEqualTo("the configuration change removed queue sales and its "
                + "skill groups (s): nobody can serve its calls: hangup(no-agents)");
    }

    @Test
    void aCallInTheIvrWhoseBusinessTypeAChangeRemovedIsQueuedInTheQueueItArrivedFor() {
        var centre = teaLineTo("sales", "s").start().login("s1").arrive("c1", "5551", "400-tea")
                .reconfigure(CentreFixture.centre().queue("sales", "s").queue("service", "v").agent("s1", "s")
                        .agent("v1", "v"))
                .queue("c1");

        assertThat(centre.waiting("c1").queue()).isEqualTo("sales");
        assertThat(centre.all(Decision.EventRejected.class)).isEmpty();
    }

    @Test
    void aRetiredQueueIsNotOpenForItTakesNoNewCalls() {
        var centre = base().start().login("s1").call("c1", "sales")
                .reconfigure(CentreFixture.centre().queue("service", "v").agent("s1", "s").agent("v1", "v").group("s"));

        QueueView sales = centre.engine.queue("sales");
        assertThat(sales.open()).isFalse();
        assertThat(sales.closedBecause()).isEqualTo("removed from the configuration: it serves the calls it holds "
                + "and takes no new ones");
    }

    @Test
    void theViewsListARetiredQueueStillHoldingCallsAndARemovedAgentStillOnACall() {
        var centre = base().agent("s2", "s").start().loginReady("s2").login("s1").call("c1", "sales")
                .answer("c1", "s2").call("c2", "sales")
                .reconfigure(CentreFixture.centre().queue("service", "v").agent("s1", "s").agent("v1", "v").group("s"));

        assertThat(centre.engine.queues()).extracting(QueueView::queueId, QueueView::retired)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("service", false),
                        org.assertj.core.groups.Tuple.tuple("sales", true));
        assertThat(centre.engine.agents()).extracting(AgentView::agentId).containsExactly("s1", "v1", "s2");
    }

    @Test
    void aRetiredQueueTakesNoNewCalls() {
        var centre = base().start().login("s1").call("c1", "sales")
                .reconfigure(CentreFixture.centre().queue("service", "v").agent("s1", "s").agent("v1", "v").group("s")
                        .route("400-sales", MatchKind.EXACT, "service"));
        centre.arrive("c2", "1", "400-sales");

        assertThat(centre.last(Decision.CallClassified.class).queue()).isEqualTo("service");
    }

    @Test
    void aNewBlacklistEntryAppliesToTheNextCall() {
        var centre = base().start().reconfigure(base().blacklist(new BlacklistEntry("666", MatchKind.EXACT,
                        Optional.empty(), "new block", Optional.empty())))
                .arrive("c1", "666", CentreFixture.numberOf("sales"));

        assertThat(centre.last(Decision.CallRefused.class).detail()).isEqualTo("new block");
    }

    @Test
    void aChangeThatGivesWaitingCallsAnotherPriorityOrOtherGroupsSaysSoForEachRightAfterItIsApplied() {
        var centre = base().start().login("s1").call("c1", "sales").call("c2", "sales")
                .reconfigure(base().queue("sales", q -> q.groups("s", "v").basePriority(3)));

        assertThat(centre.kinds()).containsSubsequence("ConfigApplied", "CallReplanned", "CallReplanned");
        assertThat(centre.all(Decision.CallReplanned.class)).extracting(Decision.CallReplanned::callId,
                Decision.CallReplanned::priority, Decision.CallReplanned::eligibleGroups).containsExactly(
                org.assertj.core.api.Assertions.tuple("c1", 3, java.util.List.of("s", "v")),
                org.assertj.core.api.Assertions.tuple("c2", 3, java.util.List.of("s", "v")));
    }

    @Test
    void aChangeThatLeavesAWaitingCallsPriorityAndGroupsAloneSaysNothingOfIt() {
        var centre = base().start().login("s1").call("c1", "sales").reconfigure(base().agent("s2", "s"));

        assertThat(centre.all(Decision.CallReplanned.class)).isEmpty();
    }

    @Test
    void waitingCallsKeepTheirPlaceAndArrivalAcrossAChange() {
        var centre = base().start().login("s1").call("c1", "sales").advance(Duration.ofSeconds(10))
                .call("c2", "sales").reconfigure(base().queue("sales", q -> q.groups("s").basePriority(3)));

        assertThat(centre.waiting("c1").position()).isEqualTo(1);
        assertThat(centre.waiting("c2").position()).isEqualTo(2);
        assertThat(centre.waiting("c1").priority()).isEqualTo(3);
        assertThat(centre.waiting("c1").waitedMillis()).isEqualTo(10_000);
    }

    @Test
    void aChangeRoutingANumberToAnUnknownBusinessTypeIsRejectedAndTheOldConfigurationStays() {
        var centre = base().start();
        var before = centre.engine.config();

        centre.reconfigure(base().route(new NumberRoute("999", MatchKind.EXACT, "missing-type", Optional.empty(), "")));

        assertThat(centre.rejection()).isEqualTo("configuration rejected, the one in force stays: number route 999 "
                + "names unknown business type missing-type");
        assertThat(centre.engine.config()).isSameAs(before);
        assertThat(centre.all(Decision.ConfigApplied.class)).isEmpty();
    }

    @Test
    void aChangeWithABusinessTypeOfAnUnknownQueueIsRejected() {
        var centre = base().start().reconfigure(base().businessType(
                new BusinessType("tea", "Tea", "missing-queue", Optional.empty())));

        assertThat(centre.rejection()).isEqualTo("configuration rejected, the one in force stays: business type tea "
                + "names unknown queue missing-queue");
    }

    @Test
    void waitingCallsNoLoggedInAgentCanServeAfterAChangeGetTheNoAgentsTreatment() {
        var centre = base().start().login("s1", "v1").call("c1", "sales").call("c2", "service")
                .reconfigure(base().agent("s1", "v"));

        assertThat(centre.ended("c1").cause()).isEqualTo("no agent who could serve queue sales is logged in after "
                + "the configuration change: hangup(no-agents)");
        assertThat(centre.last(Decision.CallTreated.class).cause()).isEqualTo(Decision.TreatmentCause.NO_AGENTS);
        assertThat(centre.waiting("c2").position()).isEqualTo(1);
    }

    @Test
    void aCallRingingTheLastAgentOfItsQueueWhenAChangeTakesTheirSkillAwayGetsTheNoAgentsTreatmentWhenItRingsOut() {
        var centre = base().start().loginReady("s1").login("v1").call("c1", "sales").call("c2", "sales")
                .reconfigure(base().agent("s1", "v"));
        assertThat(centre.ended("c2").cause()).startsWith("no agent who could serve queue sales is logged in after "
                + "the configuration change");

        centre.advance(Duration.ofSeconds(15));

        assertThat(centre.last(Decision.CallRequeued.class).callId()).isEqualTo("c1");
        assertThat(centre.ended("c1").cause())
                .isEqualTo("no agent who could serve queue sales is logged in: hangup(no-agents)");
    }

    @Test
    void aRemovedGroupNoLongerMakesCallsEligible() {
        var centre = base().start().login("s1", "v1").call("c1", "sales")
                .reconfigure(CentreFixture.centre().queue("sales", "s", "v").queue("service", "v")
                        .agent("s1", "s").agent("v1", "v"))
                .reconfigure(CentreFixture.centre().queue("sales", "v").queue("service", "v")
                        .agent("s1").agent("v1", "v"));

        assertThat(centre.waiting("c1").eligibleGroups()).containsExactly("v");
    }
}
