package dev.hotline.acd.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How agents spent their logged-in time, from their state changes and their phones, in milliseconds. For a group or
 * the centre it is the sum over its agents (an agent in two groups counts in both).
 *
 * <p>READY time is split by the agent's phone: only READY time with a free phone is time available for the ACD's
 * calls ({@code readyMillis}). While the phone is busy with a call the ACD did not give (a private call) or is not
 * registered, the engine offers the agent nothing, so that time is counted apart and is outside occupancy; it is
 * still logged-in time, so it lowers utilisation, like not-ready time.
 *
 * @param loggedInMillis              time in any state but LOGGED_OUT: the sum of the seven below
 * @param readyMillis                 idle and available for a call: READY with a free phone
 * @param readyPhoneBusyMillis        READY, but the phone is busy with a call the ACD did not give (a private call,
 *                                    or the end of an ACD call the phone still reports): not offered calls
 * @param readyPhoneUnreachableMillis READY, but the phone is not registered: not offered calls
 * @param reservedMillis              a call ringing on the agent's phone (RESERVED)
 * @param talkMillis                  talking (TALKING)
 * @param wrapUpMillis                after-call work (WRAP_UP)
 * @param notReadyMillis              logged in but not taking calls (NOT_READY), all reasons
 * @param notReadyByReason            {@code notReadyMillis} by reason code ("break", "lunch", ...)
 */
public record AgentTimeFigures(long loggedInMillis, long readyMillis, long readyPhoneBusyMillis,
                               long readyPhoneUnreachableMillis, long reservedMillis, long talkMillis,
                               long wrapUpMillis, long notReadyMillis, Map<String, Long> notReadyByReason) {

    public AgentTimeFigures {
        notReadyByReason = Map.copyOf(notReadyByReason);
    }

    /**
     * The time spent between two readings of the same agents' figures, {@code earlier} and this one: for a window of
     * a run, such as a simulation's steady state without the filling up before it and the drain after it.
     */
    public AgentTimeFigures since(AgentTimeFigures earlier) {
        Map<String, Long> reasons = new HashMap<>(notReadyByReason);
        earlier.notReadyByReason.forEach((reason, millis) -> reasons.merge(reason, -millis, Long::sum));
        reasons.values().removeIf(millis -> millis == 0);
        return new AgentTimeFigures(loggedInMillis - earlier.loggedInMillis, readyMillis - earlier.readyMillis,
                readyPhoneBusyMillis - earlier.readyPhoneBusyMillis,
                readyPhoneUnreachableMillis - earlier.readyPhoneUnreachableMillis,
                reservedMillis - earlier.reservedMillis, talkMillis - earlier.talkMillis,
                wrapUpMillis - earlier.wrapUpMillis, notReadyMillis - earlier.notReadyMillis, reasons);
    }

    /**
     * Occupancy: the busy share of the time available for calls, (talk + wrap-up + reserved) / (talk + wrap-up +
     * reserved + ready). READY time with a busy or unreachable phone is not available, so it is in neither. Empty
     * when no time was available.
     */
    public OptionalDouble occupancy() {
        long busy = talkMillis + wrapUpMillis + reservedMillis;
        return Ratios.of(busy, busy + readyMillis);
    }

    /**
     * Utilisation (工时利用率): (talk + wrap-up) / logged-in time. Not-ready time and READY time with a phone that is
     * not free are logged-in time and lower it. Empty when nobody was logged in.
     */
    public OptionalDouble utilisation() {
        return Ratios.of(talkMillis + wrapUpMillis, loggedInMillis);
    }
}
