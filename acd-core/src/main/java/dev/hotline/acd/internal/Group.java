package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.model.RoutingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A skill group at run time: the waiting calls it may take (in service order), its members, counts of them by state,
 * and, per routing strategy in use, its READY agents in that strategy's order (built on first use, then maintained).
 */
final class Group {

    final String id;
    final OrderStatisticTree<Call> waiting = new OrderStatisticTree<>(Call.SERVICE_ORDER);
    final List<Agent> members = new ArrayList<>();
    @SuppressWarnings("unchecked")
    private final OrderStatisticTree<Agent>[] ready =
            (OrderStatisticTree<Agent>[]) new OrderStatisticTree<?>[RoutingStrategy.values().length];
    int loggedIn;
    /** READY members whose phone is free: those in the ready indexes. */
    int readyCount;
    /** The group sets this group is part of, whose distinct counts its members' state changes update. */
    GroupSet[] sets = {};

    Group(String id) {
        this.id = id;
    }

    /** The READY members with a free phone (those who may be offered a call) in {@code strategy}'s order. */
    OrderStatisticTree<Agent> readyAgents(RoutingStrategy strategy) {
        OrderStatisticTree<Agent> index = ready[strategy.ordinal()];
        if (index == null) {
            Group self = this;
            index = new OrderStatisticTree<>((a, b) -> StrategyOrder.compare(strategy, a, self, b, self));
            for (Agent a : members) {
                if (a.offerable()) {
                    index.add(a);
                }
            }
            ready[strategy.ordinal()] = index;
        }
        return index;
    }

    /** The ready index of {@code strategy} if it has been built, else null (for checks). */
    OrderStatisticTree<Agent> builtReadyIndex(RoutingStrategy strategy) {
        return ready[strategy.ordinal()];
    }

    /** Makes this group part of {@code set} (when a configuration is put in force). */
    void joinSet(GroupSet set) {
        sets = Arrays.copyOf(sets, sets.length + 1);
        sets[sets.length - 1] = set;
    }

    /**
     * Counts {@code agent} in (delta 1) or out (delta -1) of the state counters and ready indexes, as if in
     * {@code state} with its phone as it is now: a READY agent whose phone is not free is not in the ready indexes.
     */
    void count(Agent agent, AgentState state, int delta) {
        if (state != AgentState.LOGGED_OUT) {
            loggedIn += delta;
        }
        if (state == AgentState.READY && agent.phone.offerable()) {
            readyCount += delta;
            for (OrderStatisticTree<Agent> index : ready) {
                if (index != null) {
                    if (delta > 0) {
                        index.add(agent);
                    } else {
                        index.remove(agent);
                    }
                }
            }
        }
    }

    /** Forgets members, counts and ready indexes before a configuration is applied. */
    void resetAgents() {
        members.clear();
        Arrays.fill(ready, null);
        sets = new GroupSet[0];
        loggedIn = 0;
        readyCount = 0;
    }

    @Override
    public String toString() {
        return "group " + id;
    }
}
