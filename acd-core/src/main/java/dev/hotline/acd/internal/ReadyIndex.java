package dev.hotline.acd.internal;

import dev.hotline.acd.model.RoutingStrategy;
import java.util.function.Consumer;

/**
 * A skill group's READY members in one routing strategy's order ({@link StrategyOrder}); the first is the one the
 * strategy picks. Agents go in when they become READY and out when they leave it, so this churns on every offer.
 * Strategies whose order is the order agents became READY in (longest idle, and skill level then longest idle) keep
 * linked lists, O(1) to add, remove and read; the others keep an order-statistic tree, O(log n).
 */
sealed interface ReadyIndex permits ReadyQueue, ReadyByLevel, ReadyTree {

    /** The index for {@code strategy} in {@code group}, empty. */
    static ReadyIndex of(RoutingStrategy strategy, Group group) {
        return switch (strategy) {
            case LONGEST_IDLE -> new ReadyQueue(false);
            case SKILL_LEVEL -> new ReadyByLevel();
            case ROUND_ROBIN, FEWEST_CALLS, LEAST_TALK_TIME, LINEAR, RANDOM -> new ReadyTree(
                    (a, b) -> StrategyOrder.compare(strategy, a, group, b, group));
        };
    }

    /** Puts a READY member in; {@code membership} is the agent's membership of this index's group. */
    void add(Agent.Membership membership);

    /** Takes a member out. */
    void remove(Agent.Membership membership);

    /** The agent the strategy picks, or null when no member is READY. */
    Agent first();

    int size();

    /** The {@code index}-th agent in order: O(log n) in a tree, O(n) in a list (RANDOM draws use a tree). */
    Agent get(int index);

    boolean contains(Agent.Membership membership);

    /** Each agent, in order. */
    void forEach(Consumer<Agent> action);

    /** Checks the index's own structure and order; throws {@link IllegalStateException} naming {@code name}. */
    void checkStructure(String name);
}
