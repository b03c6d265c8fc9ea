package dev.hotline.server.simulation;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long an agent talks to a caller of one business type: a distribution of handle times, drawn once per call.
 */
public sealed interface HandleTime {

    /** The mean handle time, which turns a traffic intensity in Erlangs into calls per hour. */
    Duration mean();

    /** One handle time in milliseconds, at least 1 ms so that every answered call has a conversation. */
    long drawMillis(RandomGenerator random);

    /** Exponentially distributed handle times (the M/M/N model Erlang C assumes). */
    record Exponential(Duration mean) implements HandleTime {
        public Exponential {
            requirePositive(mean, "mean");
        }

        @Override
        public long drawMillis(RandomGenerator random) {
            return atLeastOneMilli(-Math.log(1.0 - random.nextDouble()) * mean.toMillis());
        }
    }

    /**
     * Log-normally distributed handle times with the given mean and standard deviation: most calls near the mean, a
     * long tail of difficult ones, which is how measured call-centre handle times look.
     */
    record LogNormal(Duration mean, Duration standardDeviation) implements HandleTime {
        public LogNormal {
            requirePositive(mean, "mean");
            requirePositive(standardDeviation, "standard deviation");
        }

        @Override
        public long drawMillis(RandomGenerator random) {
            double m = mean.toMillis();
            double s = standardDeviation.toMillis();
            double sigmaSquared = Math.log(1.0 + (s * s) / (m * m));
            double mu = Math.log(m) - sigmaSquared / 2.0;
            return atLeastOneMilli(Math.exp(mu + Math.sqrt(sigmaSquared) * random.nextGaussian()));
        }
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.toMillis() <= 0) {
            throw new IllegalArgumentException("handle time " + what + " must be at least 1 ms: " + d);
        }
    }

    private static long atLeastOneMilli(double millis) {
        return Math.max(1L, Math.round(millis));
    }
}
