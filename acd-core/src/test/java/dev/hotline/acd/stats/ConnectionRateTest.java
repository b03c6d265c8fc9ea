package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.RefusalCause;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.Treatment;
import org.junit.jupiter.api.Test;

/** Inbound, refused and self-service calls, and the connection rate (接通率) of the centre and of a queue. */
class ConnectionRateTest {
    private final Timeline timeline = new Timeline(NINE_AM);

    private Figures figures() {
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(600));
    }

    @Test
    void connectionRateCountsIvrSelfServiceCompletionsAndAgentAnsweredCallsOverInboundCalls() {
        timeline.call("c1").arrivesInIvr(0, "sales").completesSelfService(40);
        timeline.call("c2").arrives(0, "sales").offeredTo("1001", 1).answered(3);
        timeline.refused("c3", RefusalCause.BLACKLISTED, 5);
        timeline.call("c4").arrives(0, "sales").abandons(30);

        CentreFigures centre = figures().centre();

        assertThat(centre.inbound()).isEqualTo(4);
        assertThat(centre.selfService()).isEqualTo(1);
        assertThat(centre.connectionRate()).hasValue(0.5);
    }

    @Test
    void aCallTheIvrEndedWithoutSelfServiceIsInboundButNeitherConnectedNorAbandoned() {
        timeline.call("c1").arrivesInIvr(0, "sales").endedByIvr(20);
        timeline.call("c2").arrivesInIvr(0, "sales").completesSelfService(40);

        CentreFigures centre = figures().centre();

        assertThat(centre.inbound()).isEqualTo(2);
        assertThat(centre.abandonedInIvr()).isZero();
        assertThat(centre.endedInIvr()).isEqualTo(1);
        assertThat(centre.connectionRate()).hasValue(0.5);
    }

    @Test
    void everyCallThatNeverReachedAQueueIsInOneBucketAHandBackFromTheIvrAsHotlineStopsIncluded() {
        timeline.call("c1").arrivesInIvr(0, "sales").completesSelfService(40);
        timeline.call("c2").arrivesInIvr(0, "sales").hangsUpInIvr(20);
        timeline.call("c3").arrivesInIvr(0, "sales").endedByIvr(20);
        timeline.call("c4").arrivesInIvr(0, "sales").handedBackFromIvr(30);
        timeline.refused("c5", RefusalCause.BLACKLISTED, 5);
        timeline.call("c6").arrives(0, "sales").abandons(30);

        CentreFigures centre = figures().centre();

        assertThat(centre.inbound()).isEqualTo(6);
        assertThat(centre.refused() + centre.calls().offered() + centre.selfService() + centre.abandonedInIvr()
                + centre.endedInIvr()).isEqualTo(6);
        assertThat(centre.endedInIvr()).isEqualTo(2);
        assertThat(centre.calls().overflowed()).as("never in the ACD").isZero();
    }

    @Test
    void theConnectionRateIsNoDataWhenNoCallCameIn() {
        assertThat(figures().centre().connectionRate()).isEmpty();
    }

    @Test
    void blacklistedCallsAreRefusedInboundCallsCountedApartFromOtherRefusals() {
        timeline.refused("c1", RefusalCause.BLACKLISTED, 0);
        timeline.refused("c2", RefusalCause.UNKNOWN_NUMBER, 1);
        timeline.call("c3").arrives(2, "sales")
                .treated(new Treatment.Hangup("closed"), TreatmentCause.CLOSED, 2);

        CentreFigures centre = figures().centre();

        assertThat(centre.inbound()).isEqualTo(3);
        assertThat(centre.refusedBlacklist()).isEqualTo(1);
        assertThat(centre.refusedUnknownNumber()).isEqualTo(1);
        assertThat(centre.calls().refused()).isEqualTo(1);
        assertThat(centre.refused()).isEqualTo(3);
    }

    @Test
    void aQueuesPromptAndHangUpTreatmentIsARefusalOfThatQueue() {
        timeline.call("c1").arrives(0, "sales").treated(new Treatment.Hangup("full"), TreatmentCause.QUEUE_FULL, 0);

        CallFigures sales = figures().queues().get("sales");

        assertThat(sales.offered()).isEqualTo(1);
        assertThat(sales.refused()).isEqualTo(1);
        assertThat(sales.waiting()).isZero();
    }

    @Test
    void aQueuesConnectionRateIsItsAnsweredCallsOverItsOfferedCalls() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 1).answered(3);
        timeline.call("c2").arrives(0, "sales").abandons(30);
        timeline.call("c3").arrives(0, "sales").abandons(40);
        timeline.call("c4").arrives(0, "sales").offeredTo("1002", 1).answered(3);

        assertThat(figures().queues().get("sales").answerRate()).hasValue(0.5);
    }

    @Test
    void aCallerWhoHangsUpInTheIvrIsCountedApartFromQueueAbandons() {
        timeline.call("c1").arrivesInIvr(0, "sales").hangsUpInIvr(20);

        Figures figures = figures();

        assertThat(figures.centre().abandonedInIvr()).isEqualTo(1);
        assertThat(figures.centre().calls().abandoned()).isZero();
        assertThat(figures.queues().get("sales").offered()).isZero();
    }
}
