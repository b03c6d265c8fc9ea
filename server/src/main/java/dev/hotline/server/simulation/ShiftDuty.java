package dev.hotline.server.simulation;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One agent's duty over the week, made by the shifts that list them: for each day, on or off from each listed time
 * until the next (the first at 00:00), as {@link Roster.Shifts} reads it.
 */
final class ShiftDuty {
    private final Map<DayOfWeek, NavigableMap<LocalTime, Boolean>> byDay;
    /** Every time of day at which the duty of some day may change, 00:00 included: the boundaries to look at. */
    private final NavigableSet<LocalTime> changeTimes;
    private final boolean constant;

    private ShiftDuty(Map<DayOfWeek, NavigableMap<LocalTime, Boolean>> byDay) {
        this.byDay = byDay;
        TreeSet<LocalTime> times = new TreeSet<>();
        byDay.values().forEach(day -> times.addAll(day.keySet()));
        this.changeTimes = Collections.unmodifiableNavigableSet(times);
        this.constant = times.size() == 1 && byDay.values().stream().map(d -> d.firstEntry().getValue())
                .distinct().count() == 1;
    }

    /** The duty the {@code shifts} make together. */
    static ShiftDuty of(List<Roster.Shift> shifts) {
        boolean[][] week = new boolean[7][Roster.MINUTES_A_DAY];
        shifts.forEach(s -> s.cover(week));
        Map<DayOfWeek, NavigableMap<LocalTime, Boolean>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean[] minutes = week[day.getValue() - 1];
            NavigableMap<LocalTime, Boolean> from = new TreeMap<>();
            for (int minute = 0; minute < Roster.MINUTES_A_DAY; minute++) {
                if (minute == 0 || minutes[minute] != minutes[minute - 1]) {
                    from.put(LocalTime.ofSecondOfDay(minute * 60L), minutes[minute]);
                }
            }
            byDay.put(day, Collections.unmodifiableNavigableMap(from));
        }
        return new ShiftDuty(byDay);
    }

    boolean at(LocalDateTime time) {
        return byDay.get(time.getDayOfWeek()).floorEntry(time.toLocalTime()).getValue();
    }

    NavigableSet<LocalTime> changeTimes() {
        return changeTimes;
    }

    /** On (or off) every minute of the week: the duty never changes. */
    boolean constant() {
        return constant;
    }
}
