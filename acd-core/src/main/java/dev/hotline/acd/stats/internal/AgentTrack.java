package dev.hotline.acd.stats.internal;

import dev.hotline.acd.AgentState;

/** An agent's current state since when, and where the last answered call came from (to attribute its wrap-up). */
final class AgentTrack {
    AgentState state;
    long since;
    /** The not-ready reason code while NOT_READY. */
    String reason;
    String lastQueue;
    String lastGroup;

    AgentTrack(AgentState state, long since) {
        this.state = state;
        this.since = since;
    }
}
