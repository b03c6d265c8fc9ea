package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Treatment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of events (valid and invalid) against a small centre with VIPs, escalation, overflow, wrap-up and
 * live configuration changes. After every event: the engine's own invariants hold, no agent holds two calls, no call
 * rings two agents; at the end every call that arrived has ended exactly once; and the same seed gives the same
 * decisions.
 */
class RoutingPropertiesTest {

    private static final String[] AGENTS = {"a1", "a2", "a3", "a4", "a5", "v1"};
    private static final String[] CALLERS = {"1001", "1002", "1003", "vip-1", "vip-2", "blocked", "1009"};
    private static final String[] DIALLED = {CentreFixture.numberOf("sales"), CentreFixture.numberOf("service"),
            CentreFixture.numberOf("sales"), "unknown"};

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private static CentreFixture centre(int variant) {
        RoutingStrategy[] strategies = RoutingStrategy.values();
        CentreFixture c = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").strategy(strategies[variant % strategies.length])
                        .wrapUp(Duration.ofSeconds(variant % 2 == 0 ? 0 : 20)).ringTimeout(Duration.ofSeconds(12))
                        .maxWaiting(6).maxWait(Duration.ofSeconds(240), new Treatment.Overflow("service"))
                        .step("add-service", Duration.ofSeconds(30), new EscalationAction.AddGroups(List.of("v")))
                        .step("announce", Duration.ofSeconds(60), new EscalationAction.Announce("p"))
                        .step("raise", Duration.ofSeconds(90), new EscalationAction.RaisePriority(2))
                        .whenNoAgents(new Treatment.Overflow("service")))
                .queue("service", q -> q.groups("v").strategy(strategies[(variant + 3) % strategies.length])
                        .wrapUp(Duration.ofSeconds(10))
                        .step("back", Duration.ofSeconds(200), new EscalationAction.OverflowTo(
                                new Treatment.Overflow("sales")))
                        .whenNoAgents(new Treatment.Voicemail("box", "")))
                .vipGroup("vip", Duration.ofSeconds(variant % 3 * 10), 10)
                .vip("vip-1", "One", "gold").vip("vip-2", "Two", "silver")
                .blacklist(new BlacklistEntry("blocked", MatchKind.EXACT, Optional.empty(), "test", Optional.empty()))
                .agent("a1", "s:3").agent("a2", "s:7", "v:2").agent("a3", "v").agent("a4", "s", "v")
                .agent("v1", "vip", "s");
        if (variant % 2 == 1) {
            c.agent("a5", "v:9").queue("sales", q -> q.groups("s", "v"));
        }
        return c;
    }

    /** Follows the decisions and fails on the first one that breaks a rule. */
    private static final class Observer implements DecisionListener {
        final List<Decision> decisions = new ArrayList<>();
        final Map<String, String> agentHolding = new HashMap<>();
        final Map<String, String> ringing = new HashMap<>();
        final Map<String, Integer> endings = new HashMap<>();
        final List<String> arrived = new ArrayList<>();

        @Override
        public void onDecision(Decision d) {
            decisions.add(d);
            switch (d) {
                case Decision.CallOffered o -> {
                    assertThat(agentHolding).as("agent %s offered %s", o.agentId(), o.callId())
                            .doesNotContainKey(o.agentId());
                    assertThat(ringing).as("call %s offered twice", o.callId()).doesNotContainKey(o.callId());
                    agentHolding.put(o.agentId(), o.callId());
                    ringing.put(o.callId(), o.agentId());
                }
                case Decision.CallAnswered a -> {
                    assertThat(ringing.remove(a.callId())).isEqualTo(a.agentId());
                    assertThat(agentHolding.get(a.agentId())).isEqualTo(a.callId());
                }
                case Decision.CallRequeued r -> {
                    assertThat(ringing.remove(r.callId())).isEqualTo(r.agentId());
                    assertThat(agentHolding.remove(r.agentId())).isEqualTo(r.callId());
                }
                case Decision.CallEnded e -> {
                    endings.merge(e.callId(), 1, Integer::sum);
                    String agent = ringing.remove(e.callId());
                    agentHolding.values().remove(e.callId());
                    if (agent != null) {
                        assertThat(e.outcome()).isEqualTo(Outcome.ABANDONED);
                    }
                }
                case Decision.EventRejected r -> assertThat(r.message()).doesNotStartWith("internal error");
                default -> {
                }
            }
        }
    }

    private static List<Decision> run(long seed) {
        Random random = new Random(seed);
        int variant = random.nextInt(14);
        List<CentreConfig> configs = List.of(centre(variant).config(), centre(variant + 1).config(),
                centre(variant).removeAgent("a4").config());
        Observer observer = new Observer();
        long time = CentreFixture.START;
        RoutingEngine engine = new RoutingEngine(configs.get(0), time, seed, observer);
        int nextCall = 0;
        for (int step = 0; step < 300; step++) {
            // mostly one of the latest calls, sometimes any id ever used or the next (unknown) one
            String call = "c" + (random.nextInt(4) > 0
                    ? Math.max(0, nextCall - 1 - random.nextInt(3)) : random.nextInt(nextCall + 1));
            String agent = AGENTS[random.nextInt(AGENTS.length)];
            AcdEvent event = switch (random.nextInt(20)) {
                case 0, 1, 2 -> {
                    String id = "c" + nextCall++;
                    observer.arrived.add(id);
                    yield new AcdEvent.CallArrived(time, id, CALLERS[random.nextInt(CALLERS.length)],
                            DIALLED[random.nextInt(DIALLED.length)]);
                }
                case 3, 4 -> new AcdEvent.QueueRequested(time, call, Optional.empty(), random.nextInt(3), Map.of());
                case 5 -> new AcdEvent.SelfServiceCompleted(time, call, "flow");
                case 6 -> new AcdEvent.CallerHungUp(time, call);
                case 7 -> new AcdEvent.AgentHungUp(time, call);
                case 8, 9 -> {
                    var offered = new ArrayList<>(observer.ringing.entrySet());
                    if (!offered.isEmpty() && random.nextInt(4) > 0) {
                        var pick = offered.get(random.nextInt(offered.size()));
                        yield new AcdEvent.OfferAnswered(time, pick.getKey(), pick.getValue());
                    }
                    yield new AcdEvent.OfferAnswered(time, call, agent);
                }
                case 10 -> new AcdEvent.OfferFailed(time, call, agent, "busy");
                case 11, 12 -> new AcdEvent.AgentLoggedIn(time, agent);
                case 13 -> new AcdEvent.AgentLoggedOut(time, agent);
                case 14, 15 -> new AcdEvent.AgentReady(time, agent);
                case 16 -> new AcdEvent.AgentNotReady(time, agent, "break");
                case 17 -> new AcdEvent.ConfigChanged(time, configs.get(random.nextInt(configs.size())));
                default -> {
                    time += random.nextInt(40_000);
                    engine.advanceTo(time);
                    engine.validateInternalState();
                    yield null;
                }
            };
            if (event != null) {
                engine.handle(event);
                engine.validateInternalState();
            }
        }
        for (String id : observer.arrived) {
            engine.handle(new AcdEvent.CallerHungUp(time, id));
        }
        engine.validateInternalState();
        for (String id : observer.arrived) {
            assertThat(observer.endings.get(id)).as("CallEnded decisions for %s", id).isEqualTo(1);
        }
        assertThat(engine.nextDeadline()).as("only agent wrap-up timers may remain")
                .isGreaterThanOrEqualTo(engine.now());
        return observer.decisions;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTrafficKeepsEveryRoutingInvariantAndIsRepeatable(long seed) {
        List<Decision> first = run(seed);
        List<Decision> second = run(seed);

        assertThat(second).isEqualTo(first);
    }

    /** The generator is worth its name: across a few seeds it exercises every kind of decision. */
    @org.junit.jupiter.api.Test
    void theRandomTrafficExercisesEveryKindOfDecision() {
        java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            for (Decision d : run(seed)) {
                kinds.add(d.getClass());
            }
        }

        assertThat(kinds).containsAll(List.of(Decision.class.getPermittedSubclasses()));
    }
}
