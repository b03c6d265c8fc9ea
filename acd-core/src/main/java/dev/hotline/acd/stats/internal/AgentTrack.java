package dev.hotline.acd.stats.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.PhoneState;

/**
 * An agent's current state and phone since when, and the call whose handling its wrap-up is finishing (to count it
 * with its wrap-up).
 */
final class AgentTrack {
    AgentState state;
    /** Up to when the agent's time in {@link #state} is booked: the state's start, or a later split. */
    long since;
    /** When {@link #state} began: a wrap-up counts whole, from here, where it ends. */
    long stateSince;
    /** The not-ready reason code while NOT_READY. */
    String reason;
    /** What the agent's phone is doing, as the engine last reported it; FREE until reported, as in the engine. */
    PhoneState phone = PhoneState.FREE;
    /**
     * The answered call whose conversation is over and whose wrap-up is not: it counts as handled, with its talk and
     * its wrap-up together, where the wrap-up ends (where the conversation ends when none follows), so that a period's
     * AHT is that of the calls whose handling ended in it.
     */
    boolean handling;
    String handlingQueue;
    String handlingGroup;
    long handlingTalkMillis;

    AgentTrack(AgentState state, long since) {
        this.state = state;
        this.since = since;
        this.stateSince = since;
    }
}
