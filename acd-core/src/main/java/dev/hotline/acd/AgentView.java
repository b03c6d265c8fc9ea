package dev.hotline.acd;

import java.util.Optional;

/**
 * An agent as the engine sees it now.
 *
 * @param agentId       the agent
 * @param state         where the agent is in the working day
 * @param reason        the not-ready code, or what caused the last change ("logged in", "wrap-up over", ...)
 * @param sinceMillis   when the agent entered {@code state}
 * @param callId        the call the agent's phone rings for or the agent talks on
 * @param answeredCalls calls answered today (the centre's zone): kept over a logout the same day, started afresh at
 *                      midnight
 * @param talkMillis    talk time today, likewise
 * @param phone         what the agent's phone is doing: a READY agent is offered calls only while it is
 *                      {@link PhoneState#FREE} ("READY, phone busy" on a private call)
 * @param afterCall     where the agent goes when the call (and wrap-up) is over: READY, or the NOT_READY or
 *                      LOGGED_OUT the agent asked for during it ({@link Decision.AgentAfterCall})
 * @param afterCallReason the not-ready code asked for after the call, empty otherwise
 */
public record AgentView(String agentId, AgentState state, String reason, long sinceMillis, Optional<String> callId,
                        int answeredCalls, long talkMillis, PhoneState phone, AgentState afterCall,
                        String afterCallReason) {
}
