package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import java.util.List;

/**
 * Loads the calls that the next few events are about, and their agents, all together before those events are
 * handled. Most events start by looking up their call, which in a large centre was last touched minutes ago and
 * is no longer in the cache; looked up one event at a time, each of those loads waits for memory alone. Here the
 * loads of a group of events do not depend on one another (every id's hash, then every slot, then every call, then
 * every agent), so the processor overlaps them, and the handlers then find the calls in the cache.
 *
 * <p>A hint only: it reads, changes nothing, and a call it finds may have changed or ended by the time its event is
 * handled. It pays only when the calls do not fit in the cache, hence {@link #FROM_CALLS}.
 */
final class Lookahead {

    /** Events whose calls are loaded together: loads enough to overlap, few enough for their lines to stay at hand. */
    static final int GROUP = 8;
    /**
     * Below this many calls in the centre the calls and their agents stay in the processor's cache, and looking
     * ahead only adds work (6-9% fewer events per second at 100 agents when it ran there, docs/performance.md).
     */
    static final int FROM_CALLS = 1024;

    private final CallTable table;
    private final int[] hashes = new int[GROUP];
    private final Call[] calls = new Call[GROUP];
    /** What the loads read, written to a field so that the compiler cannot drop them as unused. */
    private long touched;

    Lookahead(CallTable table) {
        this.table = table;
    }

    /** True when the centre holds enough calls for looking ahead to pay. */
    boolean pays() {
        return table.size() >= FROM_CALLS;
    }

    /** Loads the calls of {@code events[from, to)} ({@code to - from <= GROUP}) and their agents. */
    void load(List<? extends AcdEvent> events, int from, int to) {
        int n = to - from;
        Call[] slots = table.slots();
        int mask = slots.length - 1;
        for (int k = 0; k < n; k++) {
            AcdEvent event = events.get(from + k);
            String id = event == null ? null : AcdEvent.callIdOf(event);
            hashes[k] = id == null ? 0 : CallTable.hash(id);
            calls[k] = id == null ? null : slots[hashes[k] & mask];
        }
        long sum = 0;
        for (int k = 0; k < n; k++) {
            Call c = calls[k];
            while (c != null && c.idHash != hashes[k]) {
                c = c.nextInTable;
            }
            calls[k] = c;
            if (c != null) {
                sum += c.priority;
            }
        }
        for (int k = 0; k < n; k++) {
            Call c = calls[k];
            calls[k] = null;
            if (c != null && c.agent != null) {
                sum += c.agent.order;
            }
        }
        touched += sum;
    }
}
