package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backlog handed to the engine together ({@link RoutingEngine#handleAll}, as the server drains its inbox) is
 * applied exactly as the same events one at a time: same decisions, same order, rejections included. The traffic is
 * long enough for a few thousand calls to be in the centre at once, where the engine loads calls ahead of their
 * events.
 */
class EventsHandedOverTogetherTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aBacklogHandedOverTogetherGetsTheSameDecisionsAsOneEventAtATime(long seed) {
        RandomTraffic traffic = new RandomTraffic(seed, 100_000);
        List<Decision> oneAtATime = new ArrayList<>();
        int[] ended = {0};
        int[] mostInCentre = {0};
        traffic.run(d -> {
            oneAtATime.add(d);
            if (d instanceof Decision.CallEnded) {
                ended[0]++;
            }
        }, engine -> mostInCentre[0] = Math.max(mostInCentre[0], traffic.arrived().size() - ended[0]));
        // the engine looks ahead from 1,024 calls in the centre
        assertThat(mostInCentre[0]).as("most calls in the centre at once").isGreaterThan(2_000);

        List<Decision> together = new ArrayList<>();
        RoutingEngine engine = new RoutingEngine(traffic.initialConfig(), CentreFixture.START, seed, together::add);
        List<AcdEvent> events = traffic.handled();
        Random batches = new Random(seed);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + batches.nextInt(100));
            engine.handleAll(events.subList(from, to));
            from = to;
        }

        assertThat(together).hasSameSizeAs(oneAtATime);
        assertThat(together).isEqualTo(oneAtATime);
    }
}
