package dev.hotline.acd.stats.internal;

/** What the statistics need to remember about a call between its first queue and its end; dropped when it ends. */
final class LiveCall {
    /** The queue the call is in (or was last in), null before it entered one. */
    String queue;
    /** When the call entered its first queue; waits are counted from there, as the engine counts them. */
    long firstQueuedAt;
    /** In a queue and not yet answered, treated or ended (ringing an agent counts as waiting). */
    boolean waiting;
    /**
     * How long the call has waited in queue with no offer ringing: before its first offer, and after each offer that
     * came back (a ring-no-answer) until the next. Erlang C's waiting, when no agent was free to take it.
     */
    long unofferedWaitMillis;
    /** Since when the call waits with no offer ringing; -1 while an offer rings. */
    long unofferedSince = -1;
    /** The skill group of the call's latest offer, null until offered: where a missed offer is counted. */
    String offerGroup;
    /** The skill group the call was answered through, null until answered. */
    String group;
    /** The agent who answered, null until answered. */
    String agent;
}
