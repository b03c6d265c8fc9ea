package dev.hotline.acd.stats.internal;

import java.util.HashMap;
import java.util.Map;

/** The counters of one period (since start, or one reporting interval): the centre's and each queue's, group's, agent's. */
final class Period {
    final long start;
    long end; // cut short when the interval grid changes in the middle of this interval
    final Tally centre;
    final Map<String, Tally> queues;
    final Map<String, Tally> groups;
    final Map<String, Tally> agents;

    Period(long start, long end) {
        this(start, end, new Tally(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private Period(long start, long end, Tally centre, Map<String, Tally> queues, Map<String, Tally> groups,
                   Map<String, Tally> agents) {
        this.start = start;
        this.end = end;
        this.centre = centre;
        this.queues = queues;
        this.groups = groups;
        this.agents = agents;
    }

    Tally queue(String id) {
        return queues.computeIfAbsent(id, k -> new Tally());
    }

    Tally group(String id) {
        return groups.computeIfAbsent(id, k -> new Tally());
    }

    Tally agent(String id) {
        return agents.computeIfAbsent(id, k -> new Tally());
    }

    /** A deep copy, so a snapshot can add what is still open without touching the counters. */
    Period copy() {
        return new Period(start, end, centre.copy(), copyAll(queues), copyAll(groups), copyAll(agents));
    }

    private static Map<String, Tally> copyAll(Map<String, Tally> tallies) {
        Map<String, Tally> copy = new HashMap<>(tallies.size() * 2);
        tallies.forEach((id, t) -> copy.put(id, t.copy()));
        return copy;
    }
}
