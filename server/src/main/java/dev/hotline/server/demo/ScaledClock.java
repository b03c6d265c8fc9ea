package dev.hotline.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at a chosen instant and runs {@code speed} times faster than real time, so the demo shows an
 * hour of the centre in six minutes at speed 10. Everything Hotline stamps and schedules with it (event times,
 * ring, wrap-up and escalation timers, the figures) is in this simulated time.
 */
public final class ScaledClock extends Clock {
    private final Instant origin;
    private final long realStartNanos;
    private final double speed;
    private final ZoneId zone;

    private ScaledClock(Instant origin, long realStartNanos, double speed, ZoneId zone) {
        this.origin = origin;
        this.realStartNanos = realStartNanos;
        this.speed = speed;
        this.zone = zone;
    }

    /**
     * A clock reading {@code origin} now and running {@code speed} times as fast as real time.
     *
     * @throws IllegalArgumentException if {@code speed} is not positive
     */
    public static ScaledClock startingAt(Instant origin, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        return new ScaledClock(origin, System.nanoTime(), speed, ZoneOffset.UTC);
    }

    public double speed() {
        return speed;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ScaledClock(origin, realStartNanos, speed, newZone);
    }

    @Override
    public Instant instant() {
        long simulatedNanos = Math.round((System.nanoTime() - realStartNanos) * speed);
        return origin.plusNanos(simulatedNanos);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
