package dev.hotline.acd;

import dev.hotline.acd.model.RoutingStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call was offered to an agent, so that an admin asking "why did this call go to that agent?" gets an answer.
 *
 * @param queue          the queue the call waited in
 * @param group          the skill group through which the agent was eligible
 * @param escalationStep the escalation step that made the group eligible; empty if it served the call from the start
 * @param strategy       the strategy that picked the agent among idle candidates
 * @param explanation    the whole story in one sentence, for people
 */
public record AssignmentReason(String queue, String group, Optional<String> escalationStep, RoutingStrategy strategy,
                               String explanation) {
    public AssignmentReason {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(escalationStep, "escalationStep");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(explanation, "explanation");
    }
}
