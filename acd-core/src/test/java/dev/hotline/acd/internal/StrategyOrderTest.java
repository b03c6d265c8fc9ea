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

    @Test
    void aReadyHeapsKeyNeverOrdersTwoAgentsOtherwiseThanTheirFigureThenTheirConfiguredOrder() {
        // figures and orders near and beyond the bits a key has, where it must give ties, never a wrong order
        long[] figures = {0, 1, 2, 1L << 40, (1L << 41) - 3, (1L << 41) - 2, (1L << 41) - 1, 1L << 41, 1L << 50,
                Long.MAX_VALUE};
        int[] orders = {0, 1, (1 << 22) - 2, (1 << 22) - 1, 1 << 22, Integer.MAX_VALUE};
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long f1 = random.nextBoolean() ? figures[random.nextInt(figures.length)] : random.nextLong(1L << 42);
            long f2 = random.nextBoolean() ? figures[random.nextInt(figures.length)] : f1 + random.nextInt(3) - 1;
            int o1 = random.nextBoolean() ? orders[random.nextInt(orders.length)] : random.nextInt(1 << 23);
            int o2 = random.nextBoolean() ? orders[random.nextInt(orders.length)] : random.nextInt(1 << 23);
            int byFigure = f1 != f2 ? Long.compare(f1, f2) : Integer.compare(o1, o2);
            int byKey = Long.compare(StrategyOrder.key(f1, o1), StrategyOrder.key(f2, o2));
            if (byKey != 0) {
                assertThat(byKey).as("%d/%d against %d/%d", f1, o1, f2, o2).isEqualTo(byFigure);
            }
        }
        assertThat(StrategyOrder.key(5, 7)).isLessThan(StrategyOrder.key(5, 8)).isLessThan(StrategyOrder.key(6, 0));
    }
}
