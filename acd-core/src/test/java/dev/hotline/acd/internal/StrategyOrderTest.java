package dev.hotline.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Durations in assignment explanations read as the formatter would write them. */
class StrategyOrderTest {

    @Test
    void durationsReadAsWholeSecondsOrTenthsRoundedHalfUp() {
        assertThat(StrategyOrder.seconds(20_000)).isEqualTo("20 s");
        assertThat(StrategyOrder.seconds(2_500)).isEqualTo("2.5 s");
        assertThat(StrategyOrder.seconds(1_050)).isEqualTo("1.1 s");
        assertThat(StrategyOrder.seconds(1_049)).isEqualTo("1.0 s");
        assertThat(StrategyOrder.seconds(1_999)).isEqualTo("2.0 s");
        assertThat(StrategyOrder.seconds(40)).isEqualTo("0.0 s");
    }

    @Test
    void durationsMatchTheFormattersTextOverTheFirstHourAndRandomLongerOnes() {
        for (long millis = -5_000; millis <= 3_600_000; millis++) {
            assertThat(StrategyOrder.seconds(millis)).as("%d ms", millis).isEqualTo(formatted(millis));
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(1L << 40);
            assertThat(StrategyOrder.seconds(millis)).as("%d ms", millis).isEqualTo(formatted(millis));
        }
    }

    private static String formatted(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
