package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.acd.stats.Figures;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real statistics attached to the real engine under {@link RandomTraffic}: after every event and timer every
 * queue and the centre balance (offered = answered + abandoned + overflowed + refused + waiting, docs/kpis.md), the
 * calls the statistics count as waiting are the engine's waiting and ringing calls, and once every call has ended the
 * statistics remember none.
 */
class StatisticsFollowTheEngineTest {

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theStatisticsAccountForEveryCallTheEngineRoutes(long seed) {
        RandomTraffic traffic = new RandomTraffic(seed);
        CentreStatistics stats = new CentreStatistics(traffic.initialConfig());

        traffic.run(stats, engine -> checkAgainst(engine, stats.snapshot(engine.now())));

        assertThat(stats.callsTracked()).as("calls remembered after every call ended").isZero();
        assertThat(stats.snapshot(Long.MAX_VALUE / 2).centre().calls().waiting()).isZero();
    }

    private static void checkAgainst(RoutingEngine engine, Figures figures) {
        long engineWaiting = 0;
        for (Map.Entry<String, CallFigures> e : figures.queues().entrySet()) {
            String queue = e.getKey();
            CallFigures calls = e.getValue();
            assertBalanced("queue " + queue, calls);
            long waiting = waitingAndRinging(engine, queue);
            assertThat(calls.waiting()).as("calls waiting in queue %s at %d", queue, engine.now()).isEqualTo(waiting);
            engineWaiting += waiting;
        }
        CallFigures centre = figures.centre().calls();
        assertBalanced("the centre", centre);
        assertThat(centre.waiting()).as("calls waiting in the centre at %d", engine.now()).isEqualTo(engineWaiting);
    }

    /** A queue the engine no longer has (retired and emptied) holds no calls. */
    private static long waitingAndRinging(RoutingEngine engine, String queue) {
        try {
            QueueView view = engine.queue(queue);
            return view.waiting() + view.ringing();
        } catch (IllegalArgumentException gone) {
            return 0;
        }
    }

    private static void assertBalanced(String where, CallFigures c) {
        assertThat(c.answers().answered() + c.abandoned() + c.overflowed() + c.refused() + c.waiting())
                .as("answered + abandoned + overflowed + refused + waiting of %s: %s", where, c)
                .isEqualTo(c.offered());
    }
}
