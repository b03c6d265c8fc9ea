package dev.hotline.acd.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * READY members in an order other than longest idle (skill level, round robin, fewest calls, least talk time, linear,
 * random). A group's READY members are usually few, even in a large centre, since a busy centre keeps its agents
 * working: then the first is found by scanning the group's longest-idle list, the list every group keeps, and nothing
 * is kept per strategy, so an agent's READY changes cost nothing here. Only while the group has many READY members
 * ({@link Group#KEPT_ABOVE}) is the order kept in its own index (per-level lists for skill level, an order-statistic
 * tree for random, else a {@link ReadyHeap}), updated on every change. Either way the first agent is the same one,
 * the order's least.
 */
final class ReadyByOrder implements ReadyIndex {

    private final Comparator<Agent> order;
    /** The group's READY members in longest-idle order (its links are the memberships), which this orders otherwise. */
    private final ReadyQueue members;
    private final Supplier<ReadyIndex> newIndex;
    /** The members in {@link #order}, while the group keeps the indexes; else null. */
    private ReadyIndex kept;

    ReadyByOrder(Comparator<Agent> order, ReadyQueue members, Supplier<ReadyIndex> newIndex) {
        this.order = order;
        this.members = members;
        this.newIndex = newIndex;
    }

    /** Starts keeping the order in an index of its own, from the members READY now. */
    void keep() {
        if (kept == null) {
            kept = newIndex.get();
            for (Agent.ReadyLink x = members.head(); x != null; x = x.next) {
                kept.add((Agent.Membership) x);
            }
        }
    }

    /** Stops keeping the index: the group's READY members are few enough to scan. */
    void drop() {
        if (kept == null) {
            return;
        }
        // emptied first: the skill lists thread links that live in the memberships, to be linked again later
        for (Agent.ReadyLink x = members.head(); x != null; x = x.next) {
            kept.remove((Agent.Membership) x);
        }
        kept = null;
    }

    boolean keeps() {
        return kept != null;
    }

    @Override
    public void add(Agent.Membership membership) {
        if (kept != null) {
            kept.add(membership);
        }
    }

    @Override
    public void remove(Agent.Membership membership) {
        if (kept != null) {
            kept.remove(membership);
        }
    }

    @Override
    public Agent first() {
        if (kept != null) {
            return kept.first();
        }
        Agent best = null;
        for (Agent.ReadyLink x = members.head(); x != null; x = x.next) {
            if (best == null || order.compare(x.agent, best) < 0) {
                best = x.agent;
            }
        }
        return best;
    }

    @Override
    public int size() {
        return members.size();
    }

    @Override
    public Agent get(int index) {
        return kept != null ? kept.get(index) : sorted().get(index);
    }

    @Override
    public boolean contains(Agent.Membership membership) {
        return kept != null ? kept.contains(membership) : members.contains(membership);
    }

    @Override
    public void forEach(Consumer<Agent> action) {
        if (kept != null) {
            kept.forEach(action);
        } else {
            sorted().forEach(action);
        }
    }

    private List<Agent> sorted() {
        List<Agent> all = new ArrayList<>(members.size());
        members.forEach(all::add);
        all.sort(order);
        return all;
    }

    @Override
    public void checkStructure(String name) {
        if (kept != null) {
            kept.checkStructure(name);
            if (kept.size() != members.size()) {
                throw new IllegalStateException(name + ": its own index holds " + kept.size() + " agents but "
                        + members.size() + " are READY");
            }
        }
    }
}
