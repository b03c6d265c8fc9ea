package dev.hotline.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A business type's callers arrive at the rate in force: one rate all the time, or a curve over the day whose rates
 * each hold from their time of day until the next, the last one past midnight.
 */
class ArrivalRateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ArrivalRate.Daily daily(Map<LocalTime, Double> rates) {
        return new ArrivalRate.Daily(new TreeMap<>(rates));
    }

    /** Arrivals of {@code rate} counted per hour of the day over {@code days} days from midnight in {@code zone}. */
    private static long[] arrivalsPerHourOfDay(ArrivalRate rate, ZoneId zone, int days, long seed) {
        long start = LocalDateTime.parse("2026-03-01T00:00").atZone(zone).toInstant().toEpochMilli();
        ArrivalRate.Arrivals arrivals = rate.arrivals(start, zone);
        SplittableRandom random = new SplittableRandom(seed);
        double until = days * 86_400_000.0;
        long[] perHour = new long[24];
        double t = 0;
        while (true) {
            t = arrivals.next(t, -Math.log(1.0 - random.nextDouble()), until);
            if (!(t < until)) {
                return perHour;
            }
            perHour[java.time.Instant.ofEpochMilli(start + (long) t).atZone(zone).getHour()]++;
        }
    }

    @Test
    void eachRateOfADailyCurveHoldsFromItsTimeUntilTheNext() {
        ArrivalRate rate = daily(Map.of(LocalTime.of(0, 0), 60.0, LocalTime.of(20, 0), 600.0,
                LocalTime.of(21, 0), 120.0));
        long[] perHour = arrivalsPerHourOfDay(rate, ZoneOffset.UTC, 400, 1);

        // 400 days: 24,000 calls expected in an hour at 60 an hour (sd 155), 240,000 at 600 (sd 490)
        for (int hour = 0; hour < 20; hour++) {
            assertThat(perHour[hour] / 400.0).as("hour %d", hour).isCloseTo(60.0, within(1.5));
        }
        assertThat(perHour[20] / 400.0).isCloseTo(600.0, within(5.0));
        assertThat(perHour[21] / 400.0).isCloseTo(120.0, within(2.0));
        assertThat(perHour[23] / 400.0).isCloseTo(120.0, within(2.0));
    }

    @Test
    void theLastRateOfTheDayRunsOnPastMidnightUntilTheFirst() {
        ArrivalRate.Daily rate = daily(Map.of(LocalTime.of(8, 0), 100.0, LocalTime.of(22, 0), 10.0));

        assertThat(rate.callsPerHourAt(LocalTime.of(3, 0))).isEqualTo(10.0);
        assertThat(rate.callsPerHourAt(LocalTime.of(8, 0))).isEqualTo(100.0);
        assertThat(rate.callsPerHourAt(LocalTime.of(21, 59))).isEqualTo(100.0);
        long[] perHour = arrivalsPerHourOfDay(rate, ZoneOffset.UTC, 400, 2);
        assertThat(perHour[3] / 400.0).isCloseTo(10.0, within(0.6));
        assertThat(perHour[9] / 400.0).isCloseTo(100.0, within(2.0));
    }

    @Test
    void aCurveWithOneRateArrivesAsThatRateDoesAllTheTime() {
        long[] curve = arrivalsPerHourOfDay(daily(Map.of(LocalTime.of(13, 0), 90.0)), SHANGHAI, 300, 3);
        long[] constant = arrivalsPerHourOfDay(new ArrivalRate.Constant(90.0), SHANGHAI, 300, 3);

        long curveCalls = java.util.Arrays.stream(curve).sum();
        long constantCalls = java.util.Arrays.stream(constant).sum();
        assertThat(curveCalls / (300.0 * 24)).isCloseTo(90.0, within(0.5));
        assertThat(constantCalls / (300.0 * 24)).isCloseTo(90.0, within(0.5));
    }

    @Test
    void timesOfDayAreWallClockTimesWhenTheClocksChange() {
        // Berlin put its clocks forward at 02:00 on 29 March 2026: that day has 23 hours, and the 20:00 burst still
        // begins at 20:00 local time
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ArrivalRate rate = daily(Map.of(LocalTime.of(0, 0), 0.0, LocalTime.of(20, 0), 3_600.0,
                LocalTime.of(20, 30), 0.0));
        long[] perHour = arrivalsPerHourOfDay(rate, berlin, 60, 4);

        assertThat(perHour[20]).isBetween(60L * 1_800 - 600, 60L * 1_800 + 600);
        assertThat(perHour[19] + perHour[21] + perHour[2]).isZero();
    }

    @Test
    void whenTheClocksGoBackTheRepeatedHourHasItsRatesAgain() {
        // Berlin, 25 October 2026: 03:00 summer time is 02:00 winter time; the run starts at 02:50 summer time
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ArrivalRate rate = daily(Map.of(LocalTime.of(0, 0), 0.0, LocalTime.of(2, 15), 3_600.0,
                LocalTime.of(2, 45), 0.0));
        long start = java.time.OffsetDateTime.parse("2026-10-25T02:50+02:00").toInstant().toEpochMilli();

        // the half hour 02:15-02:45 winter time, 3,600 an hour
        assertThat(rate.expectedCalls(start, berlin, Duration.ofHours(2))).isCloseTo(1_800.0, within(1e-6));
        double first = rate.arrivals(start, berlin).next(0, 1.0, Duration.ofHours(2).toMillis());
        assertThat(java.time.Instant.ofEpochMilli(start + (long) first).atZone(berlin).toOffsetDateTime().toString())
                .startsWith("2026-10-25T02:15").endsWith("+01:00");
    }

    @Test
    void whenTheClocksGoForwardARateListedInTheSkippedHourBeginsAsItEnds() {
        // Berlin, 29 March 2026: 02:00 winter time is 03:00 summer time; 02:30 never comes
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ArrivalRate rate = daily(Map.of(LocalTime.of(0, 0), 40.0, LocalTime.of(2, 30), 4_000.0));
        long start = java.time.OffsetDateTime.parse("2026-03-29T01:00+01:00").toInstant().toEpochMilli();

        // 01:00-02:00 winter time at 40 an hour, then 03:00-05:00 summer time at 4,000
        assertThat(rate.expectedCalls(start, berlin, Duration.ofHours(3))).isCloseTo(40.0 + 8_000.0, within(1e-6));
    }

    @Test
    void expectedCallsAddTheRatesOverTheRunsLocalHours() {
        ArrivalRate rate = daily(Map.of(LocalTime.of(0, 0), 20.0, LocalTime.of(20, 0), 400.0,
                LocalTime.of(20, 10), 120.0, LocalTime.of(20, 30), 40.0));

        // 5 min at 20, 10 at 400, 20 at 120, 55 at 40 an hour
        assertThat(rate.expectedCalls(LocalDateTime.parse("2026-11-20T19:55"), Duration.ofMinutes(90)))
                .isCloseTo(20 / 12.0 + 400 / 6.0 + 40.0 + 40 * 55 / 60.0, within(1e-9));
        assertThat(new ArrivalRate.Constant(30).expectedCalls(LocalDateTime.parse("2026-11-20T19:55"),
                Duration.ofMinutes(90))).isCloseTo(45.0, within(1e-9));
    }

    @Test
    void aCurveOfZerosBringsNoCaller() {
        ArrivalRate rate = daily(Map.of(LocalTime.of(9, 0), 0.0));

        assertThat(rate.none()).isTrue();
        assertThat(rate.arrivals(0, ZoneOffset.UTC).next(0, 1.0, 86_400_000.0 * 3)).isInfinite();
    }
}
