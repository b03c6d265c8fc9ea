package dev.hotline.acd;

import java.util.List;

/**
 * A call waiting in a queue (not while an agent's phone rings for it), as a caller announcement or a wallboard sees
 * it.
 *
 * <p><b>Position</b> is 1 + the number of calls of the same queue that will be served before it: higher priority
 * first, then (within a priority) calls that came back from a ring-no-answer, then earlier arrival in the ACD. It is
 * read from an order-statistic tree per queue, in O(log n).
 *
 * <p><b>Expected wait</b> is position x the queue's smoothed handle time / the number of agents working through the
 * call's eligible groups (logged in and not NOT_READY; an agent in two of them counts once); -1 when there is none
 * (every agent who could serve it is on a break or logged out): no estimate. The
 * smoothed handle time is the mean of talk time plus configured wrap-up of the queue's first answered calls, then
 * from the 32nd an exponentially weighted mean (weight 1/32 for the newest call); 180 s until the queue has answered
 * one.
 *
 * @param callId             the call
 * @param queue              the queue it waits in
 * @param position           1 = next to be served in its queue
 * @param expectedWaitMillis the estimate above, -1 for none
 * @param priority           its current priority (base + IVR raise + VIP and escalation raises)
 * @param waitedMillis       time since the call entered the ACD (its first queue)
 * @param eligibleGroups     the skill groups whose agents may take it now
 * @param vip                whether the caller is in the VIP directory
 */
public record WaitingCall(String callId, String queue, int position, long expectedWaitMillis, int priority,
                          long waitedMillis, List<String> eligibleGroups, boolean vip) {
    public WaitingCall {
        eligibleGroups = List.copyOf(eligibleGroups);
    }
}
