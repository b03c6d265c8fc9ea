package dev.hotline.acd.internal;

import java.util.Comparator;
import java.util.function.Consumer;

/** READY members in an order that is not the order they became READY in: an {@link OrderStatisticTree}. */
final class ReadyTree implements ReadyIndex {

    private final OrderStatisticTree<Agent> tree;

    ReadyTree(Comparator<Agent> order) {
        this.tree = new OrderStatisticTree<>(order);
    }

    @Override
    public void add(Agent.Membership membership) {
        tree.add(membership.agent());
    }

    @Override
    public void remove(Agent.Membership membership) {
        tree.remove(membership.agent());
    }

    @Override
    public Agent first() {
        return tree.first();
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public Agent get(int index) {
        return tree.get(index);
    }

    @Override
    public boolean contains(Agent.Membership membership) {
        return tree.contains(membership.agent());
    }

    @Override
    public void forEach(Consumer<Agent> action) {
        tree.forEach(action);
    }

    @Override
    public void checkStructure(String name) {
        tree.checkStructure(name);
    }
}
