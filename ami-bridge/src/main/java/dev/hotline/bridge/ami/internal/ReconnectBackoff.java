package dev.hotline.bridge.ami.internal;

import java.time.Duration;

/** Exponential back-off: {@code min}, doubled after each failed attempt, never above {@code max}. */
public record ReconnectBackoff(Duration min, Duration max) {

    /** The wait before attempt number {@code failures + 1} ({@code failures} failed so far, 0 for the first retry). */
    public Duration delayAfter(int failures) {
        Duration delay = min;
        for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
