package dev.hotline.server.simulation;

import java.time.Duration;

/**
 * When the simulated callers stop calling. Calls already in the centre are then played out to their end, wrap-up
 * included.
 */
public sealed interface ArrivalsEnd {

    /** Callers call for this long after the start (a traffic file's {@code duration}). */
    record After(Duration duration) implements ArrivalsEnd {
        public After {
            if (duration.toMillis() <= 0) {
                throw new IllegalArgumentException("the traffic duration must be at least 1 ms: " + duration);
            }
        }
    }

    /** Exactly this many calls arrive, over all business types together. */
    record AfterCalls(long calls) implements ArrivalsEnd {
        public AfterCalls {
            if (calls < 1) {
                throw new IllegalArgumentException("the number of calls must be at least 1: " + calls);
            }
        }
    }
}
