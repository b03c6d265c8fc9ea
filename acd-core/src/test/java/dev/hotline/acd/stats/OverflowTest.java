package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.Treatment;
import org.junit.jupiter.api.Test;

/** Calls that leave a queue by a treatment or an escalation step. */
class OverflowTest {
    private final Timeline timeline = new Timeline(NINE_AM);

    private Figures figures() {
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(600));
    }

    @Test
    void aVipCallMovedToAnotherQueueCountsAsOverflowedOutOfTheFirstAndOfferedInTheSecond() {
        timeline.call("c1").arrives(0, "vip").movedTo("sales", 20).offeredTo("1001", 21).answered(24);

        Figures figures = figures();

        assertThat(figures.queues().get("vip").offered()).isEqualTo(1);
        assertThat(figures.queues().get("vip").overflowed()).isEqualTo(1);
        assertThat(figures.queues().get("sales").offered()).isEqualTo(1);
        assertThat(figures.queues().get("sales").answers().answered()).isEqualTo(1);
    }

    @Test
    void aCallMovedBetweenQueuesIsOfferedToTheCentreOnceAndNotOverflowedOutOfIt() {
        timeline.call("c1").arrives(0, "vip").movedTo("sales", 20).offeredTo("1001", 21).answered(24);

        CallFigures centre = figures().centre().calls();

        assertThat(centre.offered()).isEqualTo(1);
        assertThat(centre.overflowed()).isZero();
        assertThat(centre.answers().answered()).isEqualTo(1);
    }

    @Test
    void aMovedCallsWaitIsCountedFromItsFirstQueueAgainstTheThresholdOfTheQueueThatAnswersIt() {
        timeline.call("c1").arrives(0, "vip").movedTo("sales", 15).offeredTo("1001", 21).answered(24);

        CallFigures sales = figures().queues().get("sales");

        assertThat(sales.answers().answerWaitMillis()).isEqualTo(24_000);
        assertThat(sales.serviceLevel()).hasValue(0.0);
    }

    @Test
    void aVoicemailTreatmentOverflowsTheCallOutOfTheQueueAndOutOfTheAcd() {
        timeline.call("c1").arrives(0, "sales")
                .treated(new Treatment.Voicemail("100", "leave a message"), TreatmentCause.MAX_WAIT, 120);

        Figures figures = figures();

        assertThat(figures.queues().get("sales").overflowed()).isEqualTo(1);
        assertThat(figures.centre().calls().overflowed()).isEqualTo(1);
        assertThat(figures.centre().calls().abandoned()).isZero();
    }

    @Test
    void anIvrFlowTreatmentOverflowsTheCallOutOfTheQueue() {
        timeline.call("c1").arrives(0, "sales")
                .treated(new Treatment.IvrFlow("callback-request"), TreatmentCause.ESCALATION, 60);

        assertThat(figures().queues().get("sales").overflowed()).isEqualTo(1);
    }

    @Test
    void selfServiceFinishedInTheFlowAQueueSentTheCallToCountsInTheConnectionRate() {
        timeline.call("c1").arrives(0, "sales")
                .treated(new Treatment.IvrFlow("order-status"), TreatmentCause.CLOSED, 0).completesSelfService(40);
        timeline.call("c2").arrives(0, "sales")
                .treated(new Treatment.IvrFlow("order-status"), TreatmentCause.CLOSED, 0).hangsUpInIvr(30);

        Figures figures = figures();

        assertThat(figures.queues().get("sales").overflowed()).isEqualTo(2);
        assertThat(figures.centre().selfService()).isEqualTo(1);
        assertThat(figures.centre().calls().abandoned()).as("out of the queue before hanging up").isZero();
        assertThat(figures.centre().connectionRate()).hasValue(0.5);
    }
}
