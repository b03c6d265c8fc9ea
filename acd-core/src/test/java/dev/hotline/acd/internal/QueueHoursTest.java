package dev.hotline.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A queue's remembered open or closed period gives the same answers as its opening hours, over a year of instants,
 * across holidays, make-up working days, midnights and daylight-saving changes.
 */
class QueueHoursTest {

    static Stream<Arguments> zonesAndSeeds() {
        return Stream.of(
                Arguments.of("Asia/Shanghai", 2026, 1L),
                Arguments.of("Europe/Berlin", 2026, 2L),
                Arguments.of("America/New_York", 2026, 3L),
                // daylight saving began at midnight here: local midnight did not exist that day
                Arguments.of("America/Sao_Paulo", 2018, 4L),
                Arguments.of("Australia/Lord_Howe", 2026, 5L));
    }

    @ParameterizedTest
    @MethodSource("zonesAndSeeds")
    void theRememberedPeriodAnswersAsTheOpeningHoursDoOverAYear(String zoneId, int year, long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(zoneId);
        OpeningHours hours = randomHours(zone, year, random);
        QueueHours remembered = new QueueHours(hours);
        long start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        long end = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        long t = start;
        int opens = 0;
        int asked = 0;
        while (t < end) {
            boolean expected = hours.isOpenAt(t);
            assertThat(remembered.isOpenAt(t)).as("%s at %d", zoneId, t).isEqualTo(expected);
            opens += expected ? 1 : 0;
            asked++;
            int kind = random.nextInt(20);
            if (kind == 0) {
                t -= random.nextInt(3_600_000); // an earlier instant than the last one asked
            } else if (kind < 8) {
                t = (t / 60_000 + 1 + random.nextInt(30)) * 60_000 + (kind == 1 ? -1 : 0); // on or next to a minute
            } else {
                t += 1 + random.nextInt(5_400_000);
            }
        }
        assertThat(opens).as("instants open").isBetween(asked / 20, asked - asked / 20);
    }

    private static OpeningHours randomHours(ZoneId zone, int year, Random random) {
        Map<DayOfWeek, List<OpeningHours.Period>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            int shape = random.nextInt(5);
            List<OpeningHours.Period> periods = new ArrayList<>();
            switch (shape) {
                case 0 -> {
                    // closed all day
                }
                case 1 -> periods.add(new OpeningHours.Period(LocalTime.MIN, LocalTime.MAX));
                case 2 -> periods.add(new OpeningHours.Period(minute(random, 0, 720), LocalTime.MAX));
                default -> {
                    int from = random.nextInt(300);
                    for (int i = 0; i < shape - 1; i++) {
                        int opens = from + random.nextInt(200);
                        int closes = opens + 1 + random.nextInt(300);
                        if (closes >= 1440) {
                            break;
                        }
                        periods.add(new OpeningHours.Period(LocalTime.ofSecondOfDay(opens * 60L),
                                LocalTime.ofSecondOfDay(closes * 60L).plusNanos(random.nextInt(3) * 400_000L)));
                        from = closes + 1;
                    }
                }
            }
            if (!periods.isEmpty()) {
                weekly.put(day, periods);
            }
        }
        List<OpeningHours.Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            holidays.add(new OpeningHours.Holiday(LocalDate.ofYearDay(year, 1 + random.nextInt(365)), "holiday " + i));
        }
        List<OpeningHours.MakeUpDay> makeUpDays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalDate date = LocalDate.ofYearDay(year, 1 + random.nextInt(365));
            if (holidays.stream().noneMatch(h -> h.date().equals(date))
                    && makeUpDays.stream().noneMatch(d -> d.date().equals(date))) {
                makeUpDays.add(new OpeningHours.MakeUpDay(date, DayOfWeek.of(1 + random.nextInt(7)), "make-up " + i));
            }
        }
        return new OpeningHours(zone, weekly, holidays, makeUpDays);
    }

    private static LocalTime minute(Random random, int from, int to) {
        return LocalTime.ofSecondOfDay((from + random.nextInt(to - from)) * 60L);
    }
}
