package dev.hotline.server.cli;

import dev.hotline.server.config.Durations;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values as people write them: numbers in plain decimal, and times as seconds or as the configuration's
 * durations ({@code 3m}, {@code 1m30s}). Java's own number parsing would read {@code 3d} and {@code 10f} as 3 and 10
 * (its double and float suffixes): {@code --aht 3d} would have been three seconds, not three days.
 */
final class OptionValues {
    /** Plain decimal, with an exponent; NaN and Infinity too, for the range checks to refuse by name. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private OptionValues() {
    }

    /** A number: 10, 9.5, 1e-3. */
    static final class Number implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (!DECIMAL.matcher(value).matches()) {
                throw new TypeConversionException("'" + value + "' is not a number (write it like 10 or 9.5)");
            }
            return Double.parseDouble(value);
        }
    }

    /** A whole number that fits an int: 12. */
    static final class WholeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long whole = new WholeLong().convert(value);
            if (whole != (int) whole) {
                throw new TypeConversionException("'" + value + "' is far beyond any count this option takes");
            }
            return (int) whole;
        }
    }

    /** A whole number: 100000. */
    static final class WholeLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            if (!WHOLE.matcher(value).matches()) {
                throw new TypeConversionException("'" + value + "' is not a whole number (write it like 100000)");
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is far beyond any count this option takes");
            }
        }
    }

    /** A time in seconds: a number of them (180, 2.5), or a duration (3m, 1m30s, 2h). */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (DECIMAL.matcher(value).matches()) {
                return Double.parseDouble(value);
            }
            try {
                return Durations.parse(value).toMillis() / 1000.0;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is neither a number of seconds (like 180 or 2.5) "
                        + "nor a duration (like 3m or 1m30s)");
            }
        }
    }
}
