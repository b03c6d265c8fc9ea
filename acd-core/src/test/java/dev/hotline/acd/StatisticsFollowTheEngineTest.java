package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.acd.stats.Figures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real statistics attached to the real engine under {@link RandomTraffic}: after every event and timer every
 * queue and the centre balance (offered = answered + abandoned + overflowed + refused + waiting, docs/kpis.md), the
 * calls the statistics count as waiting are the engine's waiting and ringing calls, each agent's time runs in the
 * figure of the state and phone the engine has it in (READY with a busy or unreachable phone apart from READY with a
 * free one, also for agents removed and added again), and once every call has ended the statistics remember none.
 * Every call a queue overflowed or refused was treated there for one cause, and the centre's treated calls are the
 * queues' together.
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

        traffic.run(stats, engine -> {
            Figures now = stats.snapshot(engine.now());
            checkAgainst(engine, now);
            checkAgentTime(engine, now, stats.snapshot(engine.now() + 1_000));
        });

        assertThat(stats.callsTracked()).as("calls remembered after every call ended").isZero();
        assertThat(stats.snapshot(Long.MAX_VALUE / 2).centre().calls().waiting()).isZero();
    }

    private static void checkAgainst(RoutingEngine engine, Figures figures) {
        long engineWaiting = 0;
        for (Map.Entry<String, CallFigures> e : figures.queues().entrySet()) {
            String queue = e.getKey();
            CallFigures calls = e.getValue();
            assertBalanced("queue " + queue, calls);
            assertThat(calls.treated().total()).as("calls treated by queue %s at %d: %s", queue, engine.now(), calls)
                    .isEqualTo(calls.overflowed() + calls.refused());
            long waiting = waitingAndRinging(engine, queue);
            assertThat(calls.waiting()).as("calls waiting in queue %s at %d", queue, engine.now()).isEqualTo(waiting);
            engineWaiting += waiting;
        }
        CallFigures centre = figures.centre().calls();
        assertBalanced("the centre", centre);
        assertThat(centre.treated().total()).as("calls treated in the centre at %d", engine.now())
                .isEqualTo(figures.queues().values().stream().mapToLong(q -> q.treated().total()).sum());
        assertThat(centre.waiting()).as("calls waiting in the centre at %d", engine.now()).isEqualTo(engineWaiting);
    }

    /** Over the next second, each agent's time goes to the figure of the state and phone the engine has it in. */
    private static void checkAgentTime(RoutingEngine engine, Figures now, Figures aSecondLater) {
        aSecondLater.agents().forEach((agent, later) -> {
            // an agent the configuration no longer has appears once it has time counted
            AgentTimeFigures before = now.agents().containsKey(agent) ? now.agents().get(agent).agentTime()
                    : new AgentTimeFigures(0, 0, 0, 0, 0, 0, 0, 0, Map.of());
            Map<String, Long> grew = grown(before, later.agentTime());
            String expected = engine.agent(agent).map(StatisticsFollowTheEngineTest::figureOf).orElse(null);
            assertThat(grew).as("time of agent %s at %d", agent, engine.now())
                    .isEqualTo(expected == null ? Map.of() : Map.of(expected, 1_000L));
        });
    }

    private static String figureOf(AgentView agent) {
        return switch (agent.state()) {
            case LOGGED_OUT -> null;
            case READY -> switch (agent.phone()) {
                case FREE -> "ready";
                case BUSY -> "ready, phone busy";
                case UNREACHABLE -> "ready, phone unreachable";
            };
            case RESERVED -> "reserved";
            case TALKING -> "talk";
            case WRAP_UP -> "wrap-up";
            case NOT_READY -> "not ready";
        };
    }

    private static Map<String, Long> grown(AgentTimeFigures before, AgentTimeFigures after) {
        Map<String, Long> grew = new LinkedHashMap<>();
        grew.put("ready", after.readyMillis() - before.readyMillis());
        grew.put("ready, phone busy", after.readyPhoneBusyMillis() - before.readyPhoneBusyMillis());
        grew.put("ready, phone unreachable",
                after.readyPhoneUnreachableMillis() - before.readyPhoneUnreachableMillis());
        grew.put("reserved", after.reservedMillis() - before.reservedMillis());
        grew.put("talk", after.talkMillis() - before.talkMillis());
        grew.put("wrap-up", after.wrapUpMillis() - before.wrapUpMillis());
        grew.put("not ready", after.notReadyMillis() - before.notReadyMillis());
        grew.values().removeIf(millis -> millis == 0);
        return grew;
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
