package dev.hotline.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    private static Roster shifts(Roster.Shift... shifts) {
        return new Roster.Shifts(List.of(shifts));
    }

    private static Roster.Shift shift(String from, String to, String... agents) {
        return new Roster.Shift("s", LocalTime.parse(from), LocalTime.parse(to), List.of(agents));
    }

    private static long at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toEpochMilli();
    }

    private static String next(Roster roster, String agent, String after, ZoneId zone) {
        long next = roster.nextChange(agent, at(after), zone);
        return next == Long.MAX_VALUE ? "never"
                : java.time.Instant.ofEpochMilli(next).atZone(zone).toOffsetDateTime().toString();
    }

    @Test
    void anAgentIsOnDutyFromTheShiftsStartUntilItsEnd() {
        Roster day = shifts(shift("09:00", "17:00", "1001"));

        assertThat(day.onDuty("1001", FRIDAY.atTime(8, 59))).isFalse();
        assertThat(day.onDuty("1001", FRIDAY.atTime(9, 0))).isTrue();
        assertThat(day.onDuty("1001", FRIDAY.atTime(16, 59))).isTrue();
        assertThat(day.onDuty("1001", FRIDAY.atTime(17, 0))).isFalse();
        assertThat(next(day, "1001", "2026-11-20T08:00+08:00", SHANGHAI)).isEqualTo("2026-11-20T09:00+08:00");
        assertThat(next(day, "1001", "2026-11-20T09:00+08:00", SHANGHAI)).isEqualTo("2026-11-20T17:00+08:00");
        assertThat(next(day, "1001", "2026-11-20T17:00+08:00", SHANGHAI)).isEqualTo("2026-11-21T09:00+08:00");
    }

    @Test
    void aNightShiftRunsOnPastMidnightUntilItsEndTheNextMorning() {
        Roster night = shifts(shift("22:00", "06:00", "1009"));

        assertThat(night.onDuty("1009", FRIDAY.atTime(23, 30))).isTrue();
        assertThat(night.onDuty("1009", FRIDAY.atTime(0, 0))).isTrue();
        assertThat(night.onDuty("1009", FRIDAY.atTime(6, 0))).isFalse();
        assertThat(next(night, "1009", "2026-11-20T22:00+08:00", SHANGHAI)).isEqualTo("2026-11-21T06:00+08:00");
    }

    @Test
    void shiftsThatMeetOrOverlapMakeOneSpellOfDuty() {
        Roster split = shifts(shift("08:00", "12:00", "1001"), shift("12:00", "14:00", "1001"),
                shift("13:00", "16:00", "1001"));

        assertThat(next(split, "1001", "2026-11-20T08:00+08:00", SHANGHAI)).isEqualTo("2026-11-20T16:00+08:00");
    }

    @Test
    void aShiftRoundTheClockNeverChangesAndAnAgentInNoShiftIsNeverOnDuty() {
        // written from 00:00 to 24:00: 24:00 is read as midnight
        Roster allDay = shifts(shift("00:00", "00:00", "1001"));

        assertThat(allDay.onDuty("1001", FRIDAY.atTime(3, 0))).isTrue();
        assertThat(next(allDay, "1001", "2026-11-20T08:00+08:00", SHANGHAI)).isEqualTo("never");
        assertThat(allDay.onDuty("1002", FRIDAY.atTime(3, 0))).isFalse();
        assertThat(next(allDay, "1002", "2026-11-20T08:00+08:00", SHANGHAI)).isEqualTo("never");
    }

    @Test
    void everyAgentIsOnDutyThroughoutWithoutShifts() {
        assertThat(Roster.EVERYONE.onDuty("anyone", FRIDAY.atTime(3, 0))).isTrue();
        assertThat(next(Roster.EVERYONE, "anyone", "2026-11-20T08:00+08:00", SHANGHAI)).isEqualTo("never");
    }

    @Test
    void aShiftBeginningInTheHourTheClocksSkipBeginsAsThatHourEnds() {
        // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST
        Roster early = shifts(shift("02:30", "10:00", "1001"));

        assertThat(next(early, "1001", "2026-03-29T00:00+01:00", BERLIN)).isEqualTo("2026-03-29T03:00+02:00");
        assertThat(next(early, "1001", "2026-03-29T03:00+02:00", BERLIN)).isEqualTo("2026-03-29T10:00+02:00");
    }

    @Test
    void aShiftEndsTheFirstTimeTheClockShowsItsEndAndTheRepeatedHourDoesNotBringItBack() {
        // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, and 02:00-03:00 is read twice
        Roster late = shifts(shift("18:00", "02:30", "1001"));
        Roster night = shifts(shift("02:30", "10:00", "1002"));

        assertThat(next(late, "1001", "2026-10-24T20:00+02:00", BERLIN)).isEqualTo("2026-10-25T02:30+02:00");
        assertThat(late.onDuty("1001", at("2026-10-25T02:15+01:00"), BERLIN)).isFalse();
        assertThat(next(late, "1001", "2026-10-25T02:30+02:00", BERLIN)).isEqualTo("2026-10-25T18:00+01:00");
        assertThat(next(night, "1002", "2026-10-24T20:00+02:00", BERLIN)).isEqualTo("2026-10-25T02:30+02:00");
        assertThat(night.onDuty("1002", at("2026-10-25T02:15+01:00"), BERLIN)).isTrue();
        assertThat(next(night, "1002", "2026-10-25T02:30+02:00", BERLIN)).isEqualTo("2026-10-25T10:00+01:00");
    }

    @Test
    void aShiftOnSomeDaysOfTheWeekIsWorkedOnThoseDaysAndANightShiftBelongsToTheDayItBegins() {
        Roster weekdays = shifts(new Roster.Shift("office", LocalTime.of(9, 0), LocalTime.of(18, 0), List.of("1001"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of()), new Roster.Shift("friday-night",
                LocalTime.of(22, 0), LocalTime.of(6, 0), List.of("1002"), EnumSet.of(DayOfWeek.FRIDAY), List.of()));

        // Friday 18:00 the office closes until Monday 09:00
        assertThat(next(weekdays, "1001", "2026-11-20T18:00+08:00", SHANGHAI)).isEqualTo("2026-11-23T09:00+08:00");
        assertThat(weekdays.onDuty("1001", FRIDAY.plusDays(1).atTime(10, 0))).isFalse();
        // the Friday night shift runs into Saturday morning, and does not begin again until next Friday
        assertThat(weekdays.onDuty("1002", FRIDAY.plusDays(1).atTime(5, 0))).isTrue();
        assertThat(weekdays.onDuty("1002", FRIDAY.atTime(5, 0))).isFalse();
        assertThat(next(weekdays, "1002", "2026-11-21T06:00+08:00", SHANGHAI)).isEqualTo("2026-11-27T22:00+08:00");
    }

    @Test
    void anAgentOnABreakIsOnDutyButOnTheBreakAndItsEndsAreChangesToo() {
        Roster day = shifts(new Roster.Shift("day", LocalTime.of(9, 0), LocalTime.of(18, 0), List.of("1001"),
                EnumSet.allOf(DayOfWeek.class), List.of(new Roster.Break(LocalTime.of(12, 0), LocalTime.of(12, 30),
                "lunch"))), new Roster.Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), List.of("1002"),
                EnumSet.allOf(DayOfWeek.class), List.of(new Roster.Break(LocalTime.of(2, 0), LocalTime.of(2, 15),
                "break"))));

        assertThat(day.breakAt("1001", at("2026-11-20T12:10+08:00"), SHANGHAI)).contains("lunch");
        assertThat(day.onDuty("1001", at("2026-11-20T12:10+08:00"), SHANGHAI)).isTrue();
        assertThat(day.breakAt("1001", at("2026-11-20T12:30+08:00"), SHANGHAI)).isEmpty();
        assertThat(next(day, "1001", "2026-11-20T09:00+08:00", SHANGHAI)).isEqualTo("2026-11-20T12:00+08:00");
        assertThat(next(day, "1001", "2026-11-20T12:00+08:00", SHANGHAI)).isEqualTo("2026-11-20T12:30+08:00");
        assertThat(next(day, "1001", "2026-11-20T12:30+08:00", SHANGHAI)).isEqualTo("2026-11-20T18:00+08:00");
        // a night shift's break after midnight is in the morning after the day it begins
        assertThat(day.breakAt("1002", at("2026-11-21T02:05+08:00"), SHANGHAI)).contains("break");
    }

    @Test
    void aBreakLiesWithinItsShiftsHours() {
        assertThatThrownBy(() -> new Roster.Shift("day", LocalTime.of(9, 0), LocalTime.of(18, 0), List.of("1001"),
                EnumSet.allOf(DayOfWeek.class), List.of(new Roster.Break(LocalTime.of(17, 45), LocalTime.of(18, 15),
                "tea")))).hasMessage("shift day's break 17:45 to 18:15 is not within its hours 09:00 to 18:00");
        Roster.Shift night = new Roster.Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), List.of("1002"));
        assertThat(night.within(new Roster.Break(LocalTime.of(23, 30), LocalTime.of(0, 30), "break"))).isTrue();
        assertThat(night.within(new Roster.Break(LocalTime.of(5, 30), LocalTime.of(6, 30), "break"))).isFalse();
        assertThat(night.within(new Roster.Break(LocalTime.of(21, 0), LocalTime.of(22, 30), "break"))).isFalse();
    }

    @Test
    void aShiftNamesEachAgentOnce() {
        assertThatThrownBy(() -> shift("09:00", "17:00", "1001", "1001"))
                .hasMessage("shift s lists an agent twice: [1001, 1001]");
        assertThatThrownBy(() -> shift("09:00", "17:00")).hasMessage("shift s has no agents");
    }

    /** After-sales' calendar of National Day 2026: closed 1-7 October, Saturday 10 October worked as a Monday. */
    private static final Map<String, OpeningHours> AFTER_SALES = Map.of("after-sales", new OpeningHours(SHANGHAI,
            Map.of(), java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(d -> new OpeningHours.Holiday(
                    LocalDate.of(2026, 10, d), "National Day")).toList(),
            List.of(new OpeningHours.MakeUpDay(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY, "make-up day"))));

    private static Roster.Shift keeping(String name, String from, String to, Set<DayOfWeek> days, String agent) {
        return new Roster.Shift(name, LocalTime.parse(from), LocalTime.parse(to), List.of(agent), days, List.of(),
                Optional.of("after-sales"));
    }

    @Test
    void aShiftThatKeepsAQueuesCalendarIsOffOnItsHolidaysAndWorksAMakeUpSaturdayAsTheWeekdayItStandsFor() {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Roster roster = new Roster.Shifts(List.of(keeping("office", "09:00", "18:00", weekdays, "1001"),
                new Roster.Shift("plain", LocalTime.of(9, 0), LocalTime.of(18, 0), List.of("1002"), weekdays,
                        List.of()))).following(AFTER_SALES);

        // Thursday 1 October, National Day: the shift keeping the calendar is not worked, the plain one is
        assertThat(roster.onDuty("1001", LocalDate.of(2026, 10, 1).atTime(10, 0))).isFalse();
        assertThat(roster.onDuty("1002", LocalDate.of(2026, 10, 1).atTime(10, 0))).isTrue();
        // from the last working day before the holiday to the first after it, over the whole week off
        assertThat(next(roster, "1001", "2026-09-30T18:00+08:00", SHANGHAI)).isEqualTo("2026-10-08T09:00+08:00");
        // Saturday 10 October is worked as a Monday by the one, a day off for the other
        assertThat(roster.onDuty("1001", LocalDate.of(2026, 10, 10).atTime(10, 0))).isTrue();
        assertThat(roster.onDuty("1002", LocalDate.of(2026, 10, 10).atTime(10, 0))).isFalse();
        assertThat(next(roster, "1001", "2026-10-09T18:00+08:00", SHANGHAI)).isEqualTo("2026-10-10T09:00+08:00");
    }

    @Test
    void aNightShiftBegunOnTheEveOfAHolidayRunsIntoItsMorningAndNoneBeginsOnTheHoliday() {
        Roster night = new Roster.Shifts(List.of(keeping("night", "22:00", "06:00",
                EnumSet.allOf(DayOfWeek.class), "1009"))).following(AFTER_SALES);

        assertThat(night.onDuty("1009", LocalDate.of(2026, 10, 1).atTime(5, 0))).isTrue();
        assertThat(night.onDuty("1009", LocalDate.of(2026, 10, 1).atTime(23, 0))).isFalse();
        // the last holiday's night is off; the first after it begins on 8 October
        assertThat(next(night, "1009", "2026-10-01T06:00+08:00", SHANGHAI)).isEqualTo("2026-10-08T22:00+08:00");
    }

    @Test
    void aShiftKeepingAQueueTheConfigurationLacksIsRefusedAndAShiftOffAllYearNeverChanges() {
        Roster.Shifts written = new Roster.Shifts(List.of(keeping("office", "09:00", "18:00",
                EnumSet.of(DayOfWeek.THURSDAY), "1001")));

        assertThatThrownBy(() -> written.following(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shift office keeps the calendar of queue after-sales, which the configuration does not "
                        + "have");
        assertThatThrownBy(() -> written.onDuty("1001", LocalDate.of(2026, 10, 1).atTime(10, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was not given");
        // every day a holiday: the duty never changes (looked for a year and more ahead, not for ever)
        Roster offAllYear = written.following(Map.of("after-sales", new OpeningHours(SHANGHAI, Map.of(),
                java.util.stream.IntStream.range(0, 500).mapToObj(d -> new OpeningHours.Holiday(
                        LocalDate.of(2026, 9, 1).plusDays(d), "closed")).toList())));
        assertThat(next(offAllYear, "1001", "2026-09-01T00:00+08:00", SHANGHAI)).isEqualTo("never");
    }
}
