package dev.hotline.server.serve.internal;

import dev.hotline.acd.model.CentreConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a reload changed in the centre, said in a few sentences for the admin who asked: the agents, queues, skill
 * groups and numbers added or removed, by id. Changes within one that stays (a skill level, an escalation step) are
 * not listed one by one: the files say them.
 */
public final class ConfigChanges {

    private ConfigChanges() {
    }

    /** A sentence per kind of thing added or removed between {@code before} and {@code after}; empty if none. */
    public static List<String> between(CentreConfig before, CentreConfig after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "agents", ids(before.agents(), a -> a.id()), ids(after.agents(), a -> a.id()));
        compare(changes, "queues", ids(before.queues(), q -> q.id()), ids(after.queues(), q -> q.id()));
        compare(changes, "skill groups", ids(before.groups(), g -> g.id()), ids(after.groups(), g -> g.id()));
        compare(changes, "numbers", ids(before.numbers(), n -> n.number()), ids(after.numbers(), n -> n.number()));
        return changes;
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private static void compare(List<String> changes, String what, Set<String> before, Set<String> after) {
        List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
        List<String> removed = before.stream().filter(id -> !after.contains(id)).toList();
        if (!added.isEmpty()) {
            changes.add(what + " added: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            changes.add(what + " removed: " + String.join(", ", removed));
        }
    }
}
