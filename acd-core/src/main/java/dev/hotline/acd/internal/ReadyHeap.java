package dev.hotline.acd.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * READY members in a strategy's order kept as a binary heap in the group's own arrays: each member's key
 * ({@link StrategyOrder#key}: the strategy's figure, then the configured order) and its index in the group
 * ({@link Agent.Membership#index}), with where each member sits. Adding, removing and finding the first touch those
 * arrays only, never another agent: a group of hundreds of READY agents in a staffed centre changes on every offer,
 * and an order-statistic tree loaded a cold agent at each comparison. No rank, so not for RANDOM.
 */
final class ReadyHeap implements ReadyIndex {

    private final Group group;
    private final Comparator<Agent> order;
    private final ToLongFunction<Agent> key;
    private long[] keys = new long[16];
    private int[] who = new int[16];
    /** Where each member of the group sits in the heap, by its index; -1 when not in it. */
    private int[] slotOf = new int[0];
    private int size;

    ReadyHeap(Group group, Comparator<Agent> order, ToLongFunction<Agent> key) {
        this.group = group;
        this.order = order;
        this.key = key;
    }

    @Override
    public void add(Agent.Membership membership) {
        int index = membership.index;
        if (index >= slotOf.length) {
            int old = slotOf.length;
            slotOf = Arrays.copyOf(slotOf, Math.max(16, Math.max(index + 1, old * 2)));
            Arrays.fill(slotOf, old, slotOf.length, -1);
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            who = Arrays.copyOf(who, size * 2);
        }
        siftUp(size++, key.applyAsLong(membership.agent()), index);
    }

    @Override
    public void remove(Agent.Membership membership) {
        int index = membership.index;
        int slot = index < slotOf.length ? slotOf[index] : -1;
        if (slot < 0) {
            return;
        }
        slotOf[index] = -1;
        int last = --size;
        if (slot == last) {
            return;
        }
        long k = keys[last];
        int w = who[last];
        if (slot > 0 && before(k, w, keys[(slot - 1) >>> 1], who[(slot - 1) >>> 1])) {
            siftUp(slot, k, w);
        } else {
            siftDown(slot, k, w);
        }
    }

    @Override
    public Agent first() {
        return size == 0 ? null : group.member(who[0]).agent();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Agent get(int index) {
        return sorted().get(index);
    }

    @Override
    public boolean contains(Agent.Membership membership) {
        return membership.index < slotOf.length && slotOf[membership.index] >= 0;
    }

    @Override
    public void forEach(Consumer<Agent> action) {
        sorted().forEach(action);
    }

    private List<Agent> sorted() {
        List<Agent> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(group.member(who[i]).agent());
        }
        all.sort(order);
        return all;
    }

    /** Orders by key; equal keys (a figure beyond the key's bits) by the strategy's own comparison. */
    private boolean before(long ka, int wa, long kb, int wb) {
        if (ka != kb) {
            return ka < kb;
        }
        return order.compare(group.member(wa).agent(), group.member(wb).agent()) < 0;
    }

    private void siftUp(int slot, long k, int w) {
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!before(k, w, keys[parent], who[parent])) {
                break;
            }
            place(slot, keys[parent], who[parent]);
            slot = parent;
        }
        place(slot, k, w);
    }

    private void siftDown(int slot, long k, int w) {
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && before(keys[right], who[right], keys[child], who[child])) {
                child = right;
            }
            if (!before(keys[child], who[child], k, w)) {
                break;
            }
            place(slot, keys[child], who[child]);
            slot = child;
        }
        place(slot, k, w);
    }

    private void place(int slot, long k, int w) {
        keys[slot] = k;
        who[slot] = w;
        slotOf[w] = slot;
    }

    @Override
    public void checkStructure(String name) {
        int inHeap = 0;
        for (int s : slotOf) {
            inHeap += s >= 0 ? 1 : 0;
        }
        if (inHeap != size) {
            throw new IllegalStateException(name + " places " + inHeap + " members but holds " + size);
        }
        for (int i = 0; i < size; i++) {
            Agent.Membership m = group.member(who[i]);
            if (slotOf[who[i]] != i) {
                throw new IllegalStateException(name + " has " + m.agent() + " at " + i + " but notes it at "
                        + slotOf[who[i]]);
            }
            if (keys[i] != key.applyAsLong(m.agent())) {
                throw new IllegalStateException(name + " holds a stale key for " + m.agent());
            }
            if (i > 0 && before(keys[i], who[i], keys[(i - 1) >>> 1], who[(i - 1) >>> 1])) {
                throw new IllegalStateException(name + " breaks the heap order at " + m.agent());
            }
        }
    }
}
