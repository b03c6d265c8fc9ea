package dev.hotline.server.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * How many calls an hour a business type receives: one rate for the whole run, or a curve over the day (a TV slot's
 * burst when the advertisement airs, then its tail). Arrivals are a Poisson stream at the rate in force, so a curve
 * makes a non-homogeneous Poisson stream with a piecewise-constant rate.
 */
public sealed interface ArrivalRate {

    /** True when no call ever arrives at this rate. */
    boolean none();

    /**
     * About the calls expected from {@code start} for {@code duration}, reading a curve in local (wall-clock) time as
     * if the clocks never changed (in UTC, which has no clock changes): for caps, where no zone is known yet.
     */
    default double expectedCalls(LocalDateTime start, Duration duration) {
        return expectedCalls(start.toInstant(ZoneOffset.UTC).toEpochMilli(), ZoneOffset.UTC, duration);
    }

    /**
     * The calls expected in a run that starts at {@code startMillis} (epoch milliseconds) and lasts {@code duration},
     * reading a curve's times in {@code zone} as the run's arrivals do.
     */
    double expectedCalls(long startMillis, ZoneId zone, Duration duration);

    /**
     * Finds the arrivals of a run that started at {@code startMillis} (epoch milliseconds), reading a curve's times in
     * {@code zone}.
     */
    Arrivals arrivals(long startMillis, ZoneId zone);

    /** The same rate all the time. */
    record Constant(double callsPerHour) implements ArrivalRate {
        public Constant {
            if (!(callsPerHour >= 0) || Double.isInfinite(callsPerHour)) {
                throw new IllegalArgumentException("calls per hour must be >= 0: " + callsPerHour);
            }
        }

        @Override
        public boolean none() {
            return callsPerHour == 0.0;
        }

        @Override
        public double expectedCalls(long startMillis, ZoneId zone, Duration duration) {
            return callsPerHour * duration.toMillis() / 3_600_000.0;
        }

        @Override
        public Arrivals arrivals(long startMillis, ZoneId zone) {
            double meanGapMillis = 3_600_000.0 / callsPerHour;
            // infinite when the rate is 0 or vanishingly small: the caller compares it, never adds it to a long
            return (from, draw, until) -> from + draw * meanGapMillis;
        }
    }

    /**
     * A rate per time of day: each listed rate holds from its time until the next one listed; the last one runs on
     * past midnight until the first one of the next day. So {@code {00:00: 10, 20:00: 300, 20:15: 120, 22:00: 10}}
     * is 10 calls an hour through the night and day, 300 for the quarter hour after the 20:00 advertisement, 120
     * until 22:00. Times are wall-clock times in the centre's zone.
     *
     * @param callsPerHourFrom the rate from each time of day on; at least one
     */
    record Daily(NavigableMap<LocalTime, Double> callsPerHourFrom) implements ArrivalRate {
        public Daily {
            if (callsPerHourFrom.isEmpty()) {
                throw new IllegalArgumentException("a daily rate needs at least one time of day");
            }
            for (Map.Entry<LocalTime, Double> e : callsPerHourFrom.entrySet()) {
                double rate = Objects.requireNonNull(e.getValue(), "rate");
                if (!(rate >= 0) || Double.isInfinite(rate)) {
                    throw new IllegalArgumentException("calls per hour from " + e.getKey() + " must be >= 0: " + rate);
                }
            }
            callsPerHourFrom = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(callsPerHourFrom));
        }

        /** The rate in force at {@code time}: the latest listed at or before it, else the last of the day before. */
        public double callsPerHourAt(LocalTime time) {
            Map.Entry<LocalTime, Double> e = callsPerHourFrom.floorEntry(time);
            return (e != null ? e : callsPerHourFrom.lastEntry()).getValue();
        }

        @Override
        public boolean none() {
            return callsPerHourFrom.values().stream().allMatch(r -> r == 0.0);
        }

        @Override
        public double expectedCalls(long startMillis, ZoneId zone, Duration duration) {
            return ArrivalRate.expectedCalls(t -> callsPerHourAt(t.toLocalTime()), callsPerHourFrom.navigableKeySet(),
                    startMillis, zone, duration);
        }

        @Override
        public Arrivals arrivals(long startMillis, ZoneId zone) {
            return ArrivalRate.arrivals(t -> callsPerHourAt(t.toLocalTime()), callsPerHourFrom.navigableKeySet(),
                    startMillis, zone);
        }
    }

    /**
     * A rate per time of day that differs by day of the week: each day's rates as {@link Daily}'s, a day's first rate
     * beginning at its first listed time (the day before's last runs on until then). So a TV slot's weekday curve and
     * a quieter weekend. Times are wall-clock times in the centre's zone.
     *
     * @param callsPerHourByDay every day of the week's rates from each time of day on; at least one each
     */
    record Weekly(Map<DayOfWeek, NavigableMap<LocalTime, Double>> callsPerHourByDay) implements ArrivalRate {
        public Weekly {
            Map<DayOfWeek, NavigableMap<LocalTime, Double>> copy = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                NavigableMap<LocalTime, Double> rates = callsPerHourByDay.get(day);
                if (rates == null || rates.isEmpty()) {
                    throw new IllegalArgumentException("a weekly rate needs rates for every day: none for " + day);
                }
                copy.put(day, new Daily(rates).callsPerHourFrom());
            }
            callsPerHourByDay = java.util.Collections.unmodifiableMap(copy);
        }

        /** The rate in force at {@code time}: the day's latest listed at or before it, else the day before's last. */
        public double callsPerHourAt(LocalDateTime time) {
            Map.Entry<LocalTime, Double> e = callsPerHourByDay.get(time.getDayOfWeek()).floorEntry(time.toLocalTime());
            return (e != null ? e : callsPerHourByDay.get(time.getDayOfWeek().minus(1)).lastEntry()).getValue();
        }

        @Override
        public boolean none() {
            return callsPerHourByDay.values().stream().allMatch(d -> d.values().stream().allMatch(r -> r == 0.0));
        }

        @Override
        public double expectedCalls(long startMillis, ZoneId zone, Duration duration) {
            return ArrivalRate.expectedCalls(this::callsPerHourAt, boundaries(), startMillis, zone, duration);
        }

        @Override
        public Arrivals arrivals(long startMillis, ZoneId zone) {
            return ArrivalRate.arrivals(this::callsPerHourAt, boundaries(), startMillis, zone);
        }

        /** Every listed time of any day, and midnight, where the day and so its rates change. */
        private NavigableSet<LocalTime> boundaries() {
            TreeSet<LocalTime> times = new TreeSet<>(Set.of(LocalTime.MIDNIGHT));
            callsPerHourByDay.values().forEach(d -> times.addAll(d.keySet()));
            return times;
        }
    }

    /** The calls a piecewise-constant rate on the wall clock makes in a run: the sum over its periods. */
    private static double expectedCalls(ToDoubleFunction<LocalDateTime> perHourAt, NavigableSet<LocalTime> times,
                                        long startMillis, ZoneId zone, Duration duration) {
        double calls = 0;
        double until = duration.toMillis();
        for (double t = 0; t < until; ) {
            double end = periodEnd(times, startMillis, zone, t, until);
            calls += perMilliAt(perHourAt, startMillis, zone, t) * (end - t);
            t = end;
        }
        return calls;
    }

    /** The arrivals of a piecewise-constant rate on the wall clock: each gap drawn across the periods it spans. */
    private static Arrivals arrivals(ToDoubleFunction<LocalDateTime> perHourAt, NavigableSet<LocalTime> times,
                                     long startMillis, ZoneId zone) {
        return (from, draw, until) -> {
            double t = from;
            double need = draw;
            while (t < until) {
                double perMilli = perMilliAt(perHourAt, startMillis, zone, t);
                double end = periodEnd(times, startMillis, zone, t, until);
                if (perMilli > 0 && need <= perMilli * (end - t)) {
                    return t + need / perMilli;
                }
                need -= perMilli * (end - t);
                t = end;
            }
            return Double.POSITIVE_INFINITY;
        };
    }

    /** The rate in force {@code t} milliseconds into a run that started at {@code startMillis}, per millisecond. */
    private static double perMilliAt(ToDoubleFunction<LocalDateTime> perHourAt, long startMillis, ZoneId zone,
                                     double t) {
        return perHourAt.applyAsDouble(WallClock.dateTime(startMillis + (long) Math.floor(t), zone)) / 3_600_000.0;
    }

    /**
     * When the rate in force at {@code t} may change (in milliseconds since the run's start), at most {@code until}:
     * the next of {@code times} on the wall clock, or the zone's next clock change, after which the wall clock reads
     * differently (back an hour: the repeated hour's rates apply again; forward: a rate listed in the skipped hour
     * begins as it ends), {@link WallClock#nextBoundary}.
     */
    private static double periodEnd(NavigableSet<LocalTime> times, long startMillis, ZoneId zone, double t,
                                    double until) {
        long now = startMillis + (long) Math.floor(t);
        return Math.min(WallClock.nextBoundary(times, now, zone) - startMillis, until);
    }

    /** The arrival times of one stream, in milliseconds since the run's start. */
    @FunctionalInterface
    interface Arrivals {
        /**
         * When the next caller dials after one at {@code from}: once {@code draw} calls' worth of rate (a draw of the
         * unit exponential distribution) has passed; at or beyond {@code until} (perhaps infinite) when not before it.
         */
        double next(double from, double draw, double until);
    }
}
