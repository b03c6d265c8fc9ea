package dev.hotline.server.serve;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's time: the system's wall clock at start, advanced by the monotonic clock, so that setting the system
 * clock back (an NTP step, an admin's {@code date}) cannot hold up the routing engine's timers. With the wall clock
 * alone, a step back of an hour left every ringing call ringing, every agent in wrap-up and every escalation waiting
 * for that hour. A step forward of more than {@link #STEP_MILLIS} is followed (the time of day is what opening hours
 * and reports are about; timers due by then fire); a step back is not: the server keeps its own time, ahead of the
 * wall clock by the step, and says so once.
 */
public final class SteadyClock extends Clock {
    private static final Logger log = LoggerFactory.getLogger(SteadyClock.class);
    /** A difference from the wall clock smaller than this is drift, not a step. */
    static final long STEP_MILLIS = 1_000;

    /** The time itself, shared by the clock's views in other zones. */
    private static final class Time {
        private final LongSupplier wallMillis;
        private final LongSupplier monotonicNanos;
        private long originMillis;
        private long originNanos;
        private long behindMillis;

        Time(LongSupplier wallMillis, LongSupplier monotonicNanos) {
            this.wallMillis = wallMillis;
            this.monotonicNanos = monotonicNanos;
            this.originMillis = wallMillis.getAsLong();
            this.originNanos = monotonicNanos.getAsLong();
        }

        synchronized long millis() {
            long steady = originMillis + (monotonicNanos.getAsLong() - originNanos) / 1_000_000;
            long wall = wallMillis.getAsLong();
            if (wall - steady > STEP_MILLIS) {
                log.warn("the system clock went forward by {} ms: following it", wall - steady);
                originMillis = wall;
                originNanos = monotonicNanos.getAsLong();
                behindMillis = 0;
                return wall;
            }
            if (steady - wall > STEP_MILLIS + behindMillis) {
                behindMillis = steady - wall;
                log.warn("the system clock went back by {} ms: Hotline keeps its own time, that far ahead of it, so "
                        + "that no timer waits for the clock to catch up", behindMillis);
            }
            return steady;
        }
    }

    private final Time time;
    private final ZoneId zone;

    private SteadyClock(Time time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** A clock on {@code wallMillis}, advanced by {@code monotonicNanos} (tests give both). */
    static SteadyClock of(LongSupplier wallMillis, LongSupplier monotonicNanos) {
        return new SteadyClock(new Time(wallMillis, monotonicNanos), ZoneOffset.UTC);
    }

    /** The system's clocks. */
    public static SteadyClock system() {
        return of(System::currentTimeMillis, System::nanoTime);
    }

    @Override
    public long millis() {
        return time.millis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SteadyClock(time, newZone);
    }
}
