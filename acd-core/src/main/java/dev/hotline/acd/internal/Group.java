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
    private final ReadyIndex[] ready = new ReadyIndex[RoutingStrategy.values().length];
    int loggedIn;
    /** READY members whose phone is free: those in the ready indexes. */
    int readyCount;
    /** The group sets this group is part of, whose distinct counts its members' state changes update. */
    GroupSet[] sets = {};

    Group(String id) {
        this.id = id;
    }

    /** The READY members with a free phone (those who may be offered a call) in {@code strategy}'s order. */
    ReadyIndex readyAgents(RoutingStrategy strategy) {
        ReadyIndex index = ready[strategy.ordinal()];
        if (index == null) {
            index = ReadyIndex.of(strategy, this);
            // in the strategy's order, so that the lists only ever append
            List<Agent> readyMembers = new ArrayList<>();
            for (Agent a : members) {
                if (a.offerable()) {
                    readyMembers.add(a);
                }
            }
            Group self = this;
            readyMembers.sort((a, b) -> StrategyOrder.compare(strategy, a, self, b, self));
            for (Agent a : readyMembers) {
                index.add(a.membershipOf(this));
            }
            ready[strategy.ordinal()] = index;
        }
        return index;
    }

    /** The ready index of {@code strategy} if it has been built, else null (for checks). */
    ReadyIndex builtReadyIndex(RoutingStrategy strategy) {
        return ready[strategy.ordinal()];
    }

    /** Makes this group part of {@code set} (when a configuration is put in force). */
    void joinSet(GroupSet set) {
        sets = Arrays.copyOf(sets, sets.length + 1);
        sets[sets.length - 1] = set;
    }

    /**
     * Counts the member in (delta 1) or out (delta -1) of the state counters and ready indexes, as if in
     * {@code state} with its phone as it is now: a READY agent whose phone is not free is not in the ready indexes.
     * {@code membership} is its membership of this group.
     */
    void count(Agent.Membership membership, AgentState state, int delta) {
        if (state != AgentState.LOGGED_OUT) {
            loggedIn += delta;
        }
        if (state == AgentState.READY && membership.agent().phone.offerable()) {
            readyCount += delta;
            for (ReadyIndex index : ready) {
                if (index != null) {
                    if (delta > 0) {
                        index.add(membership);
                    } else {
                        index.remove(membership);
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
