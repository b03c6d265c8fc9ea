package dev.hotline.acd.stats.internal;

/** What the statistics need to remember about a call between its first queue and its end; dropped when it ends. */
final class LiveCall {
    /** The queue the call is in (or was last in), null before it entered one. */
    String queue;
    /** When the call entered its first queue; waits are counted from there, as the engine counts them. */
    long firstQueuedAt;
    /** In a queue and not yet answered, treated or ended (ringing an agent counts as waiting). */
    boolean waiting;
    /** How long the call had waited when first offered to an agent; -1 until it is. */
    long firstOfferWaitMillis = -1;
    /** The skill group of the call's latest offer, null until offered: where a missed offer is counted. */
    String offerGroup;
    /** The skill group the call was answered through, null until answered. */
    String group;
    /** The agent who answered, null until answered. */
    String agent;
}
