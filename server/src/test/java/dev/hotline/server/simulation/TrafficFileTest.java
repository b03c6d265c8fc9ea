package dev.hotline.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficFileTest {
    private static final String TEA = """
            start: 2026-11-20T19:30
            duration: 2h
            agents:
              ringDelay: {min: 1s, max: 4s}
              noAnswerProbability: 0.02
              notReadyPause: 45s
            businessTypes:
              slimming-tea:
                callsPerHour: 600
                number: "4008001001"
                handleTime: {distribution: lognormal, mean: 150s, sd: 60s}
                patience: 60s
                vipShare: 0.02
                blacklistedShare: 0.01
              after-sales:
                erlangs: 5
                handleTime: {distribution: exponential, mean: 4m}
            """;

    @TempDir
    Path dir;

    @Test
    void aTrafficFileDescribesEachBusinessTypesCallersAndHowAgentsAnswer() throws Exception {
        TrafficProfile p = TrafficFile.load(write(TEA));

        assertThat(p.start()).isEqualTo(LocalDateTime.of(2026, 11, 20, 19, 30));
        assertThat(p.arrivalsEnd()).isEqualTo(new ArrivalsEnd.After(Duration.ofHours(2)));
        assertThat(p.agents()).isEqualTo(new AgentBehaviour(Duration.ofSeconds(1), Duration.ofSeconds(4), 0.02,
                Duration.ofSeconds(45)));
        assertThat(p.businessTypes()).first().isEqualTo(new BusinessTraffic("slimming-tea",
                Optional.of("4008001001"), 600, new HandleTime.LogNormal(Duration.ofSeconds(150),
                Duration.ofSeconds(60)), Optional.of(Duration.ofSeconds(60)), 0.02, 0.01));
    }

    @Test
    void trafficInErlangsBecomesCallsPerHourThroughTheMeanHandleTime() throws Exception {
        BusinessTraffic afterSales = TrafficFile.load(write(TEA)).businessTypes().get(1);

        // 5 E / 4 min = 75 calls an hour
        assertThat(((ArrivalRate.Constant) afterSales.rate()).callsPerHour()).isCloseTo(75.0, within(1e-9));
        assertThat(afterSales.dialledNumber()).isEmpty();
        assertThat(afterSales.patience()).isEmpty();
        assertThat(afterSales.vipShare()).isZero();
    }

    @Test
    void aRateByTimeOfDayHoldsEachRateFromItsTimeAndErlangsBecomeCallsPerHour() throws Exception {
        TrafficProfile p = TrafficFile.load(write(TEA.replace("callsPerHour: 600",
                "callsPerHour: {00:00: 20, 20:00: 400, 20:10: 120, 8:00: 60}").replace("erlangs: 5",
                "erlangs: {19:00: 1, 20:00: 4}")));

        ArrivalRate.Daily tea = (ArrivalRate.Daily) p.businessTypes().get(0).rate();
        assertThat(tea.callsPerHourFrom()).containsExactly(entry(LocalTime.of(0, 0), 20.0),
                entry(LocalTime.of(8, 0), 60.0), entry(LocalTime.of(20, 0), 400.0), entry(LocalTime.of(20, 10), 120.0));
        ArrivalRate.Daily afterSales = (ArrivalRate.Daily) p.businessTypes().get(1).rate();
        assertThat(afterSales.callsPerHourAt(LocalTime.of(19, 30))).isCloseTo(15.0, within(1e-9)); // 1 E / 4 min
        assertThat(afterSales.callsPerHourAt(LocalTime.of(3, 0))).isCloseTo(60.0, within(1e-9));  // 4 E, past midnight
    }

    @Test
    void aRateByTimeOfDayNeedsTimesOfDayEachOnceAndRatesOfZeroOrMore() throws Exception {
        Path f = write(TEA.replace("callsPerHour: 600",
                "callsPerHour: {'24:00': 1, noon: 2, 08:00: 3, '8:00': 4, 09:00: -1}").replace("erlangs: 5",
                "erlangs: {}"));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.getMessage().lines()).containsExactly(
                        f + ":9:20: businessTypes.slimming-tea.callsPerHour.24:00: '24:00' is not a time of day "
                                + "(write HH:MM from 00:00 to 23:59, e.g. 20:00): each rate holds from its time until "
                                + "the next one",
                        f + ":9:32: businessTypes.slimming-tea.callsPerHour.noon: 'noon' is not a time of day (write "
                                + "HH:MM from 00:00 to 23:59, e.g. 20:00): each rate holds from its time until the "
                                + "next one",
                        f + ":9:51: businessTypes.slimming-tea.callsPerHour.8:00: '8:00' is the time '08:00' gives "
                                + "already (line 9)",
                        f + ":9:69: businessTypes.slimming-tea.callsPerHour.09:00: must be a number >= 0, got the "
                                + "number -1",
                        f + ":16:14: businessTypes.after-sales.erlangs: a rate by time of day needs at least one "
                                + "time, e.g. {00:00: 10, 20:00: 300}"));
    }

    @Test
    void aRateIsAPlainNumberOrAMapOfTimesAndIsGivenAValue() throws Exception {
        Path f = write(TEA.replace("callsPerHour: 600", "callsPerHour: 1_000").replace("erlangs: 5",
                "erlangs: [1, 2]\n    callsPerHour:"));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.getMessage().lines()).containsExactly(
                        f + ":9:19: businessTypes.slimming-tea.callsPerHour: must be a number of 0 or more written "
                                + "plainly (like 120 or 2.5), got the number 1_000",
                        f + ":17:18: businessTypes.after-sales.callsPerHour: callsPerHour has no value: give a number "
                                + "of calls an hour of 0 or more, or a map of times of day to such numbers ({00:00: "
                                + "10, 20:00: 300}: each from its time until the next)"));

        Path g = write(TEA.replace("erlangs: 5", "erlangs: [1, 2]"));
        assertThatThrownBy(() -> TrafficFile.load(g)).hasMessage(g + ":16:14: businessTypes.after-sales.erlangs: "
                + "must be a number of Erlangs of 0 or more, or a map of times of day to such numbers ({00:00: 10, "
                + "20:00: 300}: each from its time until the next), got a list");
    }

    @Test
    void trafficInWhichEveryRateIsZeroIsRefusedAtTheBusinessTypes() throws Exception {
        Path f = write(TEA.replace("callsPerHour: 600", "callsPerHour: {00:00: 0, 22:00: 0}")
                .replace("erlangs: 5", "erlangs: 0"));

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f + ":8:3: businessTypes: nobody would call: every "
                + "business type's rate is 0");
    }

    @Test
    void withoutAnAgentsSectionAgentsAnswerWithinThreeSeconds() throws Exception {
        TrafficProfile p = TrafficFile.load(write(TEA.replaceAll("(?s)agents:.*?businessTypes:", "businessTypes:")));

        assertThat(p.agents()).isEqualTo(AgentBehaviour.DEFAULT);
    }

    @Test
    void aMisspelledKeyIsNamedWithTheKeysThatAreKnown() throws Exception {
        Path f = write(TEA.replace("patience: 60s", "patiense: 60s"));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOf(TrafficFileException.class)
                .hasMessage(f + ":12:5: businessTypes.slimming-tea.patiense: unknown key 'patiense' (known: "
                        + "callsPerHour, erlangs, number, handleTime, patience, vipShare, blacklistedShare)");
    }

    @Test
    void aDurationWithoutUnitIsRefusedWithItsKeyAndValue() throws Exception {
        Path f = write(TEA.replace("duration: 2h", "duration: 120"));

        assertThatThrownBy(() -> TrafficFile.load(f))
                .hasMessage(f + ":2:11: duration: '120' has no unit: write 120s, 120m or 120h");
    }

    @Test
    void aShareAboveOneIsRefused() throws Exception {
        Path f = write(TEA.replace("vipShare: 0.02", "vipShare: 2"));

        assertThatThrownBy(() -> TrafficFile.load(f))
                .hasMessage(f + ":13:15: businessTypes.slimming-tea.vipShare: must be a fraction within 0..1, got "
                        + "the number 2");
    }

    @Test
    void moreCallsOfOneBusinessTypeThanASimulatorRunTakesIsRefusedAtItsRate() throws Exception {
        Path f = write(TEA.replace("callsPerHour: 600", "callsPerHour: 1e12"));

        assertThatThrownBy(() -> TrafficFile.load(f))
                .hasMessage(f + ":9:19: businessTypes.slimming-tea.callsPerHour: 1.000e+12 calls an hour for 2h make"
                        + " about 2,000,000,000,000 calls, more than the simulator takes of one business type in a run"
                        + " (100,000,000): lower callsPerHour or the duration");
    }

    @Test
    void moreCallsOfAllBusinessTypesTogetherThanASimulatorRunTakesIsRefused() throws Exception {
        // 60,000,000 calls each in two hours: each within the cap, both together not
        Path f = write(TEA.replace("callsPerHour: 600", "callsPerHour: 3e7").replace("erlangs: 5",
                "callsPerHour: 3e7"));

        assertThatThrownBy(() -> TrafficFile.load(f))
                .hasMessage(f + ":8:3: businessTypes: the business types make about 120,000,000 calls in 2h together, "
                        + "more than the simulator takes in a run (100,000,000): lower their calls or the duration");
    }

    @Test
    void aBusinessTypeNeedsEitherCallsPerHourOrErlangsNotBoth() throws Exception {
        Path f = write(TEA.replace("erlangs: 5", "erlangs: 5\n    callsPerHour: 75"));

        assertThatThrownBy(() -> TrafficFile.load(f))
                .hasMessage(f + ":16:5: businessTypes.after-sales: give exactly one of callsPerHour and erlangs");
    }

    @Test
    void anUnknownHandleTimeDistributionIsNamed() throws Exception {
        Path f = write(TEA.replace("distribution: exponential", "distribution: gamma"));

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f
                + ":17:32: businessTypes.after-sales.handleTime.distribution: must be exponential or lognormal, got "
                + "'gamma'");
    }

    @Test
    void aRingDelayMaximumBelowItsMinimumIsRefused() throws Exception {
        Path f = write(TEA.replace("{min: 1s, max: 4s}", "{min: 5s, max: 4s}"));

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f + ":4:29: agents.ringDelay.max: 4s is below min 5s");
    }

    @Test
    void aMissingStartIsNamed() throws Exception {
        Path f = write(TEA.replace("start: 2026-11-20T19:30\n", ""));

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f + ":1:1: missing required key 'start'");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws Exception {
        Path f = write("start: [2026\nduration: 2h\n");

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f + ":2:9: YAML syntax error: expected ',' or ']', "
                + "but got : (while parsing a flow sequence that starts at line 1)");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnceInLineOrder() throws Exception {
        Path f = write(TEA.replace("duration: 2h", "duration: 120").replace("callsPerHour: 600", "callsPerHour: -5")
                .replace("distribution: exponential", "distribution: gamma"));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e -> {
            assertThat(e.problems()).extracting(p -> p.line() + " " + p.path()).containsExactly(
                    "2 duration", "9 businessTypes.slimming-tea.callsPerHour",
                    "17 businessTypes.after-sales.handleTime.distribution");
            assertThat(e.getMessage().lines()).hasSize(3)
                    .contains(f + ":9:19: businessTypes.slimming-tea.callsPerHour: must be a number >= 0, got the "
                            + "number -5");
        });
    }

    @Test
    void aProblemFoundAfterLoadingIsPlacedAtItsKeyOrItsDeepestWrittenParent() throws Exception {
        Path f = write(TEA);

        assertThat(TrafficFile.problemAt(f, "businessTypes.slimming-tea.vipShare", "is 0.02 but ...").toString())
                .isEqualTo(f + ":13:5: businessTypes.slimming-tea.vipShare: is 0.02 but ...");
        assertThat(TrafficFile.problemAt(f, "businessTypes.after-sales.number", "is needed").toString())
                .isEqualTo(f + ":15:3: businessTypes.after-sales.number: is needed");
        assertThat(TrafficFile.problemAt(dir.resolve("gone.yaml"), "agents.ringDelay.max", "too slow").toString())
                .isEqualTo(dir.resolve("gone.yaml") + ": agents.ringDelay.max: too slow");
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f + ": no such file");
    }

    @Test
    void shiftsSayWhichAgentsAreOnDutyFromWhenUntilWhenEveryDay() throws Exception {
        TrafficProfile p = TrafficFile.load(write(withShifts("""
                    day: {from: 09:00, to: 20:15, agents: ["1001", 1002]}
                    evening: {from: "20:00", to: 24:00, agents: ["1003"]}
                """)));

        Roster.Shifts shifts = (Roster.Shifts) p.roster();
        assertThat(shifts.shifts()).containsExactly(
                new Roster.Shift("day", LocalTime.of(9, 0), LocalTime.of(20, 15), List.of("1001", "1002")),
                new Roster.Shift("evening", LocalTime.of(20, 0), LocalTime.MIDNIGHT, List.of("1003")));
        assertThat(shifts.onDuty("1003", LocalDateTime.of(2026, 11, 20, 23, 59))).isTrue();
        assertThat(shifts.onDuty("1003", LocalDateTime.of(2026, 11, 20, 0, 0))).isFalse();
        assertThat(TrafficFile.load(write(TEA)).roster()).isEqualTo(Roster.EVERYONE);
    }

    @Test
    void aShiftsDaysAreWrittenAsQueuesWeeklyHoursAreAndEveryDayIsTheDefault() throws Exception {
        TrafficProfile p = TrafficFile.load(write(withShifts("""
                    office: {from: 09:00, to: 18:00, days: mon-fri, agents: ["1001"]}
                    weekend: {from: 10:00, to: 16:00, days: [sat, sun], agents: ["1002"]}
                    daily: {from: 10:00, to: 16:00, days: daily, agents: ["1003"]}
                """)));

        assertThat(((Roster.Shifts) p.roster()).shifts()).extracting(Roster.Shift::days).containsExactly(
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY),
                java.util.EnumSet.allOf(java.time.DayOfWeek.class));

        Path f = write(withShifts("""
                    office: {from: 09:00, to: 18:00, days: fri-mon, agents: ["1001"]}
                    weekend: {from: 10:00, to: 16:00, days: [sat, sunday], agents: ["1002"]}
                    twice: {from: 10:00, to: 16:00, days: [mon-fri, daily], agents: ["1003"]}
                    shouted: {from: 10:00, to: 16:00, days: Sat, agents: ["1004"]}
                """));
        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> ConfigProblemText.of(p2) + ": " + p2.message())
                        .containsExactly("8:44 agents.shifts.office.days: day range 'fri-mon' runs past Sunday: "
                                        + "ranges go from mon towards sun, so write it as two, fri-sun and mon",
                                "9:51 agents.shifts.weekend.days[1]: unknown day 'sunday' (write mon, tue, wed, thu, "
                                        + "fri, sat, sun, a range like mon-fri, or daily)",
                                "10:53 agents.shifts.twice.days[1]: mon is already given by 'mon-fri'",
                                "11:45 agents.shifts.shouted.days: unknown day 'Sat' (write mon, tue, wed, thu, fri, "
                                        + "sat, sun, a range like mon-fri, or daily)"));
    }

    @Test
    void aShiftsBreaksAreTimesWithinItsHoursWithAReason() throws Exception {
        TrafficProfile p = TrafficFile.load(write(withShifts("""
                    day:
                      from: 09:00
                      to: 18:00
                      agents: ["1001"]
                      breaks: [{from: 12:00, to: 12:30, reason: lunch}, {from: 15:00, to: 15:15}]
                """)));

        assertThat(((Roster.Shifts) p.roster()).shifts().getFirst().breaks()).containsExactly(
                new Roster.Break(LocalTime.of(12, 0), LocalTime.of(12, 30), "lunch"),
                new Roster.Break(LocalTime.of(15, 0), LocalTime.of(15, 15), "break"));

        Path f = write(withShifts("""
                    day:
                      from: 09:00
                      to: 18:00
                      agents: ["1001"]
                      breaks: [{from: 17:45, to: 18:15}, {from: 12:00, to: 12:00}, {from: 13:00}]
                """));
        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> ConfigProblemText.of(p2) + ": " + p2.message())
                        .containsExactly("12:16 agents.shifts.day.breaks[0]: the break 17:45 to 18:15 is not within "
                                        + "the shift's hours, 09:00 to 18:00",
                                "12:60 agents.shifts.day.breaks[1].to: is the time the break begins: a break from "
                                        + "12:00 to 12:00 has no length",
                                "12:68 agents.shifts.day.breaks[2]: missing required key 'to'"));
    }

    @Test
    void aShiftsBreaksAreCheckedWhateverElseIsWrongAndMayNotOverlapOrGoWithoutAReason() throws Exception {
        Path f = write(withShifts("""
                    day:
                      from: 09:00
                      to: 18:00
                      days: [funday]
                      agents: ["1001"]
                      breaks: [{from: 12:00, to: 12:30, paid: yes}, {from: 12:15, to: 12:45}, {from: 15:00, to: 15:15},
                               {from: 16:00, to: 16:10, reason: }, {from: 17:00, to: 17:05, reason: no answer}]
                """));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> ConfigProblemText.of(p2) + ": " + p2.message())
                        .containsExactly("11:14 agents.shifts.day.days[0]: unknown day 'funday' (write mon, tue, wed, "
                                        + "thu, fri, sat, sun, a range like mon-fri, or daily)",
                                "13:41 agents.shifts.day.breaks[0].paid: unknown key 'paid' (known: from, to, reason)",
                                "13:53 agents.shifts.day.breaks[1]: the break 12:15 to 12:45 overlaps the break 12:00 "
                                        + "to 12:30",
                                "14:48 agents.shifts.day.breaks[3].reason: 'reason' needs a value",
                                "14:85 agents.shifts.day.breaks[4].reason: 'no answer' is the engine's reason for an "
                                        + "agent who let an offer ring out: a break under it could not be told from "
                                        + "those in the figures"));
    }

    @Test
    void aRateMayDifferByDayOfTheWeekEveryDayGivenOnce() throws Exception {
        TrafficProfile p = TrafficFile.load(write(TEA.replace("callsPerHour: 600",
                "callsPerHour: {mon-fri: {00:00: 10, 20:00: 400}, sat: 30, sun: {10:00: 50}}")));

        ArrivalRate.Weekly tea = (ArrivalRate.Weekly) p.businessTypes().get(0).rate();
        assertThat(tea.callsPerHourAt(LocalDateTime.of(2026, 11, 20, 20, 30))).isEqualTo(400.0);   // a Friday
        assertThat(tea.callsPerHourAt(LocalDateTime.of(2026, 11, 21, 20, 30))).isEqualTo(30.0);    // Saturday
        // Sunday before its first time: Saturday's rate runs on
        assertThat(tea.callsPerHourAt(LocalDateTime.of(2026, 11, 22, 9, 0))).isEqualTo(30.0);
        assertThat(tea.callsPerHourAt(LocalDateTime.of(2026, 11, 22, 11, 0))).isEqualTo(50.0);

        Path f = write(TEA.replace("callsPerHour: 600", "callsPerHour: {mon-fri: 10, fri: 20, sun: 5}"));
        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> p2.path() + ": " + p2.message()).containsExactly(
                        "businessTypes.slimming-tea.callsPerHour: gives no rate for sat: a rate by day of the week "
                                + "needs every day (0 for a day nobody calls)",
                        "businessTypes.slimming-tea.callsPerHour.fri: fri is already given by 'mon-fri'"));
        Path bad = write(TEA.replace("callsPerHour: 600", "callsPerHour: {mon-fri: -1, fri: 20, sun: {10:00: -2, "
                + "10:00: 3}}"));
        assertThatThrownBy(() -> TrafficFile.load(bad)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> p2.path()).containsExactly(
                        "businessTypes.slimming-tea.callsPerHour",
                        "businessTypes.slimming-tea.callsPerHour.mon-fri",
                        "businessTypes.slimming-tea.callsPerHour.fri",
                        "businessTypes.slimming-tea.callsPerHour.sun.10:00",
                        "businessTypes.slimming-tea.callsPerHour.sun.10:00"));
        Path mixed = write(TEA.replace("callsPerHour: 600", "callsPerHour: {00:00: 10, wed-sun: 20}"));
        assertThatThrownBy(() -> TrafficFile.load(mixed)).hasMessageEndingWith("callsPerHour.wed-sun: 'wed-sun' is "
                + "not a time of day (write HH:MM from 00:00 to 23:59, e.g. 20:00): each rate holds from its time "
                + "until the next one; a rate by day of the week has days for every key, not times and days mixed");
        Path g = write(TEA.replace("callsPerHour: 600", "callsPerHour: {mon-fri: 10, sun: 5}"));
        assertThatThrownBy(() -> TrafficFile.load(g)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> p2.path() + ": " + p2.message()).containsExactly(
                        "businessTypes.slimming-tea.callsPerHour: gives no rate for sat: a rate by day of the week "
                                + "needs every day (0 for a day nobody calls)"));
    }

    @Test
    void aShiftMayKeepTheCalendarOfAQueueNamedByItsId() throws Exception {
        TrafficProfile p = TrafficFile.load(write(withShifts("""
                    office: {from: 09:00, to: 18:00, days: mon-fri, calendar: after-sales, agents: ["1001"]}
                    shop: {from: 09:00, to: 18:00, agents: ["1002"]}
                """)));

        assertThat(((Roster.Shifts) p.roster()).shifts()).extracting(Roster.Shift::calendar)
                .containsExactly(Optional.of("after-sales"), Optional.empty());

        Path f = write(withShifts("""
                    office: {from: 09:00, to: 18:00, calendar: , agents: ["1001"]}
                    shop: {from: 09:00, to: 18:00, calendar: [after-sales], agents: ["1002"]}
                """));
        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p2 -> ConfigProblemText.of(p2) + ": " + p2.message())
                        .containsExactly("8:47 agents.shifts.office.calendar: 'calendar' needs a value",
                                "9:46 agents.shifts.shop.calendar: expected text, got a list"));
    }

    @Test
    void everyWrongShiftIsSaidAtItsKey() throws Exception {
        Path f = write(withShifts("""
                    early: {from: 24:00, to: 8:00, agents: ["1001"]}
                    same: {from: 08:00, to: 08:00, agents: ["1001"]}
                    nobody: {from: 08:00, to: 12:00, agents: []}
                    twice: {from: 08:00, to: 12:00, agents: ["1001", "1002", "1001"]}
                    late: {from: 20:00, until: 23:00, agents: ["1001"]}
                """));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.path() + ": "
                        + p.message()).containsExactly(
                        "8:19 agents.shifts.early.from: must be a time of day HH:MM from 00:00 to 23:59 (wall-clock "
                                + "time in centre.yaml's zone), got the text '24:00'",
                        "9:29 agents.shifts.same.to: is the time the shift begins: a shift from 08:00 to 08:00 has "
                                + "no length (for duty round the clock write from 00:00 to 24:00)",
                        "10:46 agents.shifts.nobody.agents: must list the ids of the agents who work the shift, e.g. "
                                + "[\"1001\", \"1002\"], got an empty list",
                        "11:62 agents.shifts.twice.agents[2]: agent 1001 is listed twice in this shift (line 11)",
                        "12:11 agents.shifts.late: missing required key 'to'",
                        "12:25 agents.shifts.late.until: unknown key 'until' (known: from, to, agents, days, breaks, calendar)"));
    }

    @Test
    void shiftsWithoutAnyShiftAreRefusedRatherThanReadAsNobodyOnDuty() throws Exception {
        Path f = write(TEA.replace("  notReadyPause: 45s\n", "  notReadyPause: 45s\n  shifts: {}\n"));

        assertThatThrownBy(() -> TrafficFile.load(f)).hasMessage(f + ":7:11: agents.shifts: must be a map of shift "
                + "names to {from, to, agents}, e.g. evening: {from: 19:00, to: 23:00, agents: [\"1001\", \"1002\"]} "
                + "(leave the key out for every agent on duty throughout), got an empty map");
    }

    @Test
    void aProblemFoundLaterAboutAShiftsAgentIsPlacedAtThatAgentsItem() throws Exception {
        Path f = write(withShifts("""
                    day: {from: 09:00, to: 17:00, agents: ["1001", "9999"]}
                """));

        assertThat(TrafficFile.problemAt(f, "agents.shifts.day.agents[1]", "agent 9999 is not in agents.yaml"))
                .hasToString(f + ":8:52: agents.shifts.day.agents[1]: agent 9999 is not in agents.yaml");
        assertThat(TrafficFile.problemAt(f, "agents.shifts.day.agents[7]", "?").line()).as("no such item: its list")
                .isEqualTo(8);
    }

    @Test
    void aShiftOfNoLengthIsSaidBesideItsOtherProblemsAndAShiftNeedsAName() throws Exception {
        Path f = write(withShifts("""
                    b: {from: 09:00, to: 09:00, agents: []}
                    "": {from: 09:00, to: 10:00, agents: ["1001"]}
                """));

        assertThatThrownBy(() -> TrafficFile.load(f)).isInstanceOfSatisfying(TrafficFileException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblemText::of).containsExactly(
                        "8:26 agents.shifts.b.to",
                        "8:41 agents.shifts.b.agents",
                        "9:9 agents.shifts."));
    }

    /** TEA with these lines of agents.shifts (written indented under it) after its agents' other settings. */
    private static String withShifts(String shifts) {
        return TEA.replace("  notReadyPause: 45s\n", "  notReadyPause: 45s\n  shifts:\n" + shifts);
    }

    /** A problem's place and key, for tests about which problems are said. */
    private static final class ConfigProblemText {
        static String of(dev.hotline.server.config.ConfigProblem p) {
            return p.line() + ":" + p.column() + " " + p.path();
        }
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("traffic.yaml"), yaml);
    }
}
