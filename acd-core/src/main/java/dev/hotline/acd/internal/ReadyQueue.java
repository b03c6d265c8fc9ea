package dev.hotline.acd.internal;

import dev.hotline.acd.model.RoutingStrategy;
import java.util.function.Consumer;

/**
 * READY members in longest-idle order, (readySince, configured order), as a doubly linked list through the
 * memberships' own links, so adding and removing allocate nothing and cost O(1). An agent becomes READY at the
 * engine's current time, never earlier than anyone already READY, so it joins at the tail; only agents made READY at
 * the same millisecond may need to step back past those configured after them, and an agent whose offer was withdrawn
 * through no doing of theirs past those who became READY during the ring (they keep their place).
 */
final class ReadyQueue implements ReadyIndex {

    /** Whether this list threads the memberships' skill links (a skill-level list) or the memberships themselves. */
    private final boolean skillLink;
    private Agent.ReadyLink head;
    private Agent.ReadyLink tail;
    private int size;

    ReadyQueue(boolean skillLink) {
        this.skillLink = skillLink;
    }

    private Agent.ReadyLink link(Agent.Membership m) {
        return skillLink ? m.bySkill : m;
    }

    @Override
    public void add(Agent.Membership membership) {
        Agent.ReadyLink x = link(membership);
        if (x.linked) {
            throw new IllegalStateException(x.agent + " is already in this ready list");
        }
        Agent.ReadyLink before = tail;
        while (before != null && comesAfter(before.agent, x.agent)) {
            before = before.prev;
        }
        // insert x after 'before' (at the head when null)
        Agent.ReadyLink after = before == null ? head : before.next;
        x.prev = before;
        x.next = after;
        if (before == null) {
            head = x;
        } else {
            before.next = x;
        }
        if (after == null) {
            tail = x;
        } else {
            after.prev = x;
        }
        x.linked = true;
        size++;
    }

    private static boolean comesAfter(Agent a, Agent b) {
        return StrategyOrder.compare(RoutingStrategy.LONGEST_IDLE, a, null, b, null) > 0;
    }

    @Override
    public void remove(Agent.Membership membership) {
        Agent.ReadyLink x = link(membership);
        if (!x.linked) {
            return;
        }
        if (x.prev == null) {
            head = x.next;
        } else {
            x.prev.next = x.next;
        }
        if (x.next == null) {
            tail = x.prev;
        } else {
            x.next.prev = x.prev;
        }
        x.prev = null;
        x.next = null;
        x.linked = false;
        size--;
    }

    @Override
    public Agent first() {
        return head == null ? null : head.agent;
    }

    /** The first link, for a walk in order along {@code next}. */
    Agent.ReadyLink head() {
        return head;
    }

    boolean isEmpty() {
        return head == null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Agent get(int index) {
        Agent.ReadyLink x = head;
        for (int i = 0; i < index && x != null; i++) {
            x = x.next;
        }
        if (x == null) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return x.agent;
    }

    @Override
    public boolean contains(Agent.Membership membership) {
        return link(membership).linked;
    }

    @Override
    public void forEach(Consumer<Agent> action) {
        for (Agent.ReadyLink x = head; x != null; x = x.next) {
            action.accept(x.agent);
        }
    }

    @Override
    public void checkStructure(String name) {
        int n = 0;
        Agent.ReadyLink previous = null;
        for (Agent.ReadyLink x = head; x != null; x = x.next) {
            if (x.prev != previous || !x.linked) {
                throw new IllegalStateException(name + ": broken link at " + x.agent);
            }
            if (previous != null && !comesAfter(x.agent, previous.agent)) {
                throw new IllegalStateException(name + ": " + x.agent + " is out of order after " + previous.agent);
            }
            previous = x;
            n++;
        }
        if (previous != tail || n != size) {
            throw new IllegalStateException(name + ": holds " + n + " agents but counts " + size);
        }
    }
}
