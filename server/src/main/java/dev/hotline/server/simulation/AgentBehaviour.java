package dev.hotline.server.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated agents answer offered calls. An agent logs in and goes ready when the simulation starts or their
 * shift begins ({@link Roster}); an offered call rings for a delay drawn uniformly from
 * {@code ringDelayMin..ringDelayMax} before the agent picks up, unless the agent lets it ring out
 * ({@code noAnswerProbability}), which the engine's ring timeout turns into a ring-no-answer. An agent the engine puts
 * into not-ready (after a ring-no-answer, say) comes back ready after {@code notReadyPause}.
 */
public record AgentBehaviour(Duration ringDelayMin, Duration ringDelayMax, double noAnswerProbability,
                             Duration notReadyPause) {

    /** Agents pick up within 0 to 3 seconds, always answer, and are back 30 seconds after a not-ready. */
    public static final AgentBehaviour DEFAULT =
            new AgentBehaviour(Duration.ZERO, Duration.ofSeconds(3), 0.0, Duration.ofSeconds(30));

    /** Agents pick up at the instant the call is offered: the assumption of the Erlang C model. */
    public static final AgentBehaviour INSTANT = new AgentBehaviour(Duration.ZERO, Duration.ZERO, 0.0, Duration.ZERO);

    public AgentBehaviour {
        Objects.requireNonNull(ringDelayMin, "ringDelayMin");
        Objects.requireNonNull(ringDelayMax, "ringDelayMax");
        Objects.requireNonNull(notReadyPause, "notReadyPause");
        if (ringDelayMin.isNegative() || ringDelayMax.compareTo(ringDelayMin) < 0) {
            throw new IllegalArgumentException("ring delay must satisfy 0 <= min <= max: min " + ringDelayMin
                    + ", max " + ringDelayMax);
        }
        if (!(noAnswerProbability >= 0.0 && noAnswerProbability <= 1.0)) {
            throw new IllegalArgumentException("no-answer probability must be within 0..1: " + noAnswerProbability);
        }
        if (notReadyPause.isNegative()) {
            throw new IllegalArgumentException("not-ready pause must not be negative: " + notReadyPause);
        }
    }
}
