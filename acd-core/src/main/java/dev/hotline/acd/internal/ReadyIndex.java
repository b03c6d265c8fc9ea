package dev.hotline.acd.internal;

import dev.hotline.acd.model.RoutingStrategy;
import java.util.Comparator;
import java.util.function.Consumer;

/**
 * A skill group's READY members in one routing strategy's order ({@link StrategyOrder}); the first is the one the
 * strategy picks. Agents go in when they become READY and out when they leave it, so this churns on every offer.
 * Longest idle, the order agents became READY in, is a linked list, O(1) to add, remove and read, which every group
 * keeps. The other strategies view that list ({@link ReadyByOrder}): they scan it while it is short, and while it is
 * long they keep an index of their own: per-level lists for skill level (O(1)), a heap in the group's arrays for
 * round robin, fewest calls, least talk time and linear (O(log n), no agent loaded), an order-statistic tree for random
 * (which draws by rank).
 */
sealed interface ReadyIndex permits ReadyQueue, ReadyByLevel, ReadyTree, ReadyHeap, ReadyByOrder {

    /**
     * The index for {@code strategy} in {@code group}, empty; {@code byIdle} is the group's longest-idle list, which
     * {@link ReadyByOrder} orders otherwise (null when building that list itself).
     */
    static ReadyIndex of(RoutingStrategy strategy, Group group, ReadyQueue byIdle) {
        return switch (strategy) {
            case LONGEST_IDLE -> new ReadyQueue(false);
            case SKILL_LEVEL -> new ReadyByOrder(order(strategy, group), byIdle, ReadyByLevel::new);
            case ROUND_ROBIN, FEWEST_CALLS, LEAST_TALK_TIME, LINEAR -> new ReadyByOrder(order(strategy, group),
                    byIdle, () -> new ReadyHeap(group, order(strategy, group), StrategyOrder.key(strategy)));
            // a random draw needs the agent at a rank
            case RANDOM -> new ReadyByOrder(order(strategy, group), byIdle,
                    () -> new ReadyTree(order(strategy, group)));
        };
    }

    private static Comparator<Agent> order(RoutingStrategy strategy, Group group) {
        return (a, b) -> StrategyOrder.compare(strategy, a, group, b, group);
    }

    /** Puts a READY member in; {@code membership} is the agent's membership of this index's group. */
    void add(Agent.Membership membership);

    /** Takes a member out. */
    void remove(Agent.Membership membership);

    /** The agent the strategy picks, or null when no member is READY. */
    Agent first();

    int size();

    /**
     * The {@code index}-th agent in order: O(log n) in a tree, O(n) in a list, O(n log n) in a {@link ReadyByOrder}
     * that scans (RANDOM draws, among few agents).
     */
    Agent get(int index);

    boolean contains(Agent.Membership membership);

    /** Each agent, in order. */
    void forEach(Consumer<Agent> action);

    /** Checks the index's own structure and order; throws {@link IllegalStateException} naming {@code name}. */
    void checkStructure(String name);
}
