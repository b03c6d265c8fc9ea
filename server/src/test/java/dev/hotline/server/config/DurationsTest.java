package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"20s, 20", "5m, 300", "1h30m, 5400", "0s, 0", "2h, 7200", "1m30s, 90", "1h0m5s, 3605", "3d, 259200",
            "1d12h, 129600", "366d, 31622400"})
    void adminsWriteDurationsWithUnits(String text, long seconds) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void aBareNumberIsRefusedBecauseItsUnitWouldBeAGuess() {
        assertThatThrownBy(() -> Durations.parse("20"))
                .hasMessage("'20' has no unit: write 20s, 20m or 20h");
    }

    @ParameterizedTest
    @CsvSource({"-5s", "-1m", "-20"})
    void aNegativeDurationIsSaidToBeNegative(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("'" + text + "' is negative: a duration has no sign (write it as 20s, 5m, 1h30m)");
    }

    @ParameterizedTest
    @CsvSource({"-0s", "-0m0s"})
    void aZeroWithAMinusSignIsSaidToHaveASignNotToBeNegative(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("'" + text + "' has a minus sign: a duration has no sign (write it as 20s, 5m, 1h30m)");
    }

    @ParameterizedTest
    @CsvSource(value = {"1.5m", "0,5h"}, delimiter = ';')
    void aFractionIsSaidToBeOneWithTheWholeUnitsToWriteInstead(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("'" + text + "' has a fraction: write whole units, e.g. 1m30s instead of 1.5m");
    }

    @ParameterizedTest
    @CsvSource({"20 s", "30m1h", "5ms", "PT20S", "s", "1h2d", "1w"})
    void anythingElseIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("'" + text + "' is not a duration: write it like 20s, 5m or 1h30m");
    }

    @ParameterizedTest
    @CsvSource({"100000000000000h", "1h1234567890m", "9999999999s"})
    void aNumberOfMoreThanNineDigitsIsTooLongNotUnreadable(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("'" + text + "' is too long: at most 9 digits a unit, and a year in all (8784h)");
    }

    @ParameterizedTest
    @CsvSource({"999999999h", "8784h1s", "9000h", "999999999m", "367d"})
    void aDurationLongerThanAYearIsRefusedSinceNoTimerOfACentreWaitsThatLongAndTimersWouldOverflow(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("'" + text + "' is longer than a year: at most 8784h");
    }

    @Test
    void aWholeLeapYearIsTheLongest() {
        assertThat(Durations.parse("8784h")).isEqualTo(Duration.ofDays(366));
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "20, 20s", "60, 1m", "5400, 1h30m", "3605, 1h5s"})
    void formattingReadsBack(long seconds, String text) {
        assertThat(Durations.format(Duration.ofSeconds(seconds))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
