package dev.hotline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The report's header names its period so that it cannot be mistaken, clock changes included. */
class FiguresTableTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static long at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toEpochMilli();
    }

    @Test
    void aPeriodInTheHourTheClocksGoBackOverSaysWhichOfItsTwoPassesItIs() {
        // 1 November 2026: 01:00 to 02:00 is read twice, at -04:00 and then at -05:00
        assertThat(FiguresTable.period(at("2026-11-01T01:15-04:00"), at("2026-11-01T01:45-04:00"), NEW_YORK))
                .isEqualTo("2026-11-01 01:15:00 -04:00 to 2026-11-01 01:45:00 -04:00");
        assertThat(FiguresTable.period(at("2026-11-01T01:15-05:00"), at("2026-11-01T01:45-05:00"), NEW_YORK))
                .isEqualTo("2026-11-01 01:15:00 -05:00 to 2026-11-01 01:45:00 -05:00");
        assertThat(FiguresTable.period(at("2026-11-01T00:50-04:00"), at("2026-11-01T02:10-05:00"), NEW_YORK))
                .as("two hours and twenty minutes across the change")
                .isEqualTo("2026-11-01 00:50:00 -04:00 to 2026-11-01 02:10:00 -05:00");
    }

    @Test
    void aPeriodWithoutAClockChangeIsWrittenOnTheWallClockAlone() {
        assertThat(FiguresTable.period(at("2026-11-23T09:00+08:00"), at("2026-11-23T12:00+08:00"),
                ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-11-23 09:00:00 to 2026-11-23 12:00:00");
        assertThat(FiguresTable.period(at("2026-11-02T09:00-05:00"), at("2026-11-02T12:00-05:00"), NEW_YORK))
                .isEqualTo("2026-11-02 09:00:00 to 2026-11-02 12:00:00");
    }
}
