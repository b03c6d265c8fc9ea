package dev.hotline.server.journal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a real {@link RoutingEngine} over a centre in virtual time with seeded random callers and agents: calls to
 * the centre's numbers (VIP, blacklisted and unknown callers among them), IVR self-service, impatient callers, ringing
 * that goes unanswered, talk, wrap-up, a break; with {@link #withPrivateCalls()}, agents' phones busy with private
 * calls and one phone unregistered for a while. It reacts to the engine's decisions the way the bridge would.
 */
final class CentreRun implements DecisionListener {
    private static final List<String> DIALLED = List.of("4008001001", "4008001002", "4008001003", "4008001004",
            "4008001005", "4008002017", "4008003042", "4008008888", "4008000000", "4009999999");
    private static final List<String> SPECIAL_CALLERS = List.of("13912345678", "18611112222", "13800138000",
            "17001234567");

    private record Scheduled(long at, long order, AcdEvent event) {
    }

    private final CentreConfig config;
    private final Random random;
    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final Set<String> answered = new HashSet<>();
    private final AtomicLong virtualNow;
    private long order;
    private long lastDecisionAt;
    private boolean privateCalls;
    private RoutingEngine engine;

    /** @param virtualNow set to the engine's time as it advances (a clock for the journal's day can read it) */
    CentreRun(CentreConfig config, long seed, AtomicLong virtualNow) {
        this.config = config;
        this.random = new Random(seed);
        this.virtualNow = virtualNow;
    }

    /**
     * Agents' phones busy with private calls of one to ten minutes, about one every ten minutes (whatever the agent is
     * doing), and one agent's phone unregistered for the first quarter of an hour.
     */
    CentreRun withPrivateCalls() {
        privateCalls = true;
        return this;
    }

    /** Runs from {@code start} with calls arriving for {@code arrivalsMillis}, until every call has ended. */
    void run(long start, long arrivalsMillis, DecisionListener listeners) {
        virtualNow.set(start);
        engine = new RoutingEngine(config, start, 7, DecisionListener.all(listeners, this));
        List<AgentConfig> agents = config.agents();
        for (AgentConfig agent : agents) {
            schedule(start + random.nextInt(60_000), new AcdEvent.AgentLoggedIn(0, agent.id()));
        }
        String onBreak = agents.get(1).id();
        schedule(start + arrivalsMillis / 3, new AcdEvent.AgentNotReady(0, onBreak, "break"));
        schedule(start + arrivalsMillis / 3 + 600_000, new AcdEvent.AgentReady(0, onBreak));
        schedule(start + arrivalsMillis / 2, new AcdEvent.AgentLoggedOut(0, agents.getLast().id()));
        schedule(start + arrivalsMillis * 3 / 5, new AcdEvent.ConfigChanged(0, withShortAbandonOf8s(config)));
        if (privateCalls) {
            schedulePrivateCalls(start, arrivalsMillis, agents);
        }
        int callNumber = 0;
        for (long t = start + 60_000; t < start + arrivalsMillis; t += 1 + (long) (-Math.log(1 - random.nextDouble())
                * 25_000)) {
            String caller = random.nextInt(10) == 0
                    ? SPECIAL_CALLERS.get(random.nextInt(SPECIAL_CALLERS.size()))
                    : "139" + (10_000_000 + random.nextInt(80_000_000));
            String callId = "c" + ++callNumber;
            schedule(t, new AcdEvent.CallArrived(0, callId, caller, DIALLED.get(random.nextInt(DIALLED.size()))));
            // the caller's patience: a hang-up while still waiting abandons the call
            schedule(t + 20_000 + random.nextInt(280_000), new AcdEvent.CallerHungUp(0, callId));
        }
        while (!pending.isEmpty() || engine.nextDeadline() != Long.MAX_VALUE) {
            long nextEvent = pending.isEmpty() ? Long.MAX_VALUE : pending.peek().at;
            if (engine.nextDeadline() < nextEvent) {
                virtualNow.set(engine.nextDeadline());
                engine.advanceTo(engine.nextDeadline());
                continue;
            }
            Scheduled next = pending.poll();
            if (next.event instanceof AcdEvent.CallerHungUp h && answered.contains(h.callId())) {
                continue;
            }
            virtualNow.set(next.at);
            engine.handle(stamped(next.at, next.event));
        }
    }

    /** The time of the last decision the engine made. */
    long lastDecisionAt() {
        return lastDecisionAt;
    }

    @Override
    public void onDecision(Decision decision) {
        lastDecisionAt = decision.at();
        long at = decision.at();
        switch (decision) {
            case Decision.CallClassified c when c.ivrFlow().isPresent() -> {
                int choice = random.nextInt(10);
                if (choice < 3) {
                    schedule(at + 20_000 + random.nextInt(40_000),
                            new AcdEvent.SelfServiceCompleted(0, c.callId(), c.ivrFlow().get()));
                } else {
                    schedule(at + 10_000 + random.nextInt(30_000), queueRequest(c.callId()));
                }
            }
            case Decision.CallClassified c -> schedule(at, queueRequest(c.callId()));
            case Decision.CallOffered o -> {
                int choice = random.nextInt(20);
                if (choice < 17) {
                    schedule(at + 2_000 + random.nextInt(6_000), new AcdEvent.OfferAnswered(0, o.callId(),
                            o.agentId()));
                } else if (choice == 17) {
                    schedule(at + 1_000, new AcdEvent.OfferFailed(0, o.callId(), o.agentId(), "busy"));
                }
                // otherwise the phone rings until the ring timeout
            }
            case Decision.CallAnswered a -> {
                answered.add(a.callId());
                schedule(at + 60_000 + random.nextInt(240_000), new AcdEvent.AgentHungUp(0, a.callId()));
            }
            case Decision.AgentStateChanged s when s.from() == AgentState.LOGGED_OUT ->
                    schedule(at + random.nextInt(30_000), new AcdEvent.AgentReady(0, s.agentId()));
            default -> { }
        }
    }

    private void schedulePrivateCalls(long start, long arrivalsMillis, List<AgentConfig> agents) {
        for (long t = start + 120_000; t < start + arrivalsMillis; t += 300_000 + random.nextInt(600_000)) {
            String agent = agents.get(random.nextInt(agents.size())).id();
            schedule(t, new AcdEvent.PhoneStateChanged(0, agent, PhoneState.BUSY));
            schedule(t + 60_000 + random.nextInt(540_000), new AcdEvent.PhoneStateChanged(0, agent, PhoneState.FREE));
        }
        // logged in before the softphone registered
        String unregistered = agents.getFirst().id();
        schedule(start, new AcdEvent.PhoneStateChanged(0, unregistered, PhoneState.UNREACHABLE));
        schedule(start + 900_000, new AcdEvent.PhoneStateChanged(0, unregistered, PhoneState.FREE));
    }

    /** A live change the statistics must follow from the journal too. */
    private static CentreConfig withShortAbandonOf8s(CentreConfig c) {
        CentreSettings s = c.settings();
        return new CentreConfig(new CentreSettings(s.zone(), s.reportInterval(), Duration.ofSeconds(8),
                s.busyPrompt(), s.defaultBusinessType()), c.numbers(), c.businessTypes(), c.queues(), c.groups(),
                c.agents(), c.blacklist(), c.vipPolicy(), c.vips());
    }

    private AcdEvent queueRequest(String callId) {
        return new AcdEvent.QueueRequested(0, callId, Optional.empty(), 0, Map.of("source", "test"));
    }

    private void schedule(long at, AcdEvent event) {
        pending.add(new Scheduled(at, order++, event));
    }

    /** Events are stamped when they happen; the schedule holds them unstamped. */
    private static AcdEvent stamped(long at, AcdEvent e) {
        return switch (e) {
            case AcdEvent.CallArrived c -> new AcdEvent.CallArrived(at, c.callId(), c.callerNumber(),
                    c.dialledNumber());
            case AcdEvent.QueueRequested q -> new AcdEvent.QueueRequested(at, q.callId(), q.businessType(),
                    q.priorityRaise(), q.attachedData());
            case AcdEvent.SelfServiceCompleted s -> new AcdEvent.SelfServiceCompleted(at, s.callId(), s.flow());
            case AcdEvent.IvrEnded i -> new AcdEvent.IvrEnded(at, i.callId(), i.flow(), i.disposition());
            case AcdEvent.CallerHungUp h -> new AcdEvent.CallerHungUp(at, h.callId());
            case AcdEvent.CallHandedBack h -> new AcdEvent.CallHandedBack(at, h.callId(), h.why());
            case AcdEvent.AgentHungUp h -> new AcdEvent.AgentHungUp(at, h.callId());
            case AcdEvent.OfferDelayed o -> new AcdEvent.OfferDelayed(at, o.callId(), o.agentId());
            case AcdEvent.OfferRinging o -> new AcdEvent.OfferRinging(at, o.callId(), o.agentId(),
                    o.ringTimeoutMillis());
            case AcdEvent.OfferAnswered o -> new AcdEvent.OfferAnswered(at, o.callId(), o.agentId());
            case AcdEvent.OfferFailed o -> new AcdEvent.OfferFailed(at, o.callId(), o.agentId(), o.cause());
            case AcdEvent.AgentLoggedIn l -> new AcdEvent.AgentLoggedIn(at, l.agentId());
            case AcdEvent.AgentLoggedOut l -> new AcdEvent.AgentLoggedOut(at, l.agentId());
            case AcdEvent.AgentReady r -> new AcdEvent.AgentReady(at, r.agentId());
            case AcdEvent.AgentNotReady n -> new AcdEvent.AgentNotReady(at, n.agentId(), n.reason());
            case AcdEvent.ConfigChanged c -> new AcdEvent.ConfigChanged(at, c.config());
            case AcdEvent.PhoneStateChanged p -> new AcdEvent.PhoneStateChanged(at, p.agentId(), p.state());
        };
    }
}
