package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotline.acd.Decision;
import dev.hotline.acd.model.CentreConfig;
import org.junit.jupiter.api.Test;

/** Service level, ASA, abandonment and P(wait) of a queue (sales: 20 s threshold; short abandons under 5 s). */
class ServiceLevelTest {
    private final Timeline timeline = new Timeline(NINE_AM);

    private CallFigures sales(double nowSecond) {
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(nowSecond)).queues().get("sales");
    }

    @Test
    void aCallAnswered19sAfterQueueingCountsWithinA20sServiceLevel() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 16).answered(19);

        assertThat(sales(30).serviceLevel()).hasValue(1.0);
    }

    @Test
    void aCallAnsweredExactlyAtTheThresholdCountsWithinIt() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 17).answered(20);

        assertThat(sales(30).serviceLevel()).hasValue(1.0);
    }

    @Test
    void aCallAQueueRemovedByAReloadStillHoldsIsJudgedByThatQueuesLastThreshold() {
        CentreConfig before = Centres.standard();
        CentreConfig withoutSales = new CentreConfig(before.settings(), before.numbers(), before.businessTypes(),
                before.queues().stream().filter(q -> !q.id().equals("sales")).toList(), before.groups(),
                before.agents(), before.blacklist(), before.vipPolicy(), before.vips());
        Timeline.CallStory c1 = timeline.call("c1").arrives(0, "sales");
        timeline.add(new Decision.ConfigApplied(timeline.at(2), withoutSales));
        c1.offeredTo("1001", 3).answered(6);

        assertThat(sales(30).serviceLevel()).as("6 s against sales's 20 s, not against nothing").hasValue(1.0);
    }

    @Test
    void aCallAnswered21sAfterQueueingCountsOutsideA20sServiceLevel() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 18).answered(21);

        assertThat(sales(30).serviceLevel()).hasValue(0.0);
    }

    @Test
    void anAbandonAfter3sWithA5sShortAbandonThresholdIsCountedApartAndNotInTheServiceLevel() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 2).answered(5);
        timeline.call("c2").arrives(10, "sales").abandons(13);

        CallFigures sales = sales(30);

        assertThat(sales.abandoned()).isEqualTo(1);
        assertThat(sales.shortAbandoned()).isEqualTo(1);
        assertThat(sales.serviceLevel()).hasValue(1.0);
        assertThat(sales.abandonmentRate()).hasValue(0.0);
    }

    @Test
    void anAbandonAfterTheThresholdCountsAgainstTheServiceLevel() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 2).answered(5);
        timeline.call("c2").arrives(10, "sales").abandons(40);

        assertThat(sales(60).serviceLevel()).hasValue(0.5);
    }

    @Test
    void anAbandonWithinTheThresholdIsInNeitherPartOfTheServiceLevelButCountsInTheAbandonmentRate() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 2).answered(5);
        timeline.call("c2").arrives(10, "sales").abandons(22);

        CallFigures sales = sales(60);

        assertThat(sales.serviceLevel()).hasValue(1.0);
        assertThat(sales.abandonmentRate()).hasValue(0.5);
    }

    @Test
    void theServiceLevelIsNoDataWhenNoCallWasAnsweredOrAbandonedAfterTheThreshold() {
        timeline.call("c1").arrives(0, "sales").abandons(3);

        CallFigures sales = sales(30);

        assertThat(sales.serviceLevel()).isEmpty();
        assertThat(sales.answers().asaMillis()).isEmpty();
    }

    @Test
    void theAverageSpeedOfAnswerIsTheAverageWaitOfAnsweredCallsRingTimeIncluded() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(4);
        timeline.call("c2").arrives(0, "sales").offeredTo("1002", 10).answered(16);
        timeline.call("c3").arrives(0, "sales").abandons(50);

        assertThat(sales(60).answers().asaMillis()).hasValue(10_000.0);
    }

    @Test
    void aCallOfferedAtOnceDidNotWaitForPWaitEvenThoughTheAgentsPhoneRang() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(4);
        timeline.call("c2").arrives(0, "sales").offeredTo("1002", 10).answered(13);

        assertThat(sales(60).answers().probabilityOfWaiting()).hasValue(0.5);
    }

    @Test
    void aCallOfferedAtOnceThatRangOutAndThenWaitedForAFreeAgentWaitedForPWait() {
        // c1 rings 1001 out, then waits 23 s in queue for an agent; c2 rings 1002 out and is offered at once again
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).notAnswered(14).offeredTo("1002", 37)
                .answered(39);
        timeline.call("c2").arrives(0, "sales").offeredTo("1002", 0).notAnswered(15).offeredTo("1003", 15)
                .answered(17);

        assertThat(sales(60).answers().probabilityOfWaiting()).hasValue(0.5);
    }

    @Test
    void theLongestWaitCoversAnsweredAndAbandonedCallsAndTheLongestCurrentWaitTheCallsStillWaiting() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 30).answered(33);
        timeline.call("c2").arrives(10, "sales").abandons(50);
        timeline.call("c3").arrives(45, "sales");

        CallFigures sales = sales(100);

        assertThat(sales.longestWaitMillis()).isEqualTo(40_000);
        assertThat(sales.longestCurrentWaitMillis()).isEqualTo(55_000);
        assertThat(sales.waiting()).isEqualTo(1);
    }

    @Test
    void aRingingCallIsStillWaitingAndAnAbandonWhileRingingIsAnAbandon() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 10);
        timeline.call("c2").arrives(0, "sales").offeredTo("1002", 10).abandons(25);

        CallFigures sales = sales(30);

        assertThat(sales.waiting()).isEqualTo(1);
        assertThat(sales.abandoned()).isEqualTo(1);
        assertThat(sales.abandonmentRate()).hasValueCloseTo(0.5, within(1e-9));
    }
}
