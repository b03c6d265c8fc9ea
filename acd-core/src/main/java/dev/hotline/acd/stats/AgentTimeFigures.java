package dev.hotline.acd.stats;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * How agents spent their logged-in time, from their state changes, in milliseconds. For a group or the centre it is
 * the sum over its agents (an agent in two groups counts in both).
 *
 * @param loggedInMillis    time in any state but LOGGED_OUT: the sum of the five below
 * @param readyMillis       idle and waiting for a call (READY)
 * @param reservedMillis    a call ringing on the agent's phone (RESERVED)
 * @param talkMillis        talking (TALKING)
 * @param wrapUpMillis      after-call work (WRAP_UP)
 * @param notReadyMillis    logged in but not taking calls (NOT_READY), all reasons
 * @param notReadyByReason  {@code notReadyMillis} by reason code ("break", "lunch", ...)
 */
public record AgentTimeFigures(long loggedInMillis, long readyMillis, long reservedMillis, long talkMillis,
                               long wrapUpMillis, long notReadyMillis, Map<String, Long> notReadyByReason) {

    public AgentTimeFigures {
        notReadyByReason = Map.copyOf(notReadyByReason);
    }

    /**
     * Occupancy: the busy share of the time available for calls, (talk + wrap-up + reserved) / (talk + wrap-up +
     * reserved + ready). Empty when no time was available.
     */
    public OptionalDouble occupancy() {
        long busy = talkMillis + wrapUpMillis + reservedMillis;
        return Ratios.of(busy, busy + readyMillis);
    }

    /** Utilisation: (talk + wrap-up) / logged-in time. Empty when nobody was logged in. */
    public OptionalDouble utilisation() {
        return Ratios.of(talkMillis + wrapUpMillis, loggedInMillis);
    }
}
