package dev.hotline.acd;

import java.util.List;

/**
 * Receives the engine's decisions, on the engine's thread, in order. Implementations must be fast, must not throw and
 * must not call back into the engine; the bridge, the journal, the statistics and the push channel all subscribe here.
 */
@FunctionalInterface
public interface DecisionListener {

    /** Listens to nothing. */
    DecisionListener NONE = decision -> { };

    void onDecision(Decision decision);

    /** One listener that hands every decision to each of {@code listeners}, in order. */
    static DecisionListener all(DecisionListener... listeners) {
        List<DecisionListener> copy = List.of(listeners);
        return decision -> {
            for (DecisionListener l : copy) {
                l.onDecision(decision);
            }
        };
    }
}
