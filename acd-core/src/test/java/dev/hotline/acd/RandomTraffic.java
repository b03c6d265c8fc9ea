package dev.hotline.acd;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
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

/**
 * Seeded random traffic for property tests: events of every kind (valid and invalid, including live configuration
 * changes and time passing) against a small centre with VIPs, escalation, overflow, wrap-up and every strategy, driven
 * through a real {@link RoutingEngine}. At the end every caller hangs up, so every call that arrived has ended.
 */
final class RandomTraffic {

    /** Called after every event and every advance of time. */
    interface Check {
        void after(RoutingEngine engine);
    }

    private static final String[] AGENTS = {"a1", "a2", "a3", "a4", "a5", "v1"};
    private static final String[] CALLERS = {"1001", "1002", "1003", "vip-1", "vip-2", "blocked", "1009"};
    private static final String[] DIALLED = {CentreFixture.numberOf("sales"), CentreFixture.numberOf("service"),
            CentreFixture.numberOf("sales"), "unknown"};

    private final int events;
    private final long seed;
    private final Random random;
    private final List<CentreConfig> configs;
    private final List<String> arrived = new ArrayList<>();
    /** Every event handed to the engine, in order (time passing is in the events' times). */
    private final List<AcdEvent> handled = new ArrayList<>();
    /** Calls ringing an agent now, to answer some of them. */
    private final Map<String, String> ringing = new HashMap<>();
    private long time = CentreFixture.START;

    RandomTraffic(long seed) {
        this(seed, 300);
    }

    /** {@code events} steps of random traffic: about one in seven a call arriving, many of which stay to the end. */
    RandomTraffic(long seed, int events) {
        this.events = events;
        this.seed = seed;
        this.random = new Random(seed);
        int variant = random.nextInt(14);
        // the last merges queue service into sales: calls waiting in service move on when it is removed
        configs = List.of(centre(variant).config(), centre(variant + 1).config(),
                centre(variant).removeAgent("a4").config(), centre(variant).removeQueue("service")
                        .businessType(new BusinessType("service", "Service", "sales", Optional.empty()))
                        .route(CentreFixture.numberOf("service"), MatchKind.EXACT, "service").config());
    }

    /** The configuration the engine starts with. */
    CentreConfig initialConfig() {
        return configs.get(0);
    }

    /** The ids of every call that arrived, in order. */
    List<String> arrived() {
        return arrived;
    }

    /** Every event the last {@link #run} handed to its engine, in order. */
    List<AcdEvent> handled() {
        return handled;
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

    /** Runs the traffic through a new engine that reports to {@code listener}; returns the engine at the end. */
    RoutingEngine run(DecisionListener listener, Check check) {
        RoutingEngine engine = new RoutingEngine(initialConfig(), time, seed, d -> {
            follow(d);
            listener.onDecision(d);
        });
        int nextCall = 0;
        for (int step = 0; step < events; step++) {
            // mostly one of the latest calls, sometimes any id ever used or the next (unknown) one
            String call = "c" + (random.nextInt(4) > 0
                    ? Math.max(0, nextCall - 1 - random.nextInt(3)) : random.nextInt(nextCall + 1));
            String agent = AGENTS[random.nextInt(AGENTS.length)];
            AcdEvent event = switch (random.nextInt(22)) {
                case 0, 1, 2 -> {
                    String id = "c" + nextCall++;
                    arrived.add(id);
                    yield new AcdEvent.CallArrived(time, id, CALLERS[random.nextInt(CALLERS.length)],
                            DIALLED[random.nextInt(DIALLED.length)]);
                }
                case 3, 4 -> new AcdEvent.QueueRequested(time, call, Optional.empty(), random.nextInt(3), Map.of());
                case 5 -> new AcdEvent.SelfServiceCompleted(time, call, "flow");
                case 6 -> random.nextInt(8) == 0 ? new AcdEvent.CallHandedBack(time, call, "Hotline stopped")
                        : new AcdEvent.CallerHungUp(time, call);
                case 7 -> new AcdEvent.AgentHungUp(time, call);
                case 8, 9 -> {
                    var offered = new ArrayList<>(ringing.entrySet());
                    if (!offered.isEmpty() && random.nextInt(4) > 0) {
                        var pick = offered.get(random.nextInt(offered.size()));
                        yield new AcdEvent.OfferAnswered(time, pick.getKey(), pick.getValue());
                    }
                    yield new AcdEvent.OfferAnswered(time, call, agent);
                }
                case 10 -> {
                    var offered = new ArrayList<>(ringing.entrySet());
                    if (!offered.isEmpty() && random.nextBoolean()) {
                        // a phone that starts ringing late: the ring timer counts again from now
                        var pick = offered.get(random.nextInt(offered.size()));
                        yield random.nextBoolean() ? new AcdEvent.OfferDelayed(time, pick.getKey(), pick.getValue())
                                : new AcdEvent.OfferRinging(time, pick.getKey(), pick.getValue(), 1_000L * random.nextInt(30));
                    }
                    if (!offered.isEmpty() && random.nextInt(4) == 0) {
                        // the ringing phone turns out busy or unavailable
                        var pick = offered.get(random.nextInt(offered.size()));
                        yield new AcdEvent.OfferFailed(time, pick.getKey(), pick.getValue(), "unavailable");
                    }
                    yield new AcdEvent.OfferFailed(time, call, agent, "busy");
                }
                case 11, 12 -> new AcdEvent.AgentLoggedIn(time, agent);
                case 13 -> new AcdEvent.AgentLoggedOut(time, agent);
                case 14, 15 -> new AcdEvent.AgentReady(time, agent);
                case 16 -> new AcdEvent.AgentNotReady(time, agent, "break");
                case 17 -> new AcdEvent.ConfigChanged(time, configs.get(random.nextInt(configs.size())));
                // private calls and unregistered phones, and the phones of the ACD's own offers and calls
                case 18, 19 -> new AcdEvent.PhoneStateChanged(time, agent,
                        PhoneState.values()[random.nextInt(PhoneState.values().length)]);
                default -> {
                    time += random.nextInt(40_000);
                    engine.advanceTo(time);
                    check.after(engine);
                    yield null;
                }
            };
            if (event != null) {
                handled.add(event);
                engine.handle(event);
                check.after(engine);
            }
        }
        for (String id : arrived) {
            AcdEvent hangUp = new AcdEvent.CallerHungUp(time, id);
            handled.add(hangUp);
            engine.handle(hangUp);
            check.after(engine);
        }
        return engine;
    }

    private void follow(Decision d) {
        switch (d) {
            case Decision.CallOffered o -> ringing.put(o.callId(), o.agentId());
            case Decision.CallAnswered a -> ringing.remove(a.callId());
            case Decision.CallRequeued r -> ringing.remove(r.callId());
            case Decision.CallEnded e -> ringing.remove(e.callId());
            default -> {
            }
        }
    }
}
