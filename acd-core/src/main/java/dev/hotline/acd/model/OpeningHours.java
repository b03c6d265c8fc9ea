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
 * When a queue takes calls: open periods per day of the week in the queue's time zone, holidays on which it is closed
 * all day, and make-up working days that keep another weekday's hours (China's 调休: when a public holiday is
 * stretched over a weekend, a Saturday or Sunday nearby is worked as a weekday). Evaluated in the queue's zone, so a
 * centre serving several regions can run one queue per zone.
 *
 * @param zone       the time zone the periods and holidays are written in
 * @param weekly     open periods per day; a day that is absent is closed
 * @param holidays   whole days closed, whatever the weekly periods say
 * @param makeUpDays days open with the periods of another weekday instead of their own; never also a holiday
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, List<Holiday> holidays,
                           List<MakeUpDay> makeUpDays) {

    /** Open around the clock, every day. */
    public static OpeningHours always(ZoneId zone) {
        Map<DayOfWeek, List<Period>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, List.of(new Period(LocalTime.MIN, LocalTime.MAX)));
        }
        return new OpeningHours(zone, all, List.of(), List.of());
    }

    /** Hours without make-up working days. */
    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, List<Holiday> holidays) {
        this(zone, weekly, holidays, List.of());
    }

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        weekly = java.util.Collections.unmodifiableMap(copy);
        holidays = List.copyOf(holidays);
        // an older journal's hours have no make-up days
        makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
        for (MakeUpDay day : makeUpDays) {
            holidays.stream().filter(h -> h.date().equals(day.date())).findFirst().ifPresent(h -> {
                throw new IllegalArgumentException(day.date() + " is both a holiday and a make-up working day");
            });
        }
    }

    /** Whether the queue is open at the instant {@code epochMillis}. */
    public boolean isOpenAt(long epochMillis) {
        ZonedDateTime local = Instant.ofEpochMilli(epochMillis).atZone(zone);
        LocalTime time = local.toLocalTime();
        for (Period p : periodsOn(local.toLocalDate())) {
            if (p.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the queue takes no calls at {@code epochMillis}: "holiday: " and its name (or "holiday" when it has none),
     * or "outside its opening hours"; empty when it is open.
     */
    public String whyClosedAt(long epochMillis) {
        if (isOpenAt(epochMillis)) {
            return "";
        }
        LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
        return holiday(date).map(h -> h.name().isEmpty() ? "holiday" : "holiday: " + h.name())
                .orElse("outside its opening hours");
    }

    /**
     * The open periods of {@code date}: none on a holiday, the named weekday's on a make-up working day, else its own
     * weekday's.
     */
    public List<Period> periodsOn(LocalDate date) {
        if (holiday(date).isPresent()) {
            return List.of();
        }
        DayOfWeek day = makeUpDay(date).map(MakeUpDay::hoursOf).orElse(date.getDayOfWeek());
        return weekly.getOrDefault(day, List.of());
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

    /** The make-up working day on {@code date}, if there is one. */
    public Optional<MakeUpDay> makeUpDay(LocalDate date) {
        for (MakeUpDay d : makeUpDays) {
            if (d.date().equals(date)) {
                return Optional.of(d);
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

    /**
     * A day worked as another weekday: open with {@code hoursOf}'s periods (a Sunday worked after the New Year's
     * holiday, with the hours of a Monday), with its name for reports ("New Year's make-up day").
     */
    public record MakeUpDay(LocalDate date, DayOfWeek hoursOf, String name) {
        public MakeUpDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(hoursOf, "hoursOf");
            name = name == null ? "" : name;
        }
    }
}
