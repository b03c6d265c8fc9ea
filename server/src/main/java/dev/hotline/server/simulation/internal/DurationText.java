package dev.hotline.server.simulation.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in YAML: {@code 90s}, {@code 2m}, {@code 1h30m}, {@code 250ms}, or ISO {@code PT90S}. */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DurationText() {
    }

    /** The duration {@code text} stands for, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            return Optional.empty();
        }
        double millis = 0;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "ms" -> v;
                case "s" -> v * 1_000;
                case "m" -> v * 60_000;
                default -> v * 3_600_000;
            };
        }
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }
}
