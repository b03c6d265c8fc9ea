package dev.hotline.acd.internal;

import dev.hotline.acd.model.Skill;
import java.util.function.Consumer;

/**
 * READY members in skill-level order: the highest level in the group first, longest idle within a level. Levels are
 * 1..10, so this is one {@link ReadyQueue} per level and the first agent is found by looking at ten lists at most.
 */
final class ReadyByLevel implements ReadyIndex {

    private final ReadyQueue[] byLevel = new ReadyQueue[Skill.MAX_LEVEL + 1];
    private int size;

    ReadyByLevel() {
        for (int level = 0; level < byLevel.length; level++) {
            byLevel[level] = new ReadyQueue(true);
        }
    }

    @Override
    public void add(Agent.Membership membership) {
        byLevel[membership.level()].add(membership);
        size++;
    }

    @Override
    public void remove(Agent.Membership membership) {
        ReadyQueue level = byLevel[membership.level()];
        if (level.contains(membership)) {
            level.remove(membership);
            size--;
        }
    }

    @Override
    public Agent first() {
        if (size == 0) {
            return null;
        }
        for (int level = byLevel.length - 1; level >= 0; level--) {
            if (!byLevel[level].isEmpty()) {
                return byLevel[level].first();
            }
        }
        return null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Agent get(int index) {
        int skipped = 0;
        for (int level = byLevel.length - 1; level >= 0; level--) {
            int n = byLevel[level].size();
            if (index < skipped + n) {
                return byLevel[level].get(index - skipped);
            }
            skipped += n;
        }
        throw new IndexOutOfBoundsException(index + " of " + size);
    }

    @Override
    public boolean contains(Agent.Membership membership) {
        return byLevel[membership.level()].contains(membership);
    }

    @Override
    public void forEach(Consumer<Agent> action) {
        for (int level = byLevel.length - 1; level >= 0; level--) {
            byLevel[level].forEach(action);
        }
    }

    @Override
    public void checkStructure(String name) {
        int n = 0;
        for (int level = 0; level < byLevel.length; level++) {
            byLevel[level].checkStructure(name + ", level " + level);
            n += byLevel[level].size();
        }
        if (n != size) {
            throw new IllegalStateException(name + ": holds " + n + " agents but counts " + size);
        }
    }
}
