package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotline.acd.PhoneState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * READY time and the agent's phone (docs/kpis.md, "Agent time"): the engine offers a READY agent nothing while its
 * phone is busy with a call the ACD did not give (a private call) or is not registered, so that time is not time
 * available for calls. It is counted apart, is outside occupancy, and is logged-in time that lowers utilisation.
 */
class PhoneTimeTest {
    private final Timeline timeline = new Timeline(NINE_AM);
    private CentreStatistics stats;

    private Figures figures(double nowSecond) {
        stats = new CentreStatistics(Centres.standard());
        timeline.playInto(stats);
        return stats.snapshot(timeline.at(nowSecond));
    }

    @Test
    void anAgentReadyOnAPrivateCallIsNotCountedAsAvailableSoACentreWhoseOnlyIdleAgentIsOnOneIsFullyOccupied() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(10);
        timeline.agent("1002").logsIn(0).phone(0, PhoneState.FREE, PhoneState.BUSY);

        Figures figures = figures(300);

        AgentTimeFigures centre = figures.centre().agentTime();
        assertThat(centre.readyMillis()).as("available").isZero();
        assertThat(centre.readyPhoneBusyMillis()).isEqualTo(300_000);
        assertThat(centre.occupancy()).hasValue(1.0);
        AgentTimeFigures onThePhone = figures.agents().get("1002").agentTime();
        assertThat(onThePhone.occupancy()).as("no time available for calls: no data").isEmpty();
        assertThat(onThePhone.utilisation()).hasValue(0.0);
    }

    @Test
    void readyTimeWithABusyOrUnreachablePhoneIsCountedApartAndIsStillLoggedInTime() {
        timeline.agent("1001").logsIn(0).privateCall(60, 180).unreachable(300, 400);

        AgentTimeFigures agent = figures(600).agents().get("1001").agentTime();

        assertThat(agent.readyMillis()).isEqualTo(380_000);
        assertThat(agent.readyPhoneBusyMillis()).isEqualTo(120_000);
        assertThat(agent.readyPhoneUnreachableMillis()).isEqualTo(100_000);
        assertThat(agent.loggedInMillis()).isEqualTo(600_000);
    }

    @Test
    void aPrivateCallIsOutsideOccupancyButLowersUtilisationLikeNotReadyTime() {
        timeline.agent("1001").logsIn(0).privateCall(120, 300);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(5).ends(95).wrapUp(25);

        AgentTimeFigures agent = figures(300).agents().get("1001").agentTime();

        assertThat(agent.occupancy()).as("busy 120 s of the 120 s available").hasValue(1.0);
        assertThat(agent.utilisation()).hasValueCloseTo(115.0 / 300.0, within(1e-9));
    }

    @Test
    void aPhoneThatIsBusyWhileTheAgentIsNotReadyChangesNothingUntilTheAgentIsReadyWithIt() {
        timeline.agent("1001").logsIn(0).notReady(10, "break").phone(20, PhoneState.FREE, PhoneState.BUSY)
                .readyAgain(60).phone(90, PhoneState.BUSY, PhoneState.FREE);

        AgentTimeFigures agent = figures(100).agents().get("1001").agentTime();

        assertThat(agent.notReadyByReason()).containsEntry("break", 50_000L);
        assertThat(agent.readyPhoneBusyMillis()).isEqualTo(30_000);
        assertThat(agent.readyMillis()).isEqualTo(20_000);
    }

    @Test
    void thePhoneInUseForTheAcdsOwnCallLeavesRingingTalkAndWrapUpAsTheyAre() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(5).ends(65).wrapUp(20);
        timeline.agent("1001").phone(0, PhoneState.FREE, PhoneState.BUSY).phone(70, PhoneState.BUSY, PhoneState.FREE);

        Figures figures = figures(100);

        AgentTimeFigures agent = figures.agents().get("1001").agentTime();
        assertThat(List.of(agent.reservedMillis(), agent.talkMillis(), agent.wrapUpMillis(), agent.readyMillis(),
                agent.readyPhoneBusyMillis())).containsExactly(5_000L, 60_000L, 20_000L, 15_000L, 0L);
        assertThat(figures.agents().get("1001").answers().wrapUpMillis()).as("the call's wrap-up, whole")
                .isEqualTo(20_000);
    }

    @Test
    void theSecondsAfterACallUntilThePhoneReportsFreeAreNotAvailable() {
        // no wrap-up: READY with the hang-up, which the session may report before the phone's own NOT_INUSE
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(5).ends(65).wrapUp(0);
        timeline.agent("1001").phone(0, PhoneState.FREE, PhoneState.BUSY).phone(67, PhoneState.BUSY, PhoneState.FREE);

        AgentTimeFigures agent = figures(100).agents().get("1001").agentTime();

        assertThat(agent.readyPhoneBusyMillis()).isEqualTo(2_000);
        assertThat(agent.readyMillis()).isEqualTo(33_000);
    }

    @Test
    void aPrivateCallIsSplitAtIntervalBoundariesAndOneStillGoingOnCountsUpToNow() {
        // 09:10 to 09:20; another agent's from 09:25 and not over at 09:30
        timeline.agent("1001").logsIn(0).privateCall(600, 1200);
        timeline.agent("1002").logsIn(0).phone(1500, PhoneState.FREE, PhoneState.BUSY);

        figures(0);
        List<Figures> intervals = stats.intervals(timeline.at(1800));

        // 09:00, 09:15 and the 09:30 interval just begun
        assertThat(intervals).extracting(f -> f.agents().get("1001").agentTime().readyPhoneBusyMillis())
                .containsExactly(300_000L, 300_000L, 0L);
        assertThat(intervals).extracting(f -> f.agents().get("1001").agentTime().readyMillis())
                .containsExactly(600_000L, 600_000L, 0L);
        assertThat(intervals).extracting(f -> f.agents().get("1002").agentTime().readyPhoneBusyMillis())
                .containsExactly(0L, 300_000L, 0L);
        assertThat(stats.interval(timeline.at(Duration.ofMinutes(15).toSeconds()), timeline.at(1800)).orElseThrow()
                .centre().agentTime().readyPhoneBusyMillis()).isEqualTo(600_000);
    }

    @Test
    void anAgentInTwoGroupsOnAPrivateCallCountsInBothGroupsButOnceInTheCentre() {
        timeline.agent("2001").logsIn(0).privateCall(10, 70);
        timeline.agent("1001").logsIn(0).unreachable(0, 100);

        Figures figures = figures(100);

        assertThat(figures.groups().get("vip-team").agentTime().readyPhoneBusyMillis()).isEqualTo(60_000);
        assertThat(figures.groups().get("sales-team").agentTime().readyPhoneBusyMillis()).isEqualTo(60_000);
        assertThat(figures.groups().get("sales-team").agentTime().readyPhoneUnreachableMillis()).isEqualTo(100_000);
        assertThat(figures.groups().get("vip-team").agentTime().readyPhoneUnreachableMillis()).isZero();
        assertThat(figures.centre().agentTime().readyPhoneBusyMillis()).isEqualTo(60_000);
        assertThat(figures.centre().agentTime().readyPhoneUnreachableMillis()).isEqualTo(100_000);
        assertThat(figures.centre().agentTime().readyMillis()).isEqualTo(200_000 - 60_000 - 100_000);
    }
}
