package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.RoutingStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue's routing strategy picks one idle agent among the eligible ones; ties go to the agent configured first. */
class StrategyTest {

    private CentreFixture centre(RoutingStrategy strategy) {
        return CentreFixture.centre().queue("sales", q -> q.groups("s").strategy(strategy))
                .agent("a1", "s:3").agent("a2", "s:9").agent("a3", "s:9");
    }

    private static String why(CentreFixture.Run centre) {
        return centre.last(Decision.CallOffered.class).reason().explanation();
    }

    @Test
    void longestIdlePicksTheAgentReadyTheLongest() {
        var centre = centre(RoutingStrategy.LONGEST_IDLE).start()
                .loginReady("a3").advance(Duration.ofSeconds(10)).loginReady("a1", "a2")
                .advance(Duration.ofSeconds(32)).call("c1", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("a3");
        assertThat(why(centre)).endsWith("LONGEST_IDLE picked agent a3: idle 42 s, longest.");
    }

    @Test
    void theExplanationOfACallTakenOnArrivalSaysItArrivedNotThatItWaited() {
        var centre = centre(RoutingStrategy.LONGEST_IDLE).start().loginReady("a1").call("c1", "sales");

        assertThat(why(centre)).isEqualTo("Call c1 arrived in queue sales; group s serves it from the start; "
                + "LONGEST_IDLE picked agent a1: idle 0 s, longest.");
    }

    @Test
    void anAgentWhoseRingingOfferTheCallerAbandonedKeepsTheirPlaceInLine() {
        var centre = centre(RoutingStrategy.LONGEST_IDLE).start()
                .loginReady("a3").advance(Duration.ofSeconds(10)).loginReady("a1")
                .advance(Duration.ofSeconds(5)).call("c1", "sales").advance(Duration.ofSeconds(2))
                .callerHangsUp("c1").advance(Duration.ofSeconds(1)).call("c2", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("a3");
        assertThat(centre.offeredTo("c2")).as("a3 still idle the longest: the offer vanished through no doing of "
                + "theirs").isEqualTo("a3");
        assertThat(why(centre)).endsWith("LONGEST_IDLE picked agent a3: idle 18 s, longest.");
    }

    @Test
    void longestIdleBreaksTiesByConfiguredOrder() {
        var centre = centre(RoutingStrategy.LONGEST_IDLE).start().loginReady("a3", "a2", "a1").call("c1", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("a1");
    }

    @Test
    void roundRobinPicksTheAgentOfferedACallLeastRecently() {
        var centre = centre(RoutingStrategy.ROUND_ROBIN).start().loginReady("a1", "a2", "a3");
        for (String call : new String[] {"c1", "c2", "c3", "c4"}) {
            centre.call(call, "sales");
            String agent = centre.offeredTo(call);
            centre.answer(call, agent).agentHangsUp(call);
        }

        assertThat(centre.all(Decision.CallOffered.class)).extracting(Decision.CallOffered::agentId)
                .containsExactly("a1", "a2", "a3", "a1");
        assertThat(why(centre)).endsWith("ROUND_ROBIN picked agent a1: offered a call least recently, next in turn.");
    }

    @Test
    void fewestCallsPicksTheAgentWhoAnsweredFewestSinceLogin() {
        var centre = centre(RoutingStrategy.FEWEST_CALLS).start().loginReady("a1")
                .call("c1", "sales").answer("c1", "a1").agentHangsUp("c1")
                .loginReady("a2").call("c2", "sales");

        assertThat(centre.offeredTo("c2")).isEqualTo("a2");
        assertThat(why(centre)).endsWith("FEWEST_CALLS picked agent a2: answered 0 calls today, fewest.");
    }

    @Test
    void anAgentBackFromALogoutTheSameDayKeepsTheirCountAndDoesNotTakeEveryCall() {
        var centre = centre(RoutingStrategy.FEWEST_CALLS).start().loginReady("a2")
                .call("c1", "sales").answer("c1", "a2").agentHangsUp("c1")
                .call("c2", "sales").answer("c2", "a2").agentHangsUp("c2")
                .loginReady("a1").call("c3", "sales").answer("c3", "a1").agentHangsUp("c3");
        assertThat(centre.offeredTo("c3")).isEqualTo("a1");
        centre.logout("a2").loginReady("a2").call("c4", "sales");

        assertThat(centre.offeredTo("c4")).as("a1 answered 1 today, a2 answered 2").isEqualTo("a1");
    }

    @Test
    void atMidnightAgentsOnDutyStartTheDaysCountsAfreshLikeThoseWhoLogInAfterIt() {
        var centre = centre(RoutingStrategy.FEWEST_CALLS).start().loginReady("a2")
                .call("c1", "sales").answer("c1", "a2").agentHangsUp("c1")
                .call("c2", "sales").answer("c2", "a2").agentHangsUp("c2")
                .loginReady("a1").call("c3", "sales").answer("c3", "a1").agentHangsUp("c3")
                // 10:00 UTC: midnight in the centre's zone (UTC) is 14 hours away
                .advance(Duration.ofHours(14)).loginReady("a3").call("c4", "sales");

        assertThat(centre.offeredTo("c4")).as("yesterday a1 answered 1 and a2 2; today nobody has answered one, and a "
                + "tie goes to the agent configured first, not to a3 who came in after midnight").isEqualTo("a1");
        assertThat(centre.engine.agent("a2").orElseThrow().answeredCalls()).isZero();
        assertThat(why(centre)).endsWith("FEWEST_CALLS picked agent a1: answered 0 calls today, fewest.");
    }

    @Test
    void afterARestartTheDaysCountsAnEarlierRunJournaledAreTakenUpBeforeTheAgentsLogIn() {
        var centre = centre(RoutingStrategy.FEWEST_CALLS).start();
        assertThat(centre.engine.restoreDayCounts("a1", 5, 900_000)).isTrue();
        assertThat(centre.engine.restoreDayCounts("a2", 2, 300_000)).isTrue();
        assertThat(centre.engine.restoreDayCounts("nobody", 1, 1)).as("not an agent of the configuration").isFalse();
        centre.loginReady("a1", "a2").call("c1", "sales");

        assertThat(centre.offeredTo("c1")).as("a2 answered 2 today before the restart, a1 5").isEqualTo("a2");
        assertThat(centre.engine.agent("a1").orElseThrow().answeredCalls()).isEqualTo(5);
        assertThat(centre.engine.restoreDayCounts("a1", 9, 0)).as("logged in: this run counts now").isFalse();
    }

    @Test
    void anAgentLeftOutOfTheConfigurationAtARestartAndAddedBackTheSameDayTakesUpTheDaysCounts() {
        var centre = CentreFixture.centre().queue("sales", q -> q.groups("s").strategy(RoutingStrategy.FEWEST_CALLS))
                .agent("a1", "s:3").start();
        assertThat(centre.engine.restoreDayCounts("a1", 2, 300_000)).isTrue();
        assertThat(centre.engine.restoreDayCounts("a2", 5, 900_000)).as("not configured yet: kept").isFalse();
        centre.reconfigure(centre(RoutingStrategy.FEWEST_CALLS)).loginReady("a1", "a2").call("c1", "sales");

        assertThat(centre.engine.agent("a2").orElseThrow().answeredCalls()).isEqualTo(5);
        assertThat(centre.engine.agent("a2").orElseThrow().talkMillis()).isEqualTo(900_000);
        assertThat(centre.offeredTo("c1")).as("a1 answered 2 today before the restart, a2 5").isEqualTo("a1");
    }

    @Test
    void anAgentLeftOutAtARestartAndAddedBackOnALaterDayStartsThatDayAtZero() {
        var centre = CentreFixture.centre().queue("sales", q -> q.groups("s").strategy(RoutingStrategy.FEWEST_CALLS))
                .agent("a1", "s:3").start();
        centre.engine.restoreDayCounts("a2", 5, 900_000);
        // 10:00 UTC: the centre's midnight (UTC) is 14 hours away
        centre.advance(Duration.ofHours(15)).reconfigure(centre(RoutingStrategy.FEWEST_CALLS)).loginReady("a2");

        assertThat(centre.engine.agent("a2").orElseThrow().answeredCalls()).isZero();
    }

    @Test
    void leastTalkTimePicksTheAgentWithLeastTalkSinceLogin() {
        var centre = centre(RoutingStrategy.LEAST_TALK_TIME).start().loginReady("a1", "a2")
                .call("c1", "sales").answer("c1", "a1")
                .call("c2", "sales").answer("c2", "a2")
                .advance(Duration.ofSeconds(10)).agentHangsUp("c2")
                .advance(Duration.ofSeconds(50)).agentHangsUp("c1")
                .call("c3", "sales");

        assertThat(centre.offeredTo("c3")).isEqualTo("a2");
        assertThat(why(centre)).endsWith("LEAST_TALK_TIME picked agent a2: talked 10 s today, least.");
    }

    @Test
    void linearPicksTheFirstReadyAgentInConfiguredOrder() {
        var centre = centre(RoutingStrategy.LINEAR).start().loginReady("a3", "a2").call("c1", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("a2");
        assertThat(why(centre)).endsWith("LINEAR picked agent a2: first ready agent in configured order.");
    }

    @Test
    void skillLevelPicksTheHighestLevelThenTheLongestIdle() {
        var centre = centre(RoutingStrategy.SKILL_LEVEL).start().loginReady("a1", "a3")
                .advance(Duration.ofSeconds(5)).loginReady("a2").call("c1", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("a3");
        assertThat(why(centre)).endsWith("SKILL_LEVEL picked agent a3: skill level 9 in group s, highest, idle 5 s.");
    }

    @Test
    void randomIsRepeatableForTheSameSeed() {
        var first = centre(RoutingStrategy.RANDOM).start(7).loginReady("a1", "a2", "a3");
        var second = centre(RoutingStrategy.RANDOM).start(7).loginReady("a1", "a2", "a3");
        for (int i = 0; i < 20; i++) {
            first.call("c" + i, "sales").callerHangsUp("c" + i);
            second.call("c" + i, "sales").callerHangsUp("c" + i);
        }

        assertThat(first.decisions).isEqualTo(second.decisions);
        assertThat(first.all(Decision.CallOffered.class)).extracting(Decision.CallOffered::agentId)
                .contains("a1", "a2", "a3");
        assertThat(why(first)).contains("RANDOM picked agent").endsWith("drawn at random among 3 ready agents.");
    }

    @Test
    void randomDrawsAnAgentInBothEligibleGroupsOnceAmongTheReadyAgents() {
        var centre = CentreFixture.centre().queue("sales", q -> q.groups("s", "v").strategy(RoutingStrategy.RANDOM))
                .agent("both", "s", "v").agent("s1", "s").start().loginReady("both", "s1").call("c1", "sales");

        assertThat(why(centre)).endsWith("drawn at random among 2 ready agents.");
    }

    @Test
    void randomGivesAnAgentInBothEligibleGroupsNoMoreThanItsFairShare() {
        int drawnBoth = 0;
        for (long seed = 0; seed < 1000; seed++) {
            var centre = CentreFixture.centre()
                    .queue("sales", q -> q.groups("s", "v").strategy(RoutingStrategy.RANDOM))
                    .agent("both", "s", "v").agent("s1", "s").start(seed).loginReady("both", "s1").call("c1", "sales");
            if (centre.offeredTo("c1").equals("both")) {
                drawnBoth++;
            }
        }

        // one of two agents: about 500 of 1000 (counted twice, it would be drawn about 667 times)
        assertThat(drawnBoth).isBetween(450, 550);
    }

    @Test
    void anAgentInSeveralGroupsTakesTheBestCallAcrossAllItsQueues() {
        var centre = CentreFixture.centre().queue("sales", "s").queue("service", "v")
                .agent("both", "s", "v").start().login("both")
                .call("sales1", "sales").advance(Duration.ofSeconds(5))
                .call("service1", "service")
                .arrive("urgent", "1", CentreFixture.numberOf("service")).queue("urgent", 1)
                .ready("both");

        assertThat(centre.offeredTo("urgent")).isEqualTo("both");
    }

    @Test
    void withEqualPriorityTheEarliestArrivalAcrossQueuesIsServedFirst() {
        var centre = CentreFixture.centre().queue("sales", "s").queue("service", "v")
                .agent("both", "s", "v").start().login("both")
                .call("service1", "service").advance(Duration.ofSeconds(5)).call("sales1", "sales")
                .ready("both");

        assertThat(centre.offeredTo("service1")).isEqualTo("both");
    }
}
