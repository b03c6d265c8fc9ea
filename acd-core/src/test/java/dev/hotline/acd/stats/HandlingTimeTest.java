package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Average handling time = talk + wrap-up, and where it is attributed. */
class HandlingTimeTest {
    private final Timeline timeline = new Timeline(NINE_AM);

    private Figures figures(double nowSecond) {
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(nowSecond));
    }

    @Test
    void wrapUpCountsInAht() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 12).answered(15).ends(195).wrapUp(30);

        AnswerFigures sales = figures(600).queues().get("sales").answers();

        assertThat(sales.handled()).isEqualTo(1);
        assertThat(sales.averageTalkMillis()).hasValue(180_000.0);
        assertThat(sales.ahtMillis()).hasValue(210_000.0);
    }

    @Test
    void aCallInWrapUpIsNotHandledYetItsTalkAndWrapUpCountTogetherAsTheWrapUpEnds() {
        timeline.agent("1001").logsIn(0);
        var c1 = timeline.call("c1").arrives(0, "sales").offeredTo("1001", 12).answered(15).ends(195);

        AnswerFigures during = figures(205).centre().calls().answers();
        assertThat(during.handled()).isZero();
        assertThat(during.ahtMillis()).isEmpty();

        c1.wrapUp(30);
        assertThat(figures(225).centre().calls().answers().ahtMillis()).hasValue(210_000.0);
    }

    @Test
    void anIntervalsAhtIsThatOfTheCallsWhoseHandlingEndedInItWholeWhereverTheirTalkFell() {
        // c1 talks in the first quarter hour and ends its wrap-up in the second, where c2 is handled whole
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(800, "sales").offeredTo("1001", 801).answered(802).ends(890).wrapUp(30);
        timeline.call("c2").arrives(1000, "sales").offeredTo("1001", 1001).answered(1002).ends(1022).wrapUp(30);
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);

        List<Figures> quarters = stats.intervals(timeline.at(1799));

        assertThat(quarters).extracting(q -> q.queues().get("sales").answers().handled()).containsExactly(0L, 2L);
        assertThat(quarters.get(1).queues().get("sales").answers().ahtMillis()).as("(118 s + 50 s) / 2")
                .hasValue(84_000.0);
    }

    @Test
    void aCallStillInConversationIsAnsweredButNotYetHandled() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 12).answered(15);

        AnswerFigures sales = figures(100).queues().get("sales").answers();

        assertThat(sales.answered()).isEqualTo(1);
        assertThat(sales.handled()).isZero();
        assertThat(sales.ahtMillis()).isEmpty();
    }

    @Test
    void theWrapUpAfterACallCountsForTheQueueTheGroupAndTheAgentThatHandledIt() {
        timeline.agent("2001").logsIn(0);
        timeline.call("c1").arrives(0, "vip").offeredTo("2001", 1).answered(3).ends(63).wrapUp(20);

        Figures figures = figures(600);

        assertThat(figures.queues().get("vip").answers().wrapUpMillis()).isEqualTo(20_000);
        assertThat(figures.groups().get("vip-team").answers().wrapUpMillis()).isEqualTo(20_000);
        assertThat(figures.groups().get("sales-team").answers().wrapUpMillis()).isZero();
        assertThat(figures.agents().get("2001").answers().ahtMillis()).hasValue(80_000.0);
    }
}
