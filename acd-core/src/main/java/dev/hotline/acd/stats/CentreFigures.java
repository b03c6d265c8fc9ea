package dev.hotline.acd.stats;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The whole centre.
 *
 * @param inbound              calls that reached the centre: classified or refused at arrival
 * @param refusedBlacklist     refused at arrival because the caller is blacklisted
 * @param refusedUnknownNumber refused at arrival because no route matched the dialled number
 * @param selfService          calls completed in IVR self-service ({@code Outcome.SELF_SERVICE})
 * @param abandonedInIvr       callers who hung up before reaching any queue (in the IVR)
 * @param endedInIvr           calls the IVR ended before they reached any queue, neither served there nor hung up
 *                             on: a flow's goodbye without self-service (a closed line, a message left), or handed
 *                             back to Asterisk's dialplan from the IVR ({@code Outcome.ENDED_IN_IVR}, or
 *                             {@code OVERFLOWED} with no queue). A call that never reached a queue ends in exactly one
 *                             of selfService, abandonedInIvr and endedInIvr
 * @param calls                the calls that entered a queue, each counted once whatever queues it went through
 * @param offers               every offer made to an agent, and those the agents missed
 * @param agentTime            all agents' time, each agent counted once
 */
public record CentreFigures(long inbound, long refusedBlacklist, long refusedUnknownNumber, long selfService,
                            long abandonedInIvr, long endedInIvr, CallFigures calls, OfferFigures offers,
                            AgentTimeFigures agentTime) {

    public CentreFigures {
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(agentTime, "agentTime");
    }

    /** All refused calls: blacklisted, unknown number, and turned away by a queue's prompt-and-hang-up treatment. */
    public long refused() {
        return refusedBlacklist + refusedUnknownNumber + calls.refused();
    }

    /**
     * Connection rate (接通率) as the source documents define it: (IVR self-service completions + agent-answered calls)
     * / inbound calls. Empty when no call came in.
     */
    public OptionalDouble connectionRate() {
        return Ratios.of(selfService + calls.answers().answered(), inbound);
    }
}
