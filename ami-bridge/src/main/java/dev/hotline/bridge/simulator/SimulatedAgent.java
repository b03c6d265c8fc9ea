package dev.hotline.bridge.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a simulated agent's phone behaves when {@link SimulatedAsterisk} dials it. Durations are simulated time.
 *
 * @param answerAfter how long it rings before the agent picks up; empty: the agent never answers
 * @param talkFor     how long the agent talks before hanging up
 */
public record SimulatedAgent(Optional<Duration> answerAfter, Duration talkFor) {

    public SimulatedAgent {
        Objects.requireNonNull(answerAfter, "answerAfter");
        Objects.requireNonNull(talkFor, "talkFor");
        if (answerAfter.filter(Duration::isNegative).isPresent() || talkFor.isNegative()) {
            throw new IllegalArgumentException("an agent's ring and talk times cannot be negative: " + answerAfter
                    + ", " + talkFor);
        }
    }

    /** Picks up after ringing {@code ring}, talks for {@code talk}, hangs up. */
    public static SimulatedAgent answersAfter(Duration ring, Duration talk) {
        return new SimulatedAgent(Optional.of(ring), talk);
    }

    /** Lets it ring until Dial gives up. */
    public static SimulatedAgent neverAnswers() {
        return new SimulatedAgent(Optional.empty(), Duration.ZERO);
    }
}
