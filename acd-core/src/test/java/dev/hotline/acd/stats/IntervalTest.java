package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision;
import java.time.Duration;
import java.time.LocalDateTime;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Reporting intervals: aligned to the grid in the centre's zone, split at boundaries, bounded in number. */
class IntervalTest {
    private static final long QUARTER = Duration.ofMinutes(15).toMillis();

    /** 08:50 in Shanghai: ten minutes before the 09:00 boundary. */
    private final Timeline timeline = new Timeline(NINE_AM - Duration.ofMinutes(10).toMillis());
    private final CentreStatistics stats = new CentreStatistics(Centres.standard());

    @Test
    void anIntervalBoundarySplitsAnAgentsTalkTimeBetweenTheTwoIntervals() {
        timeline.agent("1001").logsIn(0);
        timeline.call("c1").arrives(0, "sales").offeredTo("1001", 0).answered(0).ends(900).wrapUp(0);
        timeline.playInto(stats);
        long now = timeline.at(900);

        long before = stats.interval(NINE_AM - QUARTER, now).orElseThrow().agents().get("1001").agentTime().talkMillis();
        long after = stats.interval(NINE_AM, now).orElseThrow().agents().get("1001").agentTime().talkMillis();

        assertThat(before).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(after).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void theIntervalInProgressIsTheOneNowFallsInUpToNow() {
        timeline.call("c1").arrives(590, "sales").offeredTo("1001", 605).answered(608);
        timeline.playInto(stats);
        long now = timeline.at(700);

        Figures current = stats.intervalInProgress(now).orElseThrow();

        assertThat(current.from()).isEqualTo(NINE_AM);
        assertThat(current.to()).isEqualTo(now);
        assertThat(current.queues().get("sales").answers().answered()).isEqualTo(1);
    }

    @Test
    void aStateStillOpenIsSplitBetweenIntervalsUpToNow() {
        timeline.agent("1001").logsIn(0);
        timeline.playInto(stats);
        long now = timeline.at(1200);

        assertThat(stats.intervals(now)).extracting(f -> f.centre().agentTime().readyMillis())
                .containsExactly(600_000L, 600_000L);
    }

    @Test
    void askedFromAGivenTimeEveryIntervalIsListedThoseInWhichNothingHappenedWithZeros() {
        // a call at 09:40, nothing before: from 08:50 the quarters 08:45, 09:00, 09:15, 09:30 (the one in progress)
        timeline.call("c1").arrives(3000, "sales");
        timeline.playInto(stats);
        long now = timeline.at(3000);

        assertThat(stats.intervals(now)).extracting(Figures::from).containsExactly(NINE_AM + 2 * QUARTER);
        assertThat(stats.intervals(timeline.at(0), now)).extracting(Figures::from, f -> f.centre().inbound())
                .containsExactly(Tuple.tuple(NINE_AM - QUARTER, 0L), Tuple.tuple(NINE_AM, 0L),
                        Tuple.tuple(NINE_AM + QUARTER, 0L), Tuple.tuple(NINE_AM + 2 * QUARTER, 1L));
    }

    @Test
    void intervalsAreAlignedToTheQuarterHourInTheCentresZone() {
        long sevenPastNine = LocalDateTime.of(2026, 3, 2, 9, 7).atZone(Centres.ZONE).toInstant().toEpochMilli();
        Timeline late = new Timeline(sevenPastNine);
        late.call("c1").arrives(0, "sales");
        late.playInto(stats);

        assertThat(stats.intervals(sevenPastNine)).extracting(Figures::from, Figures::to)
                .containsExactly(Tuple.tuple(NINE_AM, sevenPastNine));
    }

    @Test
    void anIntervalWhoseShortAbandonsAreOfCallsOfferedInTheOneBeforeHasNoAbandonmentRate() {
        // offered at 08:59:58, hung up at 09:00:01: a short abandon counted in the 09:00 interval, which offered none
        timeline.call("c1").arrives(598, "sales").abandons(601);
        timeline.playInto(stats);
        long now = timeline.at(700);

        CallFigures nine = stats.interval(NINE_AM, now).orElseThrow().queues().get("sales");

        assertThat(nine.offered()).isZero();
        assertThat(nine.shortAbandoned()).isEqualTo(1);
        assertThat(nine.abandonmentRate()).isEmpty();
    }

    @Test
    void aCallCountsInTheIntervalWhereEachThingHappenedToIt() {
        timeline.call("c1").arrives(590, "sales").offeredTo("1001", 605).answered(608);
        timeline.playInto(stats);
        long now = timeline.at(700);

        Figures first = stats.interval(NINE_AM - QUARTER, now).orElseThrow();
        Figures second = stats.interval(NINE_AM, now).orElseThrow();

        assertThat(first.queues().get("sales").offered()).isEqualTo(1);
        assertThat(first.queues().get("sales").answers().answered()).isZero();
        assertThat(second.queues().get("sales").offered()).isZero();
        assertThat(second.queues().get("sales").answers().answered()).isEqualTo(1);
    }

    @Test
    void onlyTheLatestIntervalsAreKept() {
        CentreStatistics keepingTwo = new CentreStatistics(Centres.standard(), 2);
        timeline.call("c1").arrives(0, "sales").abandons(30);
        timeline.call("c2").arrives(900, "sales").abandons(930);
        timeline.call("c3").arrives(1800, "sales").abandons(1830);
        timeline.playInto(keepingTwo);
        long now = timeline.at(1900);

        assertThat(keepingTwo.intervals(now)).extracting(Figures::from)
                .containsExactly(NINE_AM, NINE_AM + QUARTER);
        assertThat(keepingTwo.interval(NINE_AM - QUARTER, now)).isEmpty();
        assertThat(keepingTwo.snapshot(now).queues().get("sales").abandoned()).isEqualTo(3);
    }

    @Test
    void aChangeOfTheReportIntervalCutsTheIntervalInProgressShort() {
        timeline.call("c1").arrives(0, "sales").abandons(30);
        timeline.call("c2").arrives(620, "sales").abandons(630);
        timeline.add(new Decision.ConfigApplied(timeline.at(660),
                Centres.withSettings(Centres.settings(Duration.ofHours(1)))));
        timeline.call("c3").arrives(700, "sales").abandons(730);
        timeline.playInto(stats);
        long nineEleven = NINE_AM + Duration.ofMinutes(1).toMillis();

        assertThat(stats.intervals(timeline.at(800))).extracting(Figures::from, Figures::to).containsExactly(
                Tuple.tuple(NINE_AM - QUARTER, NINE_AM),
                Tuple.tuple(NINE_AM, nineEleven),
                Tuple.tuple(nineEleven, timeline.at(800)));
    }
}
