package dev.hotline.acd.stats;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable snapshot of the figures over one period: since the statistics started, or one reporting interval.
 * Maps are sorted by id and hold every configured queue, group and agent (with zeros when nothing happened) plus any
 * other id the decisions named.
 *
 * @param from   start of the period, epoch milliseconds (the first decision seen, or the interval's start)
 * @param to     end of the period, epoch milliseconds (the snapshot's {@code now}, or the interval's end if earlier)
 * @param centre the whole centre
 * @param queues per queue id
 * @param groups per skill group id
 * @param agents per agent id
 */
public record Figures(long from, long to, CentreFigures centre, Map<String, CallFigures> queues,
                      Map<String, StaffFigures> groups, Map<String, StaffFigures> agents) {

    public Figures {
        Objects.requireNonNull(centre, "centre");
        queues = Collections.unmodifiableSortedMap(new TreeMap<>(queues));
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
        agents = Collections.unmodifiableSortedMap(new TreeMap<>(agents));
    }
}
