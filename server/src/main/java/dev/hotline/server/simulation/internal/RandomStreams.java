package dev.hotline.server.simulation.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One independent, repeatable random stream per purpose ("arrivals/slimming-tea", "agent-answer", ...), all derived
 * from the simulation's seed. A stream per purpose keeps the draws of one purpose from shifting when another purpose
 * draws more or less often, so the same seed gives the same output byte for byte, and two runs that differ only in
 * staffing see the very same callers (common random numbers).
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The stream for {@code purpose}; the same seed and purpose always give the same stream. */
    public SplittableRandom stream(String purpose) {
        return new SplittableRandom(seedFor(purpose));
    }

    /** A seed for {@code purpose}, for components that take a seed rather than a stream (the routing engine). */
    public long seedFor(String purpose) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the purpose, stable across JVMs unlike String.hashCode's spread
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        // Mixed, because SplittableRandom(s) and SplittableRandom(s + gamma) would give overlapping sequences.
        return mix64(mix64(seed) ^ h);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
