package dev.hotline.ivr;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-node counters over all sessions: entries, exits by exit name, timeouts, invalid inputs, hang-ups (where callers
 * give up) and expression failures. Safe to feed from sessions on several threads.
 */
public final class NodeStatistics implements FlowListener {
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    private Counters of(String flow, String node) {
        return counters.computeIfAbsent(flow + '\u0000' + node, k -> new Counters());
    }

    @Override
    public void entered(String flow, String node) {
        of(flow, node).entries.increment();
    }

    @Override
    public void exited(String flow, String node, String exit) {
        of(flow, node).exits.computeIfAbsent(exit, e -> new LongAdder()).increment();
    }

    @Override
    public void timedOut(String flow, String node) {
        of(flow, node).timeouts.increment();
    }

    @Override
    public void invalidInput(String flow, String node) {
        of(flow, node).invalidInputs.increment();
    }

    @Override
    public void hungUp(String flow, String node) {
        of(flow, node).hangUps.increment();
    }

    @Override
    public void expressionFailed(String flow, String node, String message) {
        of(flow, node).expressionFailures.increment();
    }

    /** The counts of one node (all zero when no session has been there). */
    public NodeCounts counts(String flow, String node) {
        Counters c = counters.get(flow + '\u0000' + node);
        return c == null ? new NodeCounts(0, Map.of(), 0, 0, 0, 0) : c.snapshot();
    }

    /**
     * A snapshot of one node's counters.
     *
     * @param exits how often each exit was taken, by exit name
     */
    public record NodeCounts(long entries, Map<String, Long> exits, long timeouts, long invalidInputs, long hangUps,
                             long expressionFailures) {
        public NodeCounts {
            exits = Map.copyOf(exits);
        }
    }

    private static final class Counters {
        final LongAdder entries = new LongAdder();
        final Map<String, LongAdder> exits = new ConcurrentHashMap<>();
        final LongAdder timeouts = new LongAdder();
        final LongAdder invalidInputs = new LongAdder();
        final LongAdder hangUps = new LongAdder();
        final LongAdder expressionFailures = new LongAdder();

        NodeCounts snapshot() {
            Map<String, Long> exitCounts = new TreeMap<>();
            exits.forEach((exit, count) -> exitCounts.put(exit, count.sum()));
            return new NodeCounts(entries.sum(), exitCounts, timeouts.sum(), invalidInputs.sum(), hangUps.sum(),
                    expressionFailures.sum());
        }
    }
}
