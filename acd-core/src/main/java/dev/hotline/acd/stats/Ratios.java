package dev.hotline.acd.stats;

import java.util.OptionalDouble;

/** A ratio whose denominator may be zero: then there is no data, not 0 % and not 100 %. */
final class Ratios {
    private Ratios() {
    }

    static OptionalDouble of(double numerator, double denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / denominator);
    }
}
