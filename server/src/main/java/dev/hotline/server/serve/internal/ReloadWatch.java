package dev.hotline.server.serve.internal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what the engine decides about calls (and the agents on them) while a reload takes effect: from just before
 * the configuration change until the engine has fired the timers the change made due at once (a maximum wait lowered
 * below a caller's wait, a step added that is already due), so that the reload can say what it did to calls
 * ({@link ReloadEffects}).
 * Engine thread only: armed and disarmed by tasks run on it.
 */
public final class ReloadWatch implements DecisionListener {
    private List<Decision> seen;

    /** From now on, the decisions about calls are kept. */
    public void arm() {
        seen = new ArrayList<>();
    }

    /** The decisions kept since {@link #arm()}; none are kept from now on. */
    public List<Decision> disarm() {
        List<Decision> kept = seen == null ? List.of() : List.copyOf(seen);
        seen = null;
        return kept;
    }

    @Override
    public void onDecision(Decision decision) {
        if (seen != null && (decision instanceof Decision.CallTreated || decision instanceof Decision.CallRequeued
                || decision instanceof Decision.AgentAfterCall)) {
            seen.add(decision);
        }
    }
}
