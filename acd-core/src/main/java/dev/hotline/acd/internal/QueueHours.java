package dev.hotline.acd.internal;

import dev.hotline.acd.model.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * A queue's opening hours with the open or closed period it is in remembered: {@link OpeningHours#isOpenAt} is asked
 * again only once the time leaves that period, instead of building a zoned date-time for every call entering the
 * queue. A period ends at the earliest of: an opening or closing time later that day, the next midnight (another
 * weekday, perhaps a holiday or a make-up working day) and the zone's next offset change (so the local clock runs
 * evenly inside it).
 */
final class QueueHours {

    private final OpeningHours hours;
    /** The cached answer holds for instants in [{@code from}, {@code until}). */
    private long from = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;
    private boolean open;

    QueueHours(OpeningHours hours) {
        this.hours = hours;
    }

    boolean isOpenAt(long epochMillis) {
        if (epochMillis < from || epochMillis >= until) {
            open = hours.isOpenAt(epochMillis);
            from = epochMillis;
            until = periodEnd(epochMillis);
        }
        return open;
    }

    /** The first instant after {@code epochMillis} at which the answer could differ. */
    private long periodEnd(long epochMillis) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        ZonedDateTime local = instant.atZone(hours.zone());
        ZoneOffset offset = local.getOffset();
        LocalDateTime now = local.toLocalDateTime();
        LocalDate date = now.toLocalDate();
        LocalDateTime end = date.plusDays(1).atStartOfDay();
        for (OpeningHours.Period p : hours.periodsOn(date)) {
            end = earlierIfLater(date.atTime(p.opens()), now, end);
            if (!p.closes().equals(LocalTime.MAX)) {
                end = earlierIfLater(date.atTime(p.closes()), now, end);
            }
        }
        long endMillis = ceilMillis(end, offset);
        ZoneOffsetTransition transition = hours.zone().getRules().nextTransition(instant);
        if (transition != null) {
            endMillis = Math.min(endMillis, transition.getInstant().toEpochMilli());
        }
        return endMillis;
    }

    /** {@code candidate} if it comes after {@code now} and before {@code end}, else {@code end}. */
    private static LocalDateTime earlierIfLater(LocalDateTime candidate, LocalDateTime now, LocalDateTime end) {
        return candidate.isAfter(now) && candidate.isBefore(end) ? candidate : end;
    }

    /** The first whole millisecond at or after {@code local} read with {@code offset}. */
    private static long ceilMillis(LocalDateTime local, ZoneOffset offset) {
        long seconds = local.toEpochSecond(offset);
        int nanos = local.getNano();
        return seconds * 1000 + (nanos + 999_999) / 1_000_000;
    }
}
