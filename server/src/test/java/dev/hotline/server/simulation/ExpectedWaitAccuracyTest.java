package dev.hotline.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hotline.acd.Decision;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expected wait a caller is told on entering a busy queue is, on average, the wait they then have: the real
 * engine under Erlang C traffic (Poisson arrivals, exponential handle times, nobody hangs up), callers who found every
 * agent busy, compared position by position. Position x handle time / agents is the mean time until the agents have
 * freed that many times when all are busy; what can make it wrong is the handle time it reads, a mean of the queue's
 * recent calls that runs high just when the queue is long (docs/routing.md).
 */
class ExpectedWaitAccuracyTest {

    @ParameterizedTest(name = "{0} agents, {1} Erlangs")
    @CsvSource({"11, 10", "13, 10", "50, 48"})
    void callersToldAnExpectedWaitWaitThatLongOnAverageAtEveryPositionOfTheFirstTen(int agents, double erlangs) {
        SingleQueueScenario queue = new SingleQueueScenario(agents, erlangs, Duration.ofMinutes(3),
                Duration.ofSeconds(20), 100_000, Optional.empty());
        Map<String, Decision.CallQueued> queued = new HashMap<>();
        double[] told = new double[11];
        double[] waited = new double[11];
        long[] callers = new long[11];

        new CentreSimulation(queue.centreConfig(), queue.traffic(), 1).run(d -> {
            if (d instanceof Decision.CallQueued q) {
                queued.put(q.callId(), q);
            } else if (d instanceof Decision.CallAnswered a && a.waitedMillis() > 0) {
                Decision.CallQueued q = queued.remove(a.callId());
                if (q != null && q.position() <= 10 && q.expectedWaitMillis() >= 0) {
                    told[q.position()] += q.expectedWaitMillis();
                    waited[q.position()] += a.waitedMillis();
                    callers[q.position()]++;
                }
            }
        });

        for (int position = 1; position <= 10; position++) {
            assertThat(callers[position]).as("callers who entered at position %d", position).isGreaterThan(500);
            double meanWaited = waited[position] / callers[position];
            assertThat(told[position] / callers[position]).as("mean expected wait told at position %d", position)
                    .isCloseTo(meanWaited, within(0.10 * meanWaited));
        }
    }
}
