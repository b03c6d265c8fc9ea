package dev.hotline.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CentreSimulationTest {
    private static final Path CONFIG = Path.of(System.getProperty("hotline.config.dir", "../config"));
    private static final LocalDateTime FRIDAY_EVENING = LocalDateTime.of(2026, 11, 20, 20, 0);

    private static CentreConfig defaultConfig() {
        return ((ConfigResult.Valid) ConfigLoader.load(CONFIG)).config();
    }

    private static TrafficProfile tea(double vipShare, double blacklistedShare) {
        return new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofHours(1)), AgentBehaviour.DEFAULT,
                List.of(new BusinessTraffic("slimming-tea", Optional.empty(), 120,
                        new HandleTime.LogNormal(Duration.ofMinutes(2), Duration.ofMinutes(1)),
                        Optional.of(Duration.ofSeconds(90)), vipShare, blacklistedShare)));
    }

    private static List<Decision> decisions(CentreConfig config, TrafficProfile traffic, long seed) {
        List<Decision> all = new ArrayList<>();
        SimulationResult result = new CentreSimulation(config, traffic, seed).run(all::add);
        assertThat(result.rejectedEvents()).as("events the engine rejected: %s", result.rejectedSamples()).isZero();
        assertThat(result.unfinishedCalls()).as("calls that never ended").isZero();
        return all;
    }

    @Test
    void everyCallerOfTheBusyEveningEndsAndTheFiguresCountEachOfThem() throws Exception {
        CentreConfig config = defaultConfig();
        CentreStatistics stats = new CentreStatistics(config);

        SimulationResult result = new CentreSimulation(config, TrafficFile.load(CONFIG.resolve("traffic.yaml")), 7)
                .run(stats);

        CentreFigures centre = stats.snapshot(result.endMillis()).centre();
        assertThat(result.rejectedEvents()).as("events the engine rejected: %s", result.rejectedSamples()).isZero();
        assertThat(result.unfinishedCalls()).isZero();
        assertThat(centre.inbound()).isEqualTo(result.callsGenerated());
        assertThat(centre.refusedBlacklist()).isEqualTo(result.blacklistedCalls());
        assertThat(centre.calls().waiting()).isZero();
    }

    @Test
    void callersOfAnAdvertisementsBurstDialInTheQuarterHourAfterItAirsInTheCentresZone() {
        // 19:55-20:55 Shanghai time: nobody calls but in the quarter hour after the 20:00 advertisement, 240 an hour
        TrafficProfile burst = new TrafficProfile(FRIDAY_EVENING.minusMinutes(5),
                new ArrivalsEnd.After(Duration.ofHours(1)), AgentBehaviour.DEFAULT,
                List.of(new BusinessTraffic("slimming-tea", Optional.empty(), new ArrivalRate.Daily(new TreeMap<>(Map.of(
                        LocalTime.of(0, 0), 0.0, LocalTime.of(20, 0), 240.0, LocalTime.of(20, 15), 0.0))),
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0.0, 0.0)));

        List<LocalTime> arrivals = decisions(defaultConfig(), burst, 3).stream()
                .filter(d -> d instanceof Decision.CallClassified)
                .map(d -> java.time.Instant.ofEpochMilli(d.at()).atZone(ZoneId.of("Asia/Shanghai")).toLocalTime())
                .toList();

        assertThat(arrivals).hasSizeBetween(60 - 25, 60 + 25).allSatisfy(t -> assertThat(t)
                .isAfterOrEqualTo(LocalTime.of(20, 0)).isBefore(LocalTime.of(20, 15)));
    }

    @Test
    void callersOfAWeeklyRateCallOnTheirDaysInTheCentresZone() {
        // Friday and Saturday: callers on Saturday only, from 10:00 Shanghai time
        Map<java.time.DayOfWeek, java.util.NavigableMap<LocalTime, Double>> byDay = new java.util.EnumMap<>(
                java.time.DayOfWeek.class);
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            byDay.put(day, new TreeMap<>(Map.of(LocalTime.MIDNIGHT, 0.0)));
        }
        byDay.put(java.time.DayOfWeek.SATURDAY, new TreeMap<>(Map.of(LocalTime.MIDNIGHT, 0.0, LocalTime.of(10, 0),
                60.0)));
        TrafficProfile weekend = new TrafficProfile(FRIDAY_EVENING.withHour(0), new ArrivalsEnd.After(
                Duration.ofDays(2)), AgentBehaviour.DEFAULT, List.of(new BusinessTraffic("slimming-tea",
                Optional.empty(), new ArrivalRate.Weekly(byDay), new HandleTime.Exponential(Duration.ofMinutes(1)),
                Optional.empty(), 0.0, 0.0)));

        List<java.time.LocalDateTime> arrivals = decisions(defaultConfig(), weekend, 3).stream()
                .filter(d -> d instanceof Decision.CallClassified)
                .map(d -> java.time.Instant.ofEpochMilli(d.at()).atZone(SHANGHAI).toLocalDateTime()).toList();

        // 14 hours at 60 an hour
        assertThat(arrivals).hasSizeBetween(840 - 90, 840 + 90).allSatisfy(t -> {
            assertThat(t.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
            assertThat(t.toLocalTime()).isAfterOrEqualTo(LocalTime.of(10, 0));
        });
    }

    @Test
    void aRunWhoseCurvesBringNobodyInItsHoursIsRefusedAtTheBusinessTypes() {
        // the evening's rate begins at 22:00, after the run's two hours from 19:55
        TrafficProfile late = new TrafficProfile(FRIDAY_EVENING.minusMinutes(5),
                new ArrivalsEnd.After(Duration.ofHours(2)), AgentBehaviour.DEFAULT,
                List.of(new BusinessTraffic("slimming-tea", Optional.empty(), new ArrivalRate.Daily(new TreeMap<>(Map.of(
                        LocalTime.of(0, 0), 0.0, LocalTime.of(22, 0), 100.0))),
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0.0, 0.0)));

        assertThatThrownBy(() -> new CentreSimulation(defaultConfig(), late, 1)).isInstanceOfSatisfying(
                TrafficMismatch.class, e -> assertThat(e.problems()).containsExactly(new TrafficMismatch.Problem(
                        "businessTypes", "nobody would call: every business type's rate is 0 from 2026-11-20T19:55 "
                        + "for 2h in the centre's zone Asia/Shanghai (a curve's rates hold from their time of day)")));
    }

    @Test
    void callersDrawnFromTheVipListAreRecognisedAsVips() {
        List<Decision> all = decisions(defaultConfig(), tea(0.3, 0.0), 1);

        long vipsClassified = all.stream().filter(d -> d instanceof Decision.CallClassified c && c.vip().isPresent())
                .count();
        long classified = all.stream().filter(d -> d instanceof Decision.CallClassified).count();
        assertThat(vipsClassified).isBetween((long) (0.2 * classified), (long) (0.4 * classified));
    }

    @Test
    void callersDrawnFromTheBlacklistAreRefusedBeforeAnythingElse() {
        CentreConfig config = defaultConfig();
        List<Decision> all = new ArrayList<>();
        SimulationResult result = new CentreSimulation(config, tea(0.0, 0.3), 1).run(all::add);

        long refused = all.stream().filter(d -> d instanceof Decision.CallRefused r
                && r.cause() == Decision.RefusalCause.BLACKLISTED).count();
        assertThat(result.blacklistedCalls()).isPositive();
        assertThat(refused).isEqualTo(result.blacklistedCalls());
    }

    @Test
    void callersAClosedQueueSendsToAnIvrFlowLeaveTheQueueOverflowedAndEndInTheFlow() {
        // 22:00 on a Friday: after-sales (the general enquiries' queue too) is closed, its treatment the tv-shopping flow
        TrafficProfile lateEnquiries = new TrafficProfile(LocalDateTime.of(2026, 11, 20, 22, 0),
                new ArrivalsEnd.After(Duration.ofMinutes(30)), AgentBehaviour.DEFAULT,
                List.of(new BusinessTraffic("general-enquiry", Optional.empty(), 60,
                        new HandleTime.LogNormal(Duration.ofMinutes(2), Duration.ofMinutes(1)), Optional.empty(), 0,
                        0)));
        CentreConfig config = defaultConfig();
        CentreStatistics stats = new CentreStatistics(config);

        SimulationResult result = new CentreSimulation(config, lateEnquiries, 3).run(stats);

        assertThat(result.unfinishedCalls()).isZero();
        assertThat(result.callsGenerated()).isPositive();
        var afterSales = stats.snapshot(result.endMillis()).queues().get("after-sales");
        assertThat(afterSales.overflowed()).isEqualTo(result.callsGenerated());
        assertThat(afterSales.waiting()).isZero();
    }

    @Test
    void callersStopDiallingWhenTheTrafficPeriodIsOverAndTheCallsInProgressArePlayedOut() {
        CentreSimulation simulation = new CentreSimulation(defaultConfig(), tea(0.0, 0.0), 2);
        List<Decision> all = new ArrayList<>();
        SimulationResult result = simulation.run(all::add);

        long end = simulation.startMillis() + Duration.ofHours(1).toMillis();
        assertThat(all).filteredOn(d -> d instanceof Decision.CallClassified).allMatch(d -> d.at() < end);
        assertThat(result.endMillis()).isGreaterThanOrEqualTo(end);
        assertThat(result.endMillis()).isEqualTo(all.getLast().at());
    }

    @Test
    void theLastCallsOfARunGetTheirWrapUpSoTheHandlingTimeIsNotShort() {
        // a few calls of a quiet spell: every answered call of sales-health has the queue's 30 s of wrap-up
        TrafficProfile quiet = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofSeconds(30)),
                AgentBehaviour.DEFAULT, List.of(new BusinessTraffic("slimming-tea", Optional.empty(), 600,
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)));
        CentreConfig config = defaultConfig();
        CentreStatistics stats = new CentreStatistics(config);

        SimulationResult result = new CentreSimulation(config, quiet, 1).run(stats);

        var answers = stats.snapshot(result.endMillis()).queues().get("sales-health").answers();
        assertThat(answers.answered()).isPositive();
        assertThat(answers.ahtMillis().orElseThrow() - answers.averageTalkMillis().orElseThrow())
                .as("wrap-up per answered call, ms").isCloseTo(30_000.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void callersSoRareThatNoneCallsInThePeriodNeverCallAndTheSimulationEnds() {
        TrafficProfile rare = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofHours(1)),
                AgentBehaviour.DEFAULT, List.of(new BusinessTraffic("slimming-tea", Optional.empty(), 1e-300,
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)));

        SimulationResult result = new CentreSimulation(defaultConfig(), rare, 1).run(d -> { });

        assertThat(result.callsGenerated()).isZero();
    }

    @Test
    void aStreamOfMoreCallsAMillisecondThanTheClockCanSpaceOutStillArrivesAtItsRate() {
        // 36 million calls an hour is 10 a millisecond: 10,000 in one second, +- 100 (one standard deviation)
        TrafficProfile flood = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofSeconds(1)),
                AgentBehaviour.DEFAULT, List.of(new BusinessTraffic("slimming-tea", Optional.empty(), 36_000_000,
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)));

        SimulationResult result = new CentreSimulation(defaultConfig(), flood, 3).run(d -> { });

        assertThat(result.callsGenerated()).isBetween(9_600L, 10_400L);
    }

    @Test
    void callersArriveAtTheConfiguredRate() {
        // 120 calls an hour for 10 hours: Poisson, so 1,200 +- 35 (one standard deviation); 150 is over four
        TrafficProfile tenHours = new TrafficProfile(FRIDAY_EVENING.minusHours(9),
                new ArrivalsEnd.After(Duration.ofHours(10)), AgentBehaviour.DEFAULT, tea(0, 0).businessTypes());

        SimulationResult result = new CentreSimulation(defaultConfig(), tenHours, 5).run(d -> { });

        assertThat(result.callsGenerated()).isBetween(1_050L, 1_350L);
    }

    @Test
    void anOfferAnAgentLetsRingOutGoesBackToTheQueueAndTheAgentReturnsAfterAPause() {
        SingleQueueScenario queue = new SingleQueueScenario(5, 3.0, Duration.ofMinutes(2), Duration.ofSeconds(20),
                2_000, Optional.empty());
        AgentBehaviour sloppy = new AgentBehaviour(Duration.ZERO, Duration.ofSeconds(2), 0.2, Duration.ofSeconds(30));
        TrafficProfile traffic = new TrafficProfile(queue.traffic().start(), queue.traffic().arrivalsEnd(), sloppy,
                queue.traffic().businessTypes());
        List<Decision> all = new ArrayList<>();

        SimulationResult result = new CentreSimulation(queue.centreConfig(), traffic, 9).run(all::add);

        assertThat(result.ringNoAnswers()).isPositive();
        assertThat(all).filteredOn(d -> d instanceof Decision.CallRequeued).hasSize((int) result.ringNoAnswers());
        Map<String, Long> rangOutAt = new HashMap<>();
        int returns = 0;
        for (Decision d : all) {
            if (d instanceof Decision.AgentStateChanged s && s.from() == AgentState.RESERVED
                    && s.to() == AgentState.NOT_READY) {
                rangOutAt.put(s.agentId(), s.at());
            } else if (d instanceof Decision.AgentStateChanged s && s.from() == AgentState.NOT_READY
                    && s.to() == AgentState.READY && rangOutAt.containsKey(s.agentId())) {
                assertThat(s.at() - rangOutAt.remove(s.agentId())).isEqualTo(30_000);
                returns++;
            }
        }
        assertThat(returns).isEqualTo(result.ringNoAnswers());
        assertThat(all).filteredOn(d -> d instanceof Decision.CallEnded).hasSize(2_000);
        assertThat(result.unfinishedCalls()).isZero();
        assertThat(result.rejectedEvents()).as("rejected: %s", result.rejectedSamples()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameDecisionsInTheSameOrder() {
        CentreConfig config = defaultConfig();

        assertThat(decisions(config, tea(0.05, 0.05), 11)).isEqualTo(decisions(config, tea(0.05, 0.05), 11));
        assertThat(decisions(config, tea(0.05, 0.05), 12)).isNotEqualTo(decisions(config, tea(0.05, 0.05), 11));
    }

    @Test
    void vipTrafficNeedsVipsInTheConfiguration() {
        SingleQueueScenario queue = new SingleQueueScenario(2, 1.0, Duration.ofMinutes(2), Duration.ofSeconds(20),
                10, Optional.empty());
        BusinessTraffic withVips = new BusinessTraffic("calls", Optional.empty(), 30,
                new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0.1, 0.0);
        TrafficProfile traffic = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.AfterCalls(10),
                AgentBehaviour.DEFAULT, List.of(withVips));

        assertThatThrownBy(() -> new CentreSimulation(queue.centreConfig(), traffic, 1))
                .hasMessage("businessTypes.calls.vipShare: is 0.1 but the configuration lists no VIP callers");
    }

    @Test
    void agentsWhoTakeLongerToPickUpThanTheRingTimeoutAreRefused() {
        AgentBehaviour slow = new AgentBehaviour(Duration.ZERO, Duration.ofSeconds(15), 0.0, Duration.ofSeconds(30));
        TrafficProfile traffic = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofHours(1)), slow,
                tea(0, 0).businessTypes());

        assertThatThrownBy(() -> new CentreSimulation(defaultConfig(), traffic, 1))
                .hasMessage("agents.ringDelay.max: 15s is not below queue sales-health's ring timeout 15s: agents "
                        + "would never answer in time (use agents.noAnswerProbability for ring-no-answers)");
    }

    @Test
    void aStartTheClocksSkipInTheCentresZoneIsRefusedNotMovedByAnHour() {
        CentreConfig china = defaultConfig();
        CentreSettings s = china.settings();
        CentreConfig berlin = new CentreConfig(new CentreSettings(ZoneId.of("Europe/Berlin"), s.reportInterval(),
                s.shortAbandon(), s.busyPrompt(), s.defaultBusinessType()), china.numbers(), china.businessTypes(),
                china.queues(), china.groups(), china.agents(), china.blacklist(), china.vipPolicy(), china.vips());
        TrafficProfile springForward = new TrafficProfile(LocalDateTime.of(2026, 3, 29, 2, 30),
                new ArrivalsEnd.After(Duration.ofHours(1)), AgentBehaviour.DEFAULT, tea(0, 0).businessTypes());

        assertThatThrownBy(() -> new CentreSimulation(berlin, springForward, 1))
                .isInstanceOf(TrafficMismatch.class)
                .hasMessage("start: 2026-03-29T02:30 does not exist in the centre's zone Europe/Berlin: the clocks go"
                        + " forward then (write 2026-03-29T03:30, the same moment)");
    }

    @Test
    void aBusinessTypeReachedOnlyThroughAPatternNeedsItsNumberInTheTraffic() {
        CentreConfig patternOnly = withNumbers(defaultConfig(), r -> !(r.businessType().equals("knife-set")
                && r.kind() == MatchKind.EXACT));

        assertThatThrownBy(() -> new CentreSimulation(patternOnly, traffic("knife-set"), 1))
                .hasMessage("businessTypes.knife-set.number: is needed, because no exact number or prefix of the "
                        + "number plan leads to business type knife-set");
    }

    @Test
    void aBusinessTypeReachedThroughAPrefixIsDialledOnANumberOfThatPrefix() {
        CentreConfig prefixOnly = withNumbers(defaultConfig(), r -> !(r.businessType().equals("skincare-set")
                && r.kind() == MatchKind.EXACT));

        List<Decision> all = decisions(prefixOnly, traffic("skincare-set"), 1);

        assertThat(all).filteredOn(d -> d instanceof Decision.CallClassified).isNotEmpty()
                .allSatisfy(d -> {
                    Decision.CallClassified c = (Decision.CallClassified) d;
                    assertThat(c.dialledNumber()).startsWith("40080020");
                    assertThat(c.businessType()).isEqualTo("skincare-set");
                });
    }

    @Test
    void aNumberInTheTrafficThatTheNumberPlanRoutesToAnotherBusinessIsAProblemNotAnotherQueuesDemand() {
        TrafficProfile traffic = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofHours(1)),
                AgentBehaviour.DEFAULT, List.of(
                        new BusinessTraffic("knife-set", Optional.of("4008001001"), 30,
                                new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0),
                        new BusinessTraffic("slimming-tea", Optional.of("4008001001"), 30,
                                new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)));

        assertThatThrownBy(() -> new CentreSimulation(defaultConfig(), traffic, 1))
                .isInstanceOfSatisfying(TrafficMismatch.class, e -> assertThat(e.problems()).containsExactly(
                        new TrafficMismatch.Problem("businessTypes.knife-set.number", "4008001001 leads to business "
                                + "type slimming-tea in numbers.yaml, not to knife-set")));
    }

    @Test
    void everyMismatchIsSaidAtOnce() {
        SingleQueueScenario queue = new SingleQueueScenario(2, 1.0, Duration.ofMinutes(2), Duration.ofSeconds(20),
                10, Optional.empty());
        TrafficProfile traffic = new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.AfterCalls(10),
                AgentBehaviour.DEFAULT, List.of(
                        new BusinessTraffic("calls", Optional.empty(), 30,
                                new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0.1, 0.1),
                        new BusinessTraffic("coffee", Optional.empty(), 30,
                                new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)));

        assertThatThrownBy(() -> new CentreSimulation(queue.centreConfig(), traffic, 1))
                .isInstanceOfSatisfying(TrafficMismatch.class, e -> assertThat(e.problems())
                        .extracting(TrafficMismatch.Problem::path).containsExactly("businessTypes.calls.vipShare",
                                "businessTypes.calls.blacklistedShare", "businessTypes.coffee"));
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static long shanghai(int hour, int minute) {
        return FRIDAY_EVENING.withHour(hour).withMinute(minute).atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    private static List<String> allAgents() {
        return defaultConfig().agents().stream().map(a -> a.id()).toList();
    }

    private static Roster.Shift shift(String name, LocalTime from, LocalTime to, List<String> agents) {
        return new Roster.Shift(name, from, to, agents);
    }

    private static TrafficProfile busyHour(LocalDateTime start, Roster roster) {
        return new TrafficProfile(start, new ArrivalsEnd.After(Duration.ofHours(1)), AgentBehaviour.DEFAULT,
                List.of(new BusinessTraffic("slimming-tea", Optional.empty(), 240,
                        new HandleTime.LogNormal(Duration.ofMinutes(4), Duration.ofMinutes(2)),
                        Optional.of(Duration.ofMinutes(3)), 0, 0)), roster);
    }

    @Test
    void agentsWhoseShiftEndsDuringACallFinishItAndItsWrapUpThenLogOutAndTakeNoMoreCalls() {
        Roster evening = new Roster.Shifts(List.of(shift("evening", LocalTime.of(19, 0), LocalTime.of(20, 30),
                allAgents())));
        long end = shanghai(20, 30);

        List<Decision> all = decisions(defaultConfig(), busyHour(FRIDAY_EVENING, evening), 5);

        assertThat(all).filteredOn(d -> d instanceof Decision.CallOffered && d.at() >= end).isEmpty();
        List<Decision.AgentStateChanged> logouts = all.stream().filter(d -> d instanceof Decision.AgentStateChanged s
                && s.to() == AgentState.LOGGED_OUT).map(d -> (Decision.AgentStateChanged) d).toList();
        assertThat(logouts).extracting(Decision.AgentStateChanged::agentId)
                .containsExactlyInAnyOrderElementsOf(allAgents());
        assertThat(logouts).allSatisfy(l -> assertThat(l.at()).isGreaterThanOrEqualTo(end));
        // on a call at 20:30: logged out at the end of its wrap-up, the wrap-up whole
        assertThat(logouts).anySatisfy(l -> {
            assertThat(l.at()).isGreaterThan(end);
            assertThat(l.from()).isEqualTo(AgentState.WRAP_UP);
            assertThat(l.reason()).startsWith("logged out after the call (wrap-up over");
        });
        // in wrap-up at 20:30: logged out as it ends (a millisecond early, before the next offer), not cut short
        Map<String, Long> wrapUpSince = new HashMap<>();
        for (Decision d : all) {
            if (d instanceof Decision.AgentStateChanged s && s.to() == AgentState.WRAP_UP) {
                wrapUpSince.put(s.agentId(), s.at());
            } else if (d instanceof Decision.AgentStateChanged s && s.from() == AgentState.WRAP_UP
                    && s.to() == AgentState.LOGGED_OUT) {
                assertThat(s.at() - wrapUpSince.get(s.agentId())).as("agent %s's wrap-up", s.agentId())
                        .isBetween(29_999L, 30_000L);
            }
        }
        // callers after the last agent left meet the queue's treatment for no agents
        assertThat(all).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Decision.CallTreated.class, t -> {
            assertThat(t.at()).isGreaterThan(end);
            assertThat(t.cause()).isEqualTo(TreatmentCause.NO_AGENTS);
        }));
    }

    @Test
    void callersBeforeTheFirstShiftMeetTheNoAgentTreatmentAndTheShiftsAgentsAnswerTheLaterOnes() {
        Roster late = new Roster.Shifts(List.of(shift("late", LocalTime.of(20, 30), LocalTime.of(2, 0),
                allAgents())));
        long begins = shanghai(20, 30);

        List<Decision> all = decisions(defaultConfig(), busyHour(FRIDAY_EVENING, late), 5);

        assertThat(all).filteredOn(d -> d instanceof Decision.CallTreated t && t.cause() == TreatmentCause.NO_AGENTS)
                .isNotEmpty().allSatisfy(d -> assertThat(d.at()).isLessThan(begins));
        assertThat(all).filteredOn(d -> d instanceof Decision.CallAnswered).isNotEmpty()
                .allSatisfy(d -> assertThat(d.at()).isGreaterThanOrEqualTo(begins));
        assertThat(all).filteredOn(d -> d instanceof Decision.AgentStateChanged s && s.from() == AgentState.LOGGED_OUT)
                .hasSize(allAgents().size()).allSatisfy(d -> assertThat(d.at()).isEqualTo(begins));
    }

    @Test
    void anAgentWhoseNextShiftBeginsBeforeTheCallInHandEndsStaysOnDuty() {
        // a minute between the two shifts, four-minute calls: most agents are on a call across the gap
        Roster split = new Roster.Shifts(List.of(shift("first", LocalTime.of(19, 0), LocalTime.of(20, 20),
                allAgents()), shift("second", LocalTime.of(20, 21), LocalTime.of(23, 0), allAgents())));
        long gapEnds = shanghai(20, 21);

        List<Decision> all = decisions(defaultConfig(), busyHour(FRIDAY_EVENING, split), 5);

        // one in wrap-up may log out at its end and in again at once; nobody stays away
        Map<String, Long> loggedOutSince = new HashMap<>();
        for (Decision d : all) {
            if (d instanceof Decision.AgentStateChanged s && s.to() == AgentState.LOGGED_OUT) {
                loggedOutSince.put(s.agentId(), s.at());
            } else if (d instanceof Decision.AgentStateChanged s && s.from() == AgentState.LOGGED_OUT) {
                Long since = loggedOutSince.remove(s.agentId());
                assertThat(since == null || since < gapEnds || since.equals(s.at()))
                        .as("agent %s logged out at %s, in again at %s", s.agentId(), since, s.at()).isTrue();
            }
        }
        assertThat(loggedOutSince.values()).allSatisfy(at -> assertThat(at).isLessThanOrEqualTo(gapEnds));
        assertThat(all).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Decision.CallAnswered.class,
                a -> assertThat(a.at()).isGreaterThan(gapEnds)));
    }

    @Test
    void theRostersChangesAfterTheLastCallAreAppliedToTheRunsEnd() {
        // callers only from 08:00 to 08:30; the early shift leaves at 10:00, the late one works 11:00 to 12:00
        Roster roster = new Roster.Shifts(List.of(shift("early", LocalTime.of(8, 0), LocalTime.of(10, 0),
                List.of("1001", "1003")), shift("late", LocalTime.of(11, 0), LocalTime.of(12, 0), List.of("1004"))));
        TrafficProfile morning = new TrafficProfile(FRIDAY_EVENING.withHour(8), new ArrivalsEnd.After(
                Duration.ofHours(4)), AgentBehaviour.DEFAULT, List.of(new BusinessTraffic("slimming-tea",
                Optional.empty(), new ArrivalRate.Daily(new TreeMap<>(Map.of(LocalTime.of(0, 0), 0.0,
                LocalTime.of(8, 0), 20.0, LocalTime.of(8, 30), 0.0))), new HandleTime.Exponential(
                Duration.ofMinutes(1)), Optional.empty(), 0, 0)), roster);
        CentreStatistics stats = new CentreStatistics(defaultConfig());

        SimulationResult result = new CentreSimulation(defaultConfig(), morning, 2).run(stats);

        assertThat(result.endMillis()).isEqualTo(shanghai(12, 0));
        // 2 agents for 2 hours and 1 for 1 hour: 5 agent-hours, the calls long over by 10:00
        assertThat(stats.snapshot(result.endMillis()).centre().agentTime().loggedInMillis())
                .isEqualTo(5 * 3_600_000L);
    }

    @Test
    void agentsOnTheirShiftsBreakAreOfferedNoCallAndTakeItInFullThoughACallDelaysIt() {
        Roster tea = new Roster.Shifts(List.of(new Roster.Shift("evening", LocalTime.of(19, 0), LocalTime.of(23, 0),
                allAgents(), java.util.EnumSet.allOf(java.time.DayOfWeek.class), List.of(new Roster.Break(
                LocalTime.of(20, 15), LocalTime.of(20, 30), "tea")))));
        long begins = shanghai(20, 15);
        long ends = shanghai(20, 30);
        long quarter = 15 * 60_000L;

        List<Decision> all = decisions(defaultConfig(), busyHour(FRIDAY_EVENING, tea), 5);

        assertThat(all).filteredOn(d -> d instanceof Decision.CallOffered && d.at() >= begins && d.at() < ends)
                .isEmpty();
        // READY agents at once; one on a call after it and its wrap-up; each for the whole quarter hour
        Map<String, Long> breakSince = new HashMap<>();
        Map<String, Long> breakTaken = new HashMap<>();
        for (Decision d : all) {
            if (d instanceof Decision.AgentStateChanged s && s.reason().equals("tea")) {
                assertThat(s.at()).isGreaterThanOrEqualTo(begins);
                breakSince.put(s.agentId(), s.at());
            } else if (d instanceof Decision.AgentStateChanged s && s.from() == AgentState.NOT_READY
                    && breakSince.containsKey(s.agentId())) {
                breakTaken.put(s.agentId(), s.at() - breakSince.remove(s.agentId()));
            }
        }
        assertThat(breakTaken).hasSize(allAgents().size()).allSatisfy((agent, took) ->
                assertThat(took).as("agent %s's break", agent).isEqualTo(quarter));
        assertThat(breakSince).isEmpty();
        assertThat(all).filteredOn(d -> d instanceof Decision.CallOffered && d.at() >= ends).isNotEmpty();
    }

    @Test
    void aBreakDelayedIntoTheNextIsFollowedByItEachInFull() {
        Roster twoBreaks = new Roster.Shifts(List.of(new Roster.Shift("evening", LocalTime.of(19, 0),
                LocalTime.of(23, 0), allAgents(), java.util.EnumSet.allOf(java.time.DayOfWeek.class), List.of(
                new Roster.Break(LocalTime.of(20, 15), LocalTime.of(20, 20), "tea"),
                new Roster.Break(LocalTime.of(20, 20), LocalTime.of(20, 25), "stretch")))));
        long fiveMinutes = 5 * 60_000L;

        List<Decision> all = decisions(defaultConfig(), busyHour(FRIDAY_EVENING, twoBreaks), 5);

        // per agent: the reason it went not ready with, and when; each break five minutes, stretch right after tea
        Map<String, List<Decision.AgentStateChanged>> changes = new HashMap<>();
        all.stream().filter(d -> d instanceof Decision.AgentStateChanged).map(d -> (Decision.AgentStateChanged) d)
                .forEach(c -> changes.computeIfAbsent(c.agentId(), a -> new ArrayList<>()).add(c));
        assertThat(changes.keySet()).containsExactlyInAnyOrderElementsOf(allAgents());
        changes.forEach((agent, list) -> {
            List<Decision.AgentStateChanged> breaks = list.stream().filter(c -> c.reason().equals("tea")
                    || c.reason().equals("stretch")).toList();
            assertThat(breaks).as("agent %s's breaks", agent).extracting(Decision.AgentStateChanged::reason)
                    .containsExactly("tea", "stretch");
            assertThat(breaks.get(1).at() - breaks.get(0).at()).as("agent %s's tea", agent).isEqualTo(fiveMinutes);
            int afterStretch = list.indexOf(breaks.get(1)) + 1;
            assertThat(list.get(afterStretch).to()).isEqualTo(AgentState.READY);
            assertThat(list.get(afterStretch).at() - breaks.get(1).at()).as("agent %s's stretch", agent)
                    .isEqualTo(fiveMinutes);
        });
    }

    @Test
    void aShiftNamingAnAgentTheConfigurationLacksIsAMismatchAndAgentsInNoShiftAreNoted() {
        Roster roster = new Roster.Shifts(List.of(shift("evening", LocalTime.of(19, 0), LocalTime.of(23, 0),
                List.of("1001", "2001", "2002", "2003", "2004", "2005", "2006", "2007"))));
        String has = " is not in agents.yaml (it has 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010 and 2 "
                + "more)";

        // each at its item, the first five; the others counted
        assertThatThrownBy(() -> new CentreSimulation(defaultConfig(), busyHour(FRIDAY_EVENING, roster), 1))
                .isInstanceOfSatisfying(TrafficMismatch.class, e -> assertThat(e.problems()).containsExactly(
                        new TrafficMismatch.Problem("agents.shifts.evening.agents[1]", "agent 2001" + has),
                        new TrafficMismatch.Problem("agents.shifts.evening.agents[2]", "agent 2002" + has),
                        new TrafficMismatch.Problem("agents.shifts.evening.agents[3]", "agent 2003" + has),
                        new TrafficMismatch.Problem("agents.shifts.evening.agents[4]", "agent 2004" + has),
                        new TrafficMismatch.Problem("agents.shifts.evening.agents[5]", "agent 2005" + has),
                        new TrafficMismatch.Problem("agents.shifts.evening.agents", "2 more agents of shift evening "
                                + "are not in agents.yaml either")));
        Roster few = new Roster.Shifts(List.of(shift("evening", LocalTime.of(19, 0), LocalTime.of(23, 0),
                allAgents().subList(0, 11))));
        assertThat(new CentreSimulation(defaultConfig(), busyHour(FRIDAY_EVENING, few), 1).notes())
                .containsExactly("agent 1012 is in no shift of agents.shifts and stays logged out throughout");
        assertThat(new CentreSimulation(defaultConfig(), busyHour(FRIDAY_EVENING, Roster.EVERYONE), 1).notes())
                .isEmpty();
    }

    @Test
    void aShiftWrittenTwiceAndABreakAsLongAsItsShiftAreNoted() {
        java.util.Set<java.time.DayOfWeek> daily = java.util.EnumSet.allOf(java.time.DayOfWeek.class);
        Roster roster = new Roster.Shifts(List.of(shift("evening", LocalTime.of(19, 0), LocalTime.of(23, 0),
                allAgents()), shift("again", LocalTime.of(19, 0), LocalTime.of(23, 0), allAgents().reversed()),
                new Roster.Shift("training", LocalTime.of(9, 0), LocalTime.of(12, 0), List.of("1001"), daily,
                        List.of(new Roster.Break(LocalTime.of(9, 0), LocalTime.of(12, 0), "training")))));

        assertThat(new CentreSimulation(defaultConfig(), busyHour(FRIDAY_EVENING, roster), 1).notes()).containsExactly(
                "shift again is shift evening written again (the same hours, days, breaks and agents): its agents "
                        + "work it once",
                "shift training's break 09:00 to 12:00 is the whole shift: its agents are logged in and take no call "
                        + "in it");
    }

    @Test
    void aRosterThatLeavesAQueueOrTheWholeRunWithoutAgentsIsNoted() {
        // 1002 serves vip, sales-beauty and after-sales: not the slimming tea's sales-health
        List<String> rest = allAgents().stream().filter(a -> !a.equals("1002")).toList();
        Roster wrongTeam = new Roster.Shifts(List.of(shift("evening", LocalTime.of(19, 0), LocalTime.of(23, 0),
                List.of("1002")), shift("morning", LocalTime.of(8, 0), LocalTime.of(12, 0), rest)));
        Roster wrongTimes = new Roster.Shifts(List.of(shift("morning", LocalTime.of(8, 0), LocalTime.of(12, 0),
                allAgents())));

        assertThat(new CentreSimulation(defaultConfig(), busyHour(FRIDAY_EVENING, wrongTeam), 1).notes())
                .containsExactly("queue sales-health: no agent of its groups (sales-health) is on duty during the run "
                        + "(from 2026-11-20T20:00 for 1h in the centre's zone Asia/Shanghai): its callers meet its "
                        + "treatment for no agents (its closed treatment while it is closed), or wait for an "
                        + "escalation step's groups");
        assertThat(new CentreSimulation(defaultConfig(), busyHour(FRIDAY_EVENING, wrongTimes), 1).notes())
                .containsExactly("no agent of agents.shifts is on duty during the run (from 2026-11-20T20:00 for 1h "
                        + "in the centre's zone Asia/Shanghai): every caller meets the queues' treatment for no agents");
    }

    /** An hour of after-sales calls from 10:00 on Saturday 10 October 2026, a make-up working day of its queue. */
    private static TrafficProfile makeUpSaturday(Roster roster) {
        return new TrafficProfile(LocalDateTime.of(2026, 10, 10, 10, 0), new ArrivalsEnd.After(Duration.ofHours(1)),
                AgentBehaviour.DEFAULT, List.of(new BusinessTraffic("after-sales", Optional.empty(), 30,
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)), roster);
    }

    private static Roster officeHours(Optional<String> calendar) {
        return new Roster.Shifts(List.of(new Roster.Shift("office", LocalTime.of(9, 0), LocalTime.of(21, 0),
                allAgents(), java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                List.of(), calendar)));
    }

    private static long answeredAfterSales(Roster roster) {
        CentreConfig config = defaultConfig();
        CentreStatistics stats = new CentreStatistics(config);
        SimulationResult result = new CentreSimulation(config, makeUpSaturday(roster), 1).run(stats);
        return stats.snapshot(result.endMillis()).queues().get("after-sales").answers().answered();
    }

    @Test
    void onAMakeUpSaturdayAWeekdayShiftKeepingTheQueuesCalendarIsWorkedAndOneWithoutItIsNoted() {
        Roster keeping = officeHours(Optional.of("after-sales"));
        Roster byWeekday = officeHours(Optional.empty());

        assertThat(new CentreSimulation(defaultConfig(), makeUpSaturday(keeping), 1).notes()).isEmpty();
        assertThat(answeredAfterSales(keeping)).isPositive();
        assertThat(new CentreSimulation(defaultConfig(), makeUpSaturday(byWeekday), 1).notes()).containsExactly(
                "no agent of agents.shifts is on duty during the run (from 2026-10-10T10:00 for 1h in the centre's "
                        + "zone Asia/Shanghai): every caller meets the queues' treatment for no agents",
                "queue after-sales keeps make-up working day 2026-10-10 (Sat, Monday's hours) during the run, and no "
                        + "shift keeps its calendar: shifts are worked by the day of the week alone, so a make-up day "
                        + "is staffed as its own weekday, unless the shifts that follow the queue say calendar: "
                        + "after-sales");
        assertThat(answeredAfterSales(byWeekday)).isZero();
    }

    @Test
    void aShiftKeepingTheCalendarOfAQueueTheConfigurationLacksIsAMismatch() {
        assertThatThrownBy(() -> new CentreSimulation(defaultConfig(), makeUpSaturday(officeHours(
                Optional.of("aftersales"))), 1)).isInstanceOfSatisfying(TrafficMismatch.class,
                e -> assertThat(e.problems()).containsExactly(new TrafficMismatch.Problem(
                        "agents.shifts.office.calendar", "queue aftersales is not in queues.yaml (it has "
                        + "sales-health, sales-home, sales-beauty, after-sales): a shift keeps the "
                        + "holidays and make-up days of a queue")));
    }

    private static TrafficProfile traffic(String businessType) {
        return new TrafficProfile(FRIDAY_EVENING, new ArrivalsEnd.After(Duration.ofHours(1)), AgentBehaviour.DEFAULT,
                List.of(new BusinessTraffic(businessType, Optional.empty(), 30,
                        new HandleTime.Exponential(Duration.ofMinutes(2)), Optional.empty(), 0, 0)));
    }

    private static CentreConfig withNumbers(CentreConfig c, Predicate<NumberRoute> keep) {
        return new CentreConfig(c.settings(), c.numbers().stream().filter(keep).toList(), c.businessTypes(),
                c.queues(), c.groups(), c.agents(), c.blacklist(), c.vipPolicy(), c.vips());
    }
}
