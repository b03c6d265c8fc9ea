package dev.hotline.acd.stats.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reporting interval grid: intervals of the configured length, counted from local midnight in the centre's zone
 * (so 15-minute intervals start at :00, :15, :30, :45 local time, and the last one of a day never crosses midnight).
 *
 * <p>When the interval length or zone changes, the interval in progress is cut short at the moment of the change and
 * the intervals after it follow the new grid; the old grid is kept for time before the change, so agent time that
 * started earlier is still split along the old boundaries.
 */
public final class IntervalCalendar {

    /** One reporting interval: {@code [start, end)} in epoch milliseconds. */
    public record Interval(long start, long end) {
    }

    private record Grid(long from, ZoneId zone, long lengthMillis) {
    }

    private final List<Grid> grids = new ArrayList<>();

    public IntervalCalendar(ZoneId zone, Duration length) {
        grids.add(new Grid(Long.MIN_VALUE, zone, checkedLength(length)));
    }

    /**
     * The grid is {@code zone} and {@code length} from {@code at} on.
     *
     * @return whether the grid changed (false if it already was that one)
     */
    public boolean change(long at, ZoneId zone, Duration length) {
        Grid last = grids.getLast();
        long lengthMillis = checkedLength(length);
        if (last.zone.equals(zone) && last.lengthMillis == lengthMillis) {
            return false;
        }
        if (at <= last.from) {
            grids.removeLast();
        }
        grids.add(new Grid(at, zone, lengthMillis));
        return true;
    }

    /**
     * Forgets grids that only applied before {@code before} (intervals that old are no longer kept); time before the
     * oldest grid left is then cut along that grid.
     */
    public void forgetBefore(long before) {
        if (grids.size() > 1 && grids.get(1).from <= before) {
            while (grids.size() > 1 && grids.get(1).from <= before) {
                grids.removeFirst();
            }
            Grid oldest = grids.removeFirst();
            grids.addFirst(new Grid(Long.MIN_VALUE, oldest.zone, oldest.lengthMillis));
        }
    }

    /** The interval that contains {@code t}. */
    public Interval containing(long t) {
        int i = grids.size() - 1;
        while (grids.get(i).from > t) {
            i--;
        }
        Grid grid = grids.get(i);
        long nextGridFrom = i + 1 < grids.size() ? grids.get(i + 1).from : Long.MAX_VALUE;
        LocalDate day = Instant.ofEpochMilli(t).atZone(grid.zone).toLocalDate();
        long midnight = day.atStartOfDay(grid.zone).toInstant().toEpochMilli();
        long nextMidnight = day.plusDays(1).atStartOfDay(grid.zone).toInstant().toEpochMilli();
        long start = midnight + (t - midnight) / grid.lengthMillis * grid.lengthMillis;
        long end = Math.min(start + grid.lengthMillis, nextMidnight);
        return new Interval(Math.max(start, grid.from), Math.min(end, nextGridFrom));
    }

    private static long checkedLength(Duration length) {
        Objects.requireNonNull(length, "reportInterval");
        if (length.toMillis() <= 0) {
            throw new IllegalArgumentException("reportInterval must be positive: " + length);
        }
        return length.toMillis();
    }
}
