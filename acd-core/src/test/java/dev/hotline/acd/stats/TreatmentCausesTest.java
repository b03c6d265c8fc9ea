package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.Treatment;
import org.junit.jupiter.api.Test;

/** Why queues let calls go without an agent: the treated calls by cause. */
class TreatmentCausesTest {
    private static final Treatment BUSY = new Treatment.Hangup("hotline/busy");
    private static final Treatment VOICEMAIL = new Treatment.Voicemail("100", "");

    private final Timeline timeline = new Timeline(NINE_AM);
    private final CentreStatistics stats = new CentreStatistics(Centres.standard());

    private Figures running() {
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(3_600));
    }

    @Test
    void aQueueCountsTheCallsItLetGoByWhyWhateverTheTreatment() {
        timeline.call("closed").arrives(0, "sales").treated(new Treatment.IvrFlow("order-status"),
                TreatmentCause.CLOSED, 0).completesSelfService(30);
        timeline.call("full").arrives(1, "sales").treated(BUSY, TreatmentCause.QUEUE_FULL, 1);
        timeline.call("waited").arrives(2, "sales").treated(VOICEMAIL, TreatmentCause.MAX_WAIT, 600);
        timeline.call("nobody").arrives(3, "sales").treated(BUSY, TreatmentCause.NO_AGENTS, 3);
        timeline.call("nobody-2").arrives(4, "sales").treated(VOICEMAIL, TreatmentCause.NO_AGENTS, 4);

        CallFigures sales = running().queues().get("sales");

        assertThat(sales.treated()).isEqualTo(new TreatmentFigures(1, 1, 1, 2, 0, 0, 0));
        assertThat(sales.treated().total()).isEqualTo(sales.refused() + sales.overflowed()).isEqualTo(5);
    }

    @Test
    void aStepThatMovesTheCallOnCountsInTheQueueItLeavesAndTheNextQueueCountsItsOwnTreatment() {
        timeline.call("c1").arrives(0, "vip").movedTo("sales", 20).treated(BUSY, TreatmentCause.NO_AGENTS, 20);

        Figures figures = running();

        assertThat(figures.queues().get("vip").treated()).isEqualTo(new TreatmentFigures(0, 0, 0, 0, 1, 0, 0));
        assertThat(figures.queues().get("sales").treated()).isEqualTo(new TreatmentFigures(0, 0, 0, 1, 0, 0, 0));
        assertThat(figures.centre().calls().treated()).as("every queue's treatments together")
                .isEqualTo(new TreatmentFigures(0, 0, 0, 1, 1, 0, 0));
    }

    @Test
    void aCallHandedBackToAsteriskWhileWaitingIsLetGoWithoutATreatment() {
        timeline.call("c1").arrives(0, "sales").handedBackFromQueue(40);
        timeline.call("c2").arrivesInIvr(0, "sales").handedBackFromIvr(10);

        Figures figures = running();

        assertThat(figures.queues().get("sales").treated()).isEqualTo(new TreatmentFigures(0, 0, 0, 0, 0, 0, 1));
        assertThat(figures.queues().get("sales").overflowed()).isEqualTo(1);
        assertThat(figures.centre().calls().treated().handedBack()).as("one from the IVR is not the queue's")
                .isEqualTo(1);
    }

    @Test
    void aTreatmentCountsInTheIntervalItHappensIn() {
        timeline.call("c1").arrives(0, "sales").treated(VOICEMAIL, TreatmentCause.MAX_WAIT, 20 * 60);

        running();
        var intervals = stats.intervals(timeline.at(3_600));

        assertThat(intervals.get(0).queues().get("sales").treated()).isEqualTo(TreatmentFigures.NONE);
        assertThat(intervals.get(1).queues().get("sales").treated()).isEqualTo(new TreatmentFigures(0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void aCallAnsweredOrAbandonedIsNotTreated() {
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 2).answered(5).ends(60);
        timeline.call("c2").arrives(0, "sales").abandons(30);

        assertThat(running().queues().get("sales").treated()).isEqualTo(TreatmentFigures.NONE);
    }
}
