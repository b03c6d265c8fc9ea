package dev.hotline.server.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One agent's duty, made by the shifts that list them: off, working or on a break at each wall-clock date and time,
 * as {@link Roster.Shifts} reads it. A shift covers the minutes from its start on a day it is worked to its end,
 * past midnight into the next day; which days are worked is the weekday's, or its calendar's (holidays off, make-up
 * days worked as the weekday they stand for), so the duty is read from the shifts for each date, not from one week.
 */
final class ShiftDuty {
    /** Minutes in a day on the wall clock. */
    static final int MINUTES_A_DAY = 24 * 60;
    /** An agent's status in a minute: off duty, working, or on the break of code 2 and above. */
    static final int OFF = 0;
    static final int WORKING = 1;
    static final int FIRST_BREAK = 2;
    /** A Monday, from which a week of days is read to tell whether a duty by the weekday alone ever changes. */
    private static final LocalDate A_MONDAY = LocalDate.of(2024, 1, 1);

    private final List<Roster.Shift> shifts;
    /** The code of each break reason, from {@link #FIRST_BREAK} on, in the order the shifts give them. */
    private final Map<String, Integer> codes;
    private final List<String> reasons;
    /** Every time of day at which the duty of some day may change, 00:00 included: the boundaries to look at. */
    private final NavigableSet<LocalTime> changeTimes;
    private final boolean followsCalendar;
    private final boolean constant;

    private ShiftDuty(List<Roster.Shift> shifts) {
        this.shifts = List.copyOf(shifts);
        Map<String, Integer> codes = new LinkedHashMap<>();
        TreeSet<LocalTime> times = new TreeSet<>(List.of(LocalTime.MIDNIGHT));
        for (Roster.Shift s : this.shifts) {
            times.add(s.from());
            times.add(s.to());
            for (Roster.Break b : s.breaks()) {
                codes.putIfAbsent(b.reason(), codes.size() + FIRST_BREAK);
                times.add(b.from());
                times.add(b.to());
            }
        }
        this.codes = Collections.unmodifiableMap(codes);
        this.reasons = List.copyOf(codes.keySet());
        this.changeTimes = Collections.unmodifiableNavigableSet(times);
        this.followsCalendar = this.shifts.stream().anyMatch(s -> s.calendar().isPresent());
        this.constant = !followsCalendar && sameAllWeek();
    }

    /** The duty the {@code shifts} make together. */
    static ShiftDuty of(List<Roster.Shift> shifts) {
        return new ShiftDuty(shifts);
    }

    /**
     * {@link #OFF}, {@link #WORKING} or a break's code at {@code time}. {@code workedAs} says as which weekday a shift
     * works a date (null: not at all, a holiday of its calendar). Of two shifts that overlap, the one that works wins
     * over a break, and a break over nothing.
     */
    int at(LocalDateTime time, BiFunction<Roster.Shift, LocalDate, DayOfWeek> workedAs) {
        LocalTime clock = time.toLocalTime();
        int minute = clock.getHour() * 60 + clock.getMinute();
        LocalDate today = time.toLocalDate();
        int status = OFF;
        for (Roster.Shift s : shifts) {
            int code = code(s, minute, workedAs.apply(s, today));
            if (code == OFF) {
                // begun the day before and still running past midnight
                code = code(s, minute + MINUTES_A_DAY, workedAs.apply(s, today.minusDays(1)));
            }
            if (code == WORKING) {
                return WORKING;
            }
            if (status == OFF) {
                status = code;
            }
        }
        return status;
    }

    /** What shift {@code s} makes of the minute {@code minute} after midnight of a day worked as {@code day}. */
    private int code(Roster.Shift s, int minute, DayOfWeek day) {
        if (day == null || !s.days().contains(day)) {
            return OFF;
        }
        int since = minute - Roster.minuteOf(s.from());
        if (since < 0 || since >= s.length()) {
            return OFF;
        }
        for (Roster.Break b : s.breaks()) {
            int start = s.sinceStart(b.from());
            if (since >= start && since < start + Roster.Shift.length(b)) {
                return codes.get(b.reason());
            }
        }
        return WORKING;
    }

    /** Whether, read by the weekday alone, the duty is the same at every boundary of every day of the week. */
    private boolean sameAllWeek() {
        List<Integer> seen = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            for (LocalTime t : changeTimes) {
                seen.add(at(A_MONDAY.plusDays(d).atTime(t), (s, date) -> date.getDayOfWeek()));
            }
        }
        return seen.stream().distinct().count() == 1;
    }

    /** The reason of a break's code; empty for off and working. */
    Optional<String> breakReason(int code) {
        return code >= FIRST_BREAK ? Optional.of(reasons.get(code - FIRST_BREAK)) : Optional.empty();
    }

    NavigableSet<LocalTime> changeTimes() {
        return changeTimes;
    }

    /** Whether some shift of the duty keeps a calendar: its changes may then be weeks apart (a long holiday). */
    boolean followsCalendar() {
        return followsCalendar;
    }

    /** The same every minute of every day: the duty never changes. */
    boolean constant() {
        return constant;
    }
}
