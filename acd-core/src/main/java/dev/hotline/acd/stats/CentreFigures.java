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
 * @param calls                the calls that entered a queue, each counted once whatever queues it went through
 * @param agentTime            all agents' time, each agent counted once
 */
public record CentreFigures(long inbound, long refusedBlacklist, long refusedUnknownNumber, long selfService,
                            long abandonedInIvr, CallFigures calls, AgentTimeFigures agentTime) {

    public CentreFigures {
        Objects.requireNonNull(calls, "calls");
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
