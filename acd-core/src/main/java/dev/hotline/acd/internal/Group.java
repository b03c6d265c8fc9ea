package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.model.RoutingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A skill group at run time: the waiting calls it may take (in service order), its members, counts of them by state,
 * and, per routing strategy in use, its READY agents in that strategy's order (built on first use, then maintained).
 */
final class Group {

    /**
     * More READY members than this, and the strategies that scan the longest-idle list ({@link ReadyByOrder}) keep
     * indexes of their own instead: a scan loads every READY member, an index costs a little on every READY change.
     */
    static final int KEPT_ABOVE = 12;
    /** Fewer than this, and those indexes are dropped (well apart from {@link #KEPT_ABOVE}: not rebuilt often). */
    static final int KEPT_BELOW = 6;

    final String id;
    final OrderStatisticTree<Call> waiting = new OrderStatisticTree<>(Call.SERVICE_ORDER);
    final List<Agent> members = new ArrayList<>();
    private final ReadyIndex[] ready = new ReadyIndex[RoutingStrategy.values().length];
    /** The built indexes a READY change must update: the longest-idle list, and the others' while they are kept. */
    private ReadyIndex[] updated = {};
    int loggedIn;
    /** READY members whose phone is free: those in the ready indexes. */
    int readyCount;
    /**
     * READY members whose phone is busy or unreachable (a private call), in the order they became so: passed over,
     * which an offer's reason says, naming them. Few, and changed only as such an agent comes or goes.
     */
    final Set<Agent> readyPhoneNotFree = new LinkedHashSet<>();
    /** The group sets this group is part of, whose distinct counts its members' state changes update. */
    GroupSet[] sets = {};
    /** Whether the {@link ReadyByOrder} indexes keep indexes of their own now (see {@link #KEPT_ABOVE}). */
    private boolean kept;
    /** Every membership made since the configuration was applied, by {@link Agent.Membership#index}. */
    private Agent.Membership[] memberships = new Agent.Membership[8];
    private int membershipCount;

    Group(String id) {
        this.id = id;
    }

    /** The READY members with a free phone (those who may be offered a call) in {@code strategy}'s order. */
    ReadyIndex readyAgents(RoutingStrategy strategy) {
        ReadyIndex index = ready[strategy.ordinal()];
        if (index == null) {
            ReadyQueue byIdle = strategy == RoutingStrategy.LONGEST_IDLE
                    ? null : (ReadyQueue) readyAgents(RoutingStrategy.LONGEST_IDLE);
            index = ReadyIndex.of(strategy, this, byIdle);
            if (index instanceof ReadyByOrder byOrder) {
                // it orders the longest-idle list's members: nothing to add, only an index to build if they are kept
                ready[strategy.ordinal()] = index;
                if (kept) {
                    byOrder.keep();
                    refreshUpdated();
                }
                return index;
            }
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
            refreshUpdated();
        }
        return index;
    }

    /** Lists the indexes a READY change updates, after one is built or the kept indexes are started or dropped. */
    private void refreshUpdated() {
        List<ReadyIndex> list = new ArrayList<>();
        for (ReadyIndex index : ready) {
            if (index != null && (kept || !(index instanceof ReadyByOrder))) {
                list.add(index);
            }
        }
        updated = list.toArray(new ReadyIndex[0]);
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
            for (ReadyIndex index : updated) {
                if (delta > 0) {
                    index.add(membership);
                } else {
                    index.remove(membership);
                }
            }
            if (kept ? readyCount < KEPT_BELOW : readyCount > KEPT_ABOVE) {
                keepIndexes(!kept);
            }
        } else if (state == AgentState.READY) {
            if (delta > 0) {
                readyPhoneNotFree.add(membership.agent());
            } else {
                readyPhoneNotFree.remove(membership.agent());
            }
        }
    }

    /** Starts or stops keeping the indexes of the strategies that otherwise scan the longest-idle list. */
    private void keepIndexes(boolean keep) {
        kept = keep;
        for (ReadyIndex index : ready) {
            if (index instanceof ReadyByOrder byOrder) {
                if (keep) {
                    byOrder.keep();
                } else {
                    byOrder.drop();
                }
            }
        }
        refreshUpdated();
    }

    /** Takes in a new membership of this group and gives its index ({@link #member}). */
    int join(Agent.Membership membership) {
        if (membershipCount == memberships.length) {
            memberships = Arrays.copyOf(memberships, membershipCount * 2);
        }
        memberships[membershipCount] = membership;
        return membershipCount++;
    }

    /** The membership of index {@code index}. */
    Agent.Membership member(int index) {
        return memberships[index];
    }

    /** Forgets members, counts and ready indexes before a configuration is applied. */
    void resetAgents() {
        members.clear();
        Arrays.fill(memberships, 0, membershipCount, null);
        membershipCount = 0;
        Arrays.fill(ready, null);
        updated = new ReadyIndex[0];
        kept = false;
        sets = new GroupSet[0];
        loggedIn = 0;
        readyCount = 0;
        readyPhoneNotFree.clear();
    }

    @Override
    public String toString() {
        return "group " + id;
    }
}
