package dev.hotline.server.simulation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What only the simulator knows about a run; the call-centre figures come from the statistics listener it fed.
 *
 * @param startMillis        virtual epoch milliseconds at which the run started
 * @param endMillis          virtual time at which it ended: the later of the arrival period's end and the last call's
 * @param callsGenerated     callers who dialled in
 * @param callsByBusinessType of those, per business type of the traffic, in its order
 * @param vipCalls           of those, callers drawn from the VIP list
 * @param blacklistedCalls   of those, callers drawn from the blacklist
 * @param ringNoAnswers      offers the simulated agents let ring out on purpose
 * @param unfinishedCalls    calls still in the centre when the run had to stop (nothing could end them, or they
 *                           outlasted the play-out limit); 0 in a healthy run
 * @param rejectedEvents     events the engine refused; 0 unless simulator and engine disagree about a call's state
 * @param rejectedSamples    the engine's messages for the first few refused events
 */
public record SimulationResult(long startMillis, long endMillis, long callsGenerated,
                               Map<String, Long> callsByBusinessType, long vipCalls,
                               long blacklistedCalls, long ringNoAnswers, long unfinishedCalls, long rejectedEvents,
                               List<String> rejectedSamples) {
    public SimulationResult {
        callsByBusinessType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(callsByBusinessType));
        Objects.requireNonNull(rejectedSamples, "rejectedSamples");
        rejectedSamples = List.copyOf(rejectedSamples);
    }
}
