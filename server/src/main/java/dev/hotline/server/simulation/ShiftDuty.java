package dev.hotline.server.simulation;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One agent's duty over the week, made by the shifts that list them: for each day, off, working or on a break from
 * each listed time until the next (the first at 00:00), as {@link Roster.Shifts} reads it.
 */
final class ShiftDuty {
    /** Minutes in a day on the wall clock. */
    static final int MINUTES_A_DAY = 24 * 60;
    /** An agent's status in a minute of the week: off duty, working, or on the break of code 2 and above. */
    static final int OFF = 0;
    static final int WORKING = 1;
    static final int FIRST_BREAK = 2;

    private final Map<DayOfWeek, NavigableMap<LocalTime, Integer>> byDay;
    /** The reason of each break code, from {@link #FIRST_BREAK} on. */
    private final List<String> reasons;
    /** Every time of day at which the duty of some day may change, 00:00 included: the boundaries to look at. */
    private final NavigableSet<LocalTime> changeTimes;
    private final boolean constant;

    private ShiftDuty(Map<DayOfWeek, NavigableMap<LocalTime, Integer>> byDay, List<String> reasons) {
        this.byDay = byDay;
        this.reasons = List.copyOf(reasons);
        TreeSet<LocalTime> times = new TreeSet<>();
        byDay.values().forEach(day -> times.addAll(day.keySet()));
        this.changeTimes = Collections.unmodifiableNavigableSet(times);
        this.constant = times.size() == 1 && byDay.values().stream().map(d -> d.firstEntry().getValue())
                .distinct().count() == 1;
    }

    /** The duty the {@code shifts} make together. */
    static ShiftDuty of(List<Roster.Shift> shifts) {
        int[][] week = new int[7][MINUTES_A_DAY];
        Map<String, Integer> codes = new HashMap<>();
        shifts.forEach(s -> s.cover(week, codes));
        List<String> reasons = new ArrayList<>(Collections.nCopies(codes.size(), ""));
        codes.forEach((reason, code) -> reasons.set(code - FIRST_BREAK, reason));
        Map<DayOfWeek, NavigableMap<LocalTime, Integer>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            int[] minutes = week[day.getValue() - 1];
            NavigableMap<LocalTime, Integer> from = new TreeMap<>();
            for (int minute = 0; minute < MINUTES_A_DAY; minute++) {
                if (minute == 0 || minutes[minute] != minutes[minute - 1]) {
                    from.put(LocalTime.ofSecondOfDay(minute * 60L), minutes[minute]);
                }
            }
            byDay.put(day, Collections.unmodifiableNavigableMap(from));
        }
        return new ShiftDuty(byDay, reasons);
    }

    /** {@link #OFF}, {@link #WORKING} or a break's code at {@code time}. */
    int at(LocalDateTime time) {
        return byDay.get(time.getDayOfWeek()).floorEntry(time.toLocalTime()).getValue();
    }

    /** The reason of a break's code; empty for off and working. */
    Optional<String> breakReason(int code) {
        return code >= FIRST_BREAK ? Optional.of(reasons.get(code - FIRST_BREAK)) : Optional.empty();
    }

    NavigableSet<LocalTime> changeTimes() {
        return changeTimes;
    }

    /** The same every minute of the week: the duty never changes. */
    boolean constant() {
        return constant;
    }
}
