package dev.hotline.acd.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * After {@code after} of waiting in the queue (counted from the call's arrival in the ACD), the actions apply, in
 * order, to a call that is still waiting. A call still waiting means every agent it was eligible for was busy.
 *
 * @param name    how reasons and reports name this step (e.g. "vip-overflow", "after-60s")
 * @param after   the waiting time at which the step fires; zero fires at once when no eligible agent is idle
 * @param actions what the step does
 */
public record EscalationStep(String name, Duration after, List<EscalationAction> actions) {
    public EscalationStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(after, "after");
        actions = List.copyOf(actions);
    }
}
