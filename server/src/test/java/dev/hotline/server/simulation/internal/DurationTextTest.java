package dev.hotline.server.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"90s, 90000", "2m, 120000", "1h30m, 5400000", "250ms, 250", "1.5s, 1500", "PT3M, 180000",
            "0s, 0"})
    void durationsAreWrittenWithUnits(String text, long millis) {
        assertThat(DurationText.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "ninety seconds", "5 s", "s", "P", "1d"})
    void textWithoutAUnitIsNoDuration(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }
}
