package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Offers made to agents, and those an agent missed: ring-no-answer and failed offers, per agent, group and centre. */
class MissedOffersTest {
    private final Timeline timeline = new Timeline(NINE_AM);

    private Figures figures(double nowSecond) {
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(nowSecond));
    }

    @Test
    void anOfferThatRingsOutIsMissedByTheAgentItRangAndTheNextAgentsAnswerIsNot() {
        timeline.agent("1001").logsIn(0);
        timeline.agent("1002").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 1).notAnswered(21)
                .offeredTo("1002", 21).answered(25);

        Figures figures = figures(60);

        assertThat(figures.agents().get("1001").offers()).isEqualTo(new OfferFigures(1, 1, 0));
        assertThat(figures.agents().get("1001").offers().missedRate()).hasValue(1.0);
        assertThat(figures.agents().get("1002").offers()).isEqualTo(new OfferFigures(1, 0, 0));
        assertThat(figures.agents().get("1002").offers().missedRate()).hasValue(0.0);
        assertThat(figures.groups().get("sales-team").offers()).isEqualTo(new OfferFigures(2, 1, 0));
        assertThat(figures.centre().offers()).isEqualTo(new OfferFigures(2, 1, 0));
    }

    @Test
    void aPhoneThatFailsTheOfferIsCountedApartFromOneThatRangOut() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 1).offerFailed(2);

        OfferFigures offers = figures(60).agents().get("1001").offers();

        assertThat(offers).isEqualTo(new OfferFigures(1, 0, 1));
        assertThat(offers.missed()).isEqualTo(1);
    }

    @Test
    void anOfferTakenBackBeforeItRangIsNotTheAgentsMiss() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 1).offerTakenBack(31);

        OfferFigures offers = figures(60).agents().get("1001").offers();

        assertThat(offers).isEqualTo(new OfferFigures(1, 0, 0));
        assertThat(offers.missedRate()).hasValue(0.0);
    }

    @Test
    void aCallerWhoHangsUpWhileThePhoneRingsIsNotTheAgentsMiss() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 1).abandons(5);

        assertThat(figures(60).agents().get("1001").offers()).isEqualTo(new OfferFigures(1, 0, 0));
    }

    @Test
    void anAgentWhoWasOfferedNothingHasNoMissedRate() {
        timeline.agent("1001").logsIn(0);

        OfferFigures offers = figures(60).agents().get("1001").offers();

        assertThat(offers).isEqualTo(new OfferFigures(0, 0, 0));
        assertThat(offers.missedRate()).isEmpty();
    }

    @Test
    void aMissCountsInTheIntervalInWhichTheOfferEnded() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(880, "sales").offeredTo("1001", 890).notAnswered(910);

        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        var intervals = stats.intervals(timeline.at(960));

        assertThat(intervals.get(0).agents().get("1001").offers()).isEqualTo(new OfferFigures(1, 0, 0));
        assertThat(intervals.get(1).agents().get("1001").offers()).isEqualTo(new OfferFigures(0, 1, 0));
    }
}
