package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotline.acd.Decision;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.Skill;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How agents spend their logged-in time, and how it adds up for groups and the centre. */
class AgentTimeTest {
    private final Timeline timeline = new Timeline(NINE_AM);

    private Figures figures(double nowSecond) {
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(nowSecond));
    }

    @Test
    void occupancyCountsTalkWrapUpAndRingingAgainstReadyTime() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 12).answered(15).ends(195).wrapUp(30);

        AgentTimeFigures agent = figures(300).agents().get("1001").agentTime();

        assertThat(agent.reservedMillis()).isEqualTo(3_000);
        assertThat(agent.talkMillis()).isEqualTo(180_000);
        assertThat(agent.wrapUpMillis()).isEqualTo(30_000);
        assertThat(agent.readyMillis()).isEqualTo(12_000 + 75_000);
        assertThat(agent.occupancy()).hasValueCloseTo(213.0 / 300.0, within(1e-9));
    }

    @Test
    void theTimeBetweenTwoReadingsIsTheirDifferenceReasonByReason() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(5).ends(95).wrapUp(100);
        timeline.agent("1001").notReady(195, "break").readyAgain(395);
        CentreStatistics stats = new CentreStatistics(Centres.standard());
        List<Decision> all = timeline.decisions();
        all.stream().filter(d -> d.at() <= timeline.at(100)).forEach(stats::onDecision);
        AgentTimeFigures atHundred = stats.snapshot(timeline.at(100)).agents().get("1001").agentTime();
        all.stream().filter(d -> d.at() > timeline.at(100)).forEach(stats::onDecision);
        AgentTimeFigures atFourHundred = stats.snapshot(timeline.at(400)).agents().get("1001").agentTime();

        AgentTimeFigures between = atFourHundred.since(atHundred);

        assertThat(between.loggedInMillis()).isEqualTo(300_000);
        assertThat(between.talkMillis()).isZero();
        assertThat(between.wrapUpMillis()).isEqualTo(95_000);
        assertThat(between.notReadyByReason()).isEqualTo(Map.of("break", 200_000L));
        assertThat(between.readyMillis()).isEqualTo(5_000);
        assertThat(between.occupancy()).hasValueCloseTo(95.0 / 100.0, within(1e-9));
    }

    @Test
    void notReadyTimeIsOutsideOccupancyButInsideLoggedInTimeAndSoLowersUtilisation() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(5).ends(95).wrapUp(100);
        timeline.agent("1001").notReady(195, "break").readyAgain(395);

        AgentTimeFigures agent = figures(400).agents().get("1001").agentTime();

        assertThat(agent.loggedInMillis()).isEqualTo(400_000);
        assertThat(agent.occupancy()).hasValueCloseTo(195.0 / 200.0, within(1e-9));
        assertThat(agent.utilisation()).hasValueCloseTo(190.0 / 400.0, within(1e-9));
    }

    @Test
    void notReadyTimeIsKeptByReasonCode() {
        timeline.agent("1001").logsIn(0).notReady(60, "break").readyAgain(360).notReady(400, "training")
                .readyAgain(1000);

        AgentTimeFigures agent = figures(1200).agents().get("1001").agentTime();

        assertThat(agent.notReadyMillis()).isEqualTo(900_000);
        assertThat(agent.notReadyByReason()).isEqualTo(Map.of("break", 300_000L, "training", 600_000L));
    }

    @Test
    void aStateStillOpenCountsUpToNow() {
        timeline.agent("1001").logsIn(0);

        assertThat(figures(90).agents().get("1001").agentTime().readyMillis()).isEqualTo(90_000);
    }

    @Test
    void timeAfterLogOutIsNotCounted() {
        timeline.agent("1001").logsIn(0).logsOut(60);

        assertThat(figures(600).agents().get("1001").agentTime().loggedInMillis()).isEqualTo(60_000);
    }

    @Test
    void occupancyAndUtilisationAreNoDataForAnAgentWhoNeverLoggedIn() {
        AgentTimeFigures agent = figures(600).agents().get("1002").agentTime();

        assertThat(agent.occupancy()).isEmpty();
        assertThat(agent.utilisation()).isEmpty();
    }

    @Test
    void anAgentInTwoGroupsCountsInBothGroupsButOnceInTheCentre() {
        timeline.agent("2001").logsIn(0);
        timeline.agent("1001").logsIn(0);

        Figures figures = figures(100);

        assertThat(figures.groups().get("vip-team").agentTime().readyMillis()).isEqualTo(100_000);
        assertThat(figures.groups().get("sales-team").agentTime().readyMillis()).isEqualTo(200_000);
        assertThat(figures.centre().agentTime().readyMillis()).isEqualTo(200_000);
    }

    /** {@code config} with agent 1001 alone, moved from the sales team to the VIP team. */
    private static CentreConfig onlyAgent1001InTheVipTeam(CentreConfig config) {
        return new CentreConfig(config.settings(), config.numbers(), config.businessTypes(), config.queues(),
                config.groups(), List.of(new AgentConfig("1001", "1001", "PJSIP/1001",
                        List.of(new Skill("vip-team", 5)))), config.blacklist(), config.vipPolicy(), config.vips());
    }

    @Test
    void anAgentMovedToAnotherGroupByAReloadCountsTheTimeBeforeInTheOldGroupAndAfterInTheNew() {
        CentreConfig before = Centres.standard();
        CentreConfig after = onlyAgent1001InTheVipTeam(before);
        timeline.agent("1001").logsIn(0).notReady(10, "break");
        timeline.add(new Decision.ConfigApplied(timeline.at(100), after));
        timeline.agent("1001").readyAgain(160);
        CentreStatistics stats = new CentreStatistics(before);
        timeline.playInto(stats);

        Figures figures = stats.snapshot(timeline.at(200));

        AgentTimeFigures sales = figures.groups().get("sales-team").agentTime();
        AgentTimeFigures vip = figures.groups().get("vip-team").agentTime();
        assertThat(sales.loggedInMillis()).as("up to the reload").isEqualTo(100_000);
        assertThat(sales.notReadyByReason()).isEqualTo(Map.of("break", 90_000L));
        assertThat(vip.loggedInMillis()).as("from the reload").isEqualTo(100_000);
        assertThat(vip.notReadyByReason()).isEqualTo(Map.of("break", 60_000L));
        assertThat(figures.centre().agentTime().loggedInMillis()).isEqualTo(200_000);
    }

    @Test
    void aWrapUpAcrossAReloadThatMovesTheAgentStillCountsWholeForTheCallItFollows() {
        CentreConfig before = Centres.standard();
        CentreConfig after = onlyAgent1001InTheVipTeam(before);
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(5).ends(95).wrapUp(30);
        timeline.add(new Decision.ConfigApplied(timeline.at(110), after));
        CentreStatistics stats = new CentreStatistics(before);
        timeline.playInto(stats);

        Figures figures = stats.snapshot(timeline.at(200));

        assertThat(figures.agents().get("1001").answers().wrapUpMillis()).isEqualTo(30_000);
        assertThat(figures.groups().get("sales-team").agentTime().wrapUpMillis()).isEqualTo(15_000);
        assertThat(figures.groups().get("vip-team").agentTime().wrapUpMillis()).isEqualTo(15_000);
    }

    @Test
    void anAnsweredCallCountsForTheGroupItWasAnsweredThroughOnly() {
        timeline.agent("2001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("2001", 1).answeredThrough("sales-team", 3);

        Figures figures = figures(100);

        assertThat(figures.groups().get("sales-team").answers().answered()).isEqualTo(1);
        assertThat(figures.groups().get("vip-team").answers().answered()).isZero();
        assertThat(figures.agents().get("2001").answers().answered()).isEqualTo(1);
    }
}
