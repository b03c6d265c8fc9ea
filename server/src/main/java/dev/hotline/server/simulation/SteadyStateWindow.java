package dev.hotline.server.simulation;

import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.CentreStatistics;
import java.util.Optional;

/**
 * The agents' time from the arrival of the first measured call to the arrival of the last call: the steady state of
 * a run that ends after a number of calls, without the empty centre filling up before it and without the drain after
 * the last arrival, when agents finish their calls and then sit idle. Over the whole run the drain pulls occupancy
 * down by about the last calls' handle time over the run's length: nothing at 11 agents and 100,000 calls, but 0.90
 * instead of 0.98 at 10,000 agents and 1,000,000 calls.
 *
 * <p>Listens after the {@link CentreStatistics} it reads (so that each reading includes the arrival it is taken at),
 * to the decisions of the measured calls only, which arrive in order.
 */
public final class SteadyStateWindow implements DecisionListener {

    private final CentreStatistics stats;
    private final long measuredCalls;
    private long arrivals;
    private AgentTimeFigures first;
    private long firstAt;
    private AgentTimeFigures last;
    private long lastAt;

    /**
     * @param stats         the statistics the run feeds, read at the two arrivals
     * @param measuredCalls how many calls the run measures (its calls less the warm-up)
     */
    public SteadyStateWindow(CentreStatistics stats, long measuredCalls) {
        this.stats = stats;
        this.measuredCalls = measuredCalls;
    }

    @Override
    public void onDecision(Decision decision) {
        if (decision instanceof Decision.CallClassified arrived) {
            arrivals++;
            if (arrivals == 1) {
                first = stats.snapshot(arrived.at()).centre().agentTime();
                firstAt = arrived.at();
            }
            if (arrivals == measuredCalls) {
                last = stats.snapshot(arrived.at()).centre().agentTime();
                lastAt = arrived.at();
            }
        }
    }

    /** The centre's agent time over the window; empty until the last call arrived, or if it arrived with the first. */
    public Optional<AgentTimeFigures> centreAgentTime() {
        return last == null || lastAt <= firstAt ? Optional.empty() : Optional.of(last.since(first));
    }
}
