package dev.hotline.ivr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The time zone a flow's conditions read the clock in, and its holidays. Conditions see {@code zone} and
 * {@code holiday}; the current instant always comes with the input, never from a clock.
 */
public record BusinessCalendar(ZoneId zone, Set<LocalDate> holidays) {
    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        holidays = Set.copyOf(holidays);
    }

    /** Whether the local date at {@code instant} is a holiday. */
    public boolean isHoliday(Instant instant) {
        return !holidays.isEmpty() && holidays.contains(LocalDate.ofInstant(instant, zone));
    }
}
