package dev.hotline.server.simulation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.NavigableSet;

/**
 * Times of day on the centre's wall clock, as the instants a run passes them: the one reading shared by the rate
 * curves ({@link ArrivalRate.Daily}) and the agents' shifts ({@link Roster}), so that a rate and a shift written
 * for the same time of day begin at the same instant, clock changes included.
 */
final class WallClock {

    private WallClock() {
    }

    /**
     * The first instant after {@code atMillis} (epoch milliseconds) at which the wall clock in {@code zone} reaches
     * one of {@code times} (after the last of a day, the first of the next), or the clocks change, whichever comes
     * first; at least {@code atMillis + 1}. Where the clocks go back, a time in the repeated hour is reached twice;
     * where they go forward, a time in the skipped hour is "reached" as the hour ends, at the clock change.
     */
    static long nextBoundary(NavigableSet<LocalTime> times, long atMillis, ZoneId zone) {
        Instant at = Instant.ofEpochMilli(atMillis);
        ZonedDateTime local = at.atZone(zone);
        LocalDateTime now = local.toLocalDateTime();
        LocalTime later = times.higher(now.toLocalTime());
        LocalDateTime next = later != null ? now.toLocalDate().atTime(later)
                : now.toLocalDate().plusDays(1).atTime(times.first());
        // the time read with the offset in force now: in the hour the clocks go back, the run's own pass through it
        long boundary = ZonedDateTime.ofLocal(next, zone, local.getOffset()).toInstant().toEpochMilli();
        ZoneOffsetTransition clocks = zone.getRules().nextTransition(at);
        if (clocks != null) {
            boundary = Math.min(boundary, clocks.getInstant().toEpochMilli());
        }
        return Math.max(boundary, atMillis + 1);
    }

    /**
     * {@code atMillis}, or, when it falls in the second pass through an hour the clocks went back over, the last
     * instant before they went back: what a person reads who acts on a time of day the first time the clock shows it
     * (a shift ending at 02:30 ends at the first 02:30, and the repeated hour does not begin it again).
     */
    static long firstPass(long atMillis, ZoneId zone) {
        ZoneOffsetTransition back = zone.getRules().previousTransition(Instant.ofEpochMilli(atMillis + 1));
        if (back == null || !back.isOverlap()) {
            return atMillis;
        }
        long since = back.getInstant().toEpochMilli();
        long repeated = back.getDuration().negated().toMillis();
        return atMillis >= since && atMillis < since + repeated ? since - 1 : atMillis;
    }

    /** The wall-clock date and time in {@code zone} at {@code atMillis}. */
    static LocalDateTime dateTime(long atMillis, ZoneId zone) {
        return Instant.ofEpochMilli(atMillis).atZone(zone).toLocalDateTime();
    }

    /** The wall-clock time of day in {@code zone} at {@code atMillis}. */
    static LocalTime timeOfDay(long atMillis, ZoneId zone) {
        return Instant.ofEpochMilli(atMillis).atZone(zone).toLocalTime();
    }
}
