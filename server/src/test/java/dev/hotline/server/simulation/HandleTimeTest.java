package dev.hotline.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HandleTimeTest {
    private static final int DRAWS = 200_000;

    @Test
    void exponentialHandleTimesHaveTheConfiguredMeanAndAnEqualStandardDeviation() {
        double[] moments = moments(new HandleTime.Exponential(Duration.ofSeconds(180)), 1);
        // sd of the sample mean is 180 s / sqrt(200,000) = 0.4 s: 2 s is five of them
        assertThat(moments[0]).isCloseTo(180_000, within(2_000.0));
        assertThat(moments[1]).isCloseTo(180_000, within(3_000.0));
    }

    @Test
    void logNormalHandleTimesHaveTheConfiguredMeanAndStandardDeviation() {
        double[] moments = moments(new HandleTime.LogNormal(Duration.ofSeconds(150), Duration.ofSeconds(60)), 2);
        assertThat(moments[0]).isCloseTo(150_000, within(1_000.0));
        assertThat(moments[1]).isCloseTo(60_000, within(2_000.0));
    }

    @Test
    void everyHandleTimeIsAtLeastOneMillisecondSoEveryAnsweredCallHasAConversation() {
        HandleTime tiny = new HandleTime.Exponential(Duration.ofMillis(1));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(tiny.drawMillis(random)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aHandleTimeWithoutDurationIsRefused() {
        assertThatThrownBy(() -> new HandleTime.Exponential(Duration.ZERO))
                .hasMessage("handle time mean must be at least 1 ms: PT0S");
        assertThatThrownBy(() -> new HandleTime.LogNormal(Duration.ofSeconds(10), Duration.ZERO))
                .hasMessage("handle time standard deviation must be at least 1 ms: PT0S");
    }

    private static double[] moments(HandleTime h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = h.drawMillis(random);
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / DRAWS;
        return new double[] {mean, Math.sqrt(sumSquares / DRAWS - mean * mean)};
    }
}
