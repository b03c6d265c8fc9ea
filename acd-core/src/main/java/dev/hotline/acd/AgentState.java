package dev.hotline.acd;

/** Where an agent is in the working day. One call per agent: only {@link #READY} agents are offered calls. */
public enum AgentState {
    LOGGED_OUT,
    /** Idle and waiting for a call. */
    READY,
    /** A call has been offered and the agent's phone is ringing. */
    RESERVED,
    TALKING,
    /** After-call work; ready again when the queue's wrap-up time is over or the agent says so. */
    WRAP_UP,
    /** Logged in but not taking calls, with a reason code (break, no answer, ...). */
    NOT_READY
}
