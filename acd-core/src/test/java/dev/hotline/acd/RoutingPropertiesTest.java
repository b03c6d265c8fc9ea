package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of events ({@link RandomTraffic}: valid and invalid) against a small centre with VIPs, escalation,
 * overflow, wrap-up and live configuration changes. After every event: the engine's own invariants hold, no agent
 * holds two calls, no call rings two agents; at the end every call that arrived has ended exactly once; and the same
 * seed gives the same decisions.
 */
class RoutingPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Follows the decisions and fails on the first one that breaks a rule. */
    private static final class Observer implements DecisionListener {
        final List<Decision> decisions = new ArrayList<>();
        final Map<String, String> agentHolding = new HashMap<>();
        final Map<String, String> ringing = new HashMap<>();
        final Map<String, Integer> endings = new HashMap<>();
        /** The phone of each agent the engine knows, as its decisions said; an agent it forgets starts FREE again. */
        final Map<String, PhoneState> phones = new HashMap<>();
        /** Agents whose offer just ended missed ({@link OfferEnd#missedByAgent}), until their next state change. */
        final java.util.Set<String> missedBy = new java.util.HashSet<>();
        /** The agents of the configuration in force; null while the first one (every agent of the traffic) is. */
        java.util.Set<String> configured;

        private boolean removed(String agentId) {
            return configured != null && !configured.contains(agentId);
        }

        @Override
        public void onDecision(Decision d) {
            decisions.add(d);
            switch (d) {
                case Decision.CallOffered o -> {
                    assertThat(agentHolding).as("agent %s offered %s", o.agentId(), o.callId())
                            .doesNotContainKey(o.agentId());
                    assertThat(ringing).as("call %s offered twice", o.callId()).doesNotContainKey(o.callId());
                    assertThat(phones.getOrDefault(o.agentId(), PhoneState.FREE))
                            .as("phone of agent %s offered %s", o.agentId(), o.callId()).isEqualTo(PhoneState.FREE);
                    agentHolding.put(o.agentId(), o.callId());
                    ringing.put(o.callId(), o.agentId());
                }
                case Decision.CallAnswered a -> {
                    assertThat(ringing.remove(a.callId())).isEqualTo(a.agentId());
                    assertThat(agentHolding.get(a.agentId())).isEqualTo(a.callId());
                }
                case Decision.CallRequeued r -> {
                    if (r.offerEnd().missedByAgent()) {
                        missedBy.add(r.agentId());
                    }
                    assertThat(ringing.remove(r.callId())).isEqualTo(r.agentId());
                    assertThat(agentHolding.remove(r.agentId())).isEqualTo(r.callId());
                    if (removed(r.agentId())) {
                        phones.remove(r.agentId());
                    }
                }
                case Decision.CallEnded e -> {
                    endings.merge(e.callId(), 1, Integer::sum);
                    String agent = ringing.remove(e.callId());
                    e.agentId().or(() -> java.util.Optional.ofNullable(agent))
                            .filter(this::removed).ifPresent(phones::remove);
                    agentHolding.values().remove(e.callId());
                    if (agent != null) {
                        // a ringing call ends only by its caller hanging up, or handed back as Hotline stops
                        assertThat(e.outcome()).isIn(Outcome.ABANDONED, Outcome.OVERFLOWED);
                    }
                }
                case Decision.AgentAfterCall a ->
                        assertThat(a.state()).isIn(AgentState.RESERVED, AgentState.TALKING);
                case Decision.AgentPhoneChanged p -> {
                    assertThat(p.from()).isEqualTo(phones.getOrDefault(p.agentId(), PhoneState.FREE));
                    assertThat(p.to()).isNotEqualTo(p.from());
                    phones.put(p.agentId(), p.to());
                }
                case Decision.ConfigApplied c -> {
                    configured = new java.util.HashSet<>();
                    c.config().agents().forEach(a -> configured.add(a.id()));
                    // removed agents are forgotten, unless they finish a call first
                    phones.keySet().removeIf(a -> !configured.contains(a) && !agentHolding.containsKey(a));
                }
                case Decision.AgentStateChanged s when missedBy.remove(s.agentId()) ->
                        // a missed offer (rang out, failed) is what puts the agent on a break, or out if leaving
                        assertThat(s.to()).as("agent %s after missing an offer", s.agentId())
                                .isIn(AgentState.NOT_READY, AgentState.LOGGED_OUT);
                case Decision.EventRejected r -> assertThat(r.message()).doesNotStartWith("internal error");
                default -> {
                }
            }
        }
    }

    private static List<Decision> run(long seed) {
        RandomTraffic traffic = new RandomTraffic(seed);
        Observer observer = new Observer();
        RoutingEngine engine = traffic.run(observer, RoutingEngine::validateInternalState);
        for (String id : traffic.arrived()) {
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
        java.util.Set<OfferEnd> offerEnds = java.util.EnumSet.noneOf(OfferEnd.class);
        for (long seed = 0; seed < 40; seed++) {
            for (Decision d : run(seed)) {
                kinds.add(d.getClass());
                if (d instanceof Decision.CallRequeued r) {
                    offerEnds.add(r.offerEnd());
                }
            }
        }

        assertThat(kinds).containsAll(List.of(Decision.class.getPermittedSubclasses()));
        assertThat(offerEnds).containsExactlyInAnyOrder(OfferEnd.values());
    }
}
