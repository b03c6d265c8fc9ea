package dev.hotline.acd.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a queue takes calls: open periods per day of the week in the queue's time zone, and holidays on which it is
 * closed all day. Evaluated in the queue's zone, so a centre serving several regions can run one queue per zone.
 *
 * @param zone     the time zone the periods and holidays are written in
 * @param weekly   open periods per day; a day that is absent is closed
 * @param holidays whole days closed, whatever the weekly periods say
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, List<Holiday> holidays) {

    /** Open around the clock, every day. */
    public static OpeningHours always(ZoneId zone) {
        Map<DayOfWeek, List<Period>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, List.of(new Period(LocalTime.MIN, LocalTime.MAX)));
        }
        return new OpeningHours(zone, all, List.of());
    }

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        weekly = java.util.Collections.unmodifiableMap(copy);
        holidays = List.copyOf(holidays);
    }

    /** Whether the queue is open at the instant {@code epochMillis}. */
    public boolean isOpenAt(long epochMillis) {
        ZonedDateTime local = Instant.ofEpochMilli(epochMillis).atZone(zone);
        if (holiday(local.toLocalDate()).isPresent()) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (Period p : weekly.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (p.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /** The holiday on {@code date}, if there is one. */
    public Optional<Holiday> holiday(LocalDate date) {
        for (Holiday h : holidays) {
            if (h.date().equals(date)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** An open period within one day: from {@code opens} (inclusive) to {@code closes} (exclusive; MAX = midnight). */
    public record Period(LocalTime opens, LocalTime closes) {
        public Period {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("closes " + closes + " is not after opens " + opens);
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(opens) && (t.isBefore(closes) || closes.equals(LocalTime.MAX));
        }
    }

    /** A day the queue is closed, with its name for reports ("Spring Festival"). */
    public record Holiday(LocalDate date, String name) {
        public Holiday {
            Objects.requireNonNull(date, "date");
            name = name == null ? "" : name;
        }
    }
}
