package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.Treatment;
import dev.hotline.acd.stats.internal.Ledger;
import org.junit.jupiter.api.Test;

/** The statistics remember a call only while it is in progress. */
class BookkeepingTest {

    @Test
    void everyCallIsForgottenWhenItEndsWhateverItsOutcome() {
        Timeline timeline = new Timeline(NINE_AM);
        timeline.agent("1001").logsIn(0);
        timeline.call("answered").arrives(0, "sales").offeredTo("1001", 1).answered(3).ends(60).wrapUp(10);
        timeline.call("abandoned").arrives(0, "sales").abandons(30);
        timeline.call("moved").arrives(0, "vip").movedTo("sales", 20).abandons(40);
        timeline.call("refused").arrives(0, "sales").treated(new Treatment.Hangup("full"), TreatmentCause.QUEUE_FULL, 0);
        timeline.call("voicemail").arrives(0, "sales")
                .treated(new Treatment.Voicemail("100", ""), TreatmentCause.MAX_WAIT, 90);
        timeline.call("still waiting").arrives(100, "sales");
        Ledger ledger = new Ledger(Centres.standard(), CentreStatistics.DEFAULT_INTERVALS_KEPT);

        timeline.decisions().forEach(ledger::apply);

        assertThat(ledger.callsTracked()).isEqualTo(1);
    }
}
