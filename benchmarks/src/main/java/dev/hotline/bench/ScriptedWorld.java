package dev.hotline.bench;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.AgentConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Callers, agents' phones and agents' desktops, scripted: a discrete-event simulation that drives a
 * {@link RoutingEngine} with a steady-state call-centre load and reacts to its decisions (an offer is answered by the
 * offered agent, a conversation ends after its talk time, an agent back from a break says ready). It records every
 * event it hands to the engine, so the benchmark can replay them without it.
 *
 * <p>Traffic, per second of virtual time: Poisson arrivals at 105% of the agents' capacity ({@link #OFFERED_LOAD}; the
 * benchmark may ask for another share) (mean handle time 195 s:
 * talk uniform 30-330 s, wrap-up 10 s, ringing), spread over the queues by their weight; callers give up after an
 * exponential patience of mean 120 s in the queue, which holds a standing backlog. 3% of callers are VIPs, 0.5%
 * blacklisted; calls to IVR numbers spend 20 s in the IVR (one in ten finishes there). Offers: 96% answered after
 * 2-8 s, 2% ring until the ring timeout, 2% fail after 1 s; an agent who missed an offer is ready again 30 s later.
 * After a call, 30% of agents end wrap-up early (after 3-8 s) and 2% take a 5 min break.
 */
final class ScriptedWorld implements DecisionListener {

    static final long TALK_MIN_MILLIS = 30_000;
    static final long TALK_MAX_MILLIS = 330_000;
    static final double MEAN_HANDLE_SECONDS = 195;
    /** The benchmark's offered load, as a share of the agents' capacity: a standing backlog in most groups. */
    static final double OFFERED_LOAD = 1.05;
    static final double MEAN_PATIENCE_MILLIS = 120_000;
    static final long IVR_MILLIS = 20_000;

    private record Pending(long at, long seq, Supplier<AcdEvent> event) {
    }

    private static final class CallRecord {
        final String id;
        /** A call of the start-up burst: it talks 0-360 s, so hang-ups are spread as in a running centre. */
        final boolean burst;
        boolean waiting;
        boolean talking;
        boolean ended;
        int offers;

        CallRecord(String id, boolean burst) {
            this.id = id;
            this.burst = burst;
        }
    }

    private static final class AgentRecord {
        AgentState state = AgentState.LOGGED_OUT;
        /** Changes with every state change, so a scripted reaction to an old state is dropped. */
        int epoch;
    }

    private final SyntheticCentre centre;
    private final SplittableRandom random;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Map<String, CallRecord> calls = new HashMap<>();
    private final Map<String, AgentRecord> agents = new HashMap<>();
    private final double[] cumulativeWeight;
    private final double offeredLoad;
    private final double arrivalsPerMilli;
    private final EventMix mix = new EventMix();
    private RoutingEngine engine;
    private long clock;
    private long seq;
    private long callSeq;
    private int waitingCalls;
    private int readyAgents;

    /** @param offeredLoad the arrivals as a share of the agents' capacity, e.g. {@link #OFFERED_LOAD} */
    ScriptedWorld(SyntheticCentre centre, long seed, double offeredLoad) {
        if (!(offeredLoad > 0)) {
            throw new IllegalArgumentException("offered load must be above 0, got " + offeredLoad);
        }
        this.centre = centre;
        this.offeredLoad = offeredLoad;
        this.random = new SplittableRandom(seed);
        double[] w = centre.queueWeight();
        cumulativeWeight = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            cumulativeWeight[i] = sum;
        }
        arrivalsPerMilli = offeredLoad * centre.agentCount() / MEAN_HANDLE_SECONDS / 1000.0;
        for (AgentConfig a : centre.config().agents()) {
            agents.put(a.id(), new AgentRecord());
        }
    }

    /**
     * Runs the centre from {@code startMillis}: every agent logs in and is ready, a burst of calls fills the agents
     * over 10 s, steady traffic runs for {@code warmUpMillis}; then {@code measuredEvents} more events are recorded.
     * {@code observer} sees the engine's decisions before the world reacts to them.
     */
    Recording run(long startMillis, long engineSeed, DecisionListener observer, long warmUpMillis,
                  int measuredEvents) {
        clock = startMillis;
        List<AcdEvent> events = new ArrayList<>();
        engine = new RoutingEngine(centre.config(), startMillis, engineSeed, DecisionListener.all(observer, this));
        for (AgentConfig a : centre.config().agents()) {
            send(events, new AcdEvent.AgentLoggedIn(startMillis, a.id()));
            send(events, new AcdEvent.AgentReady(startMillis, a.id()));
        }
        int burstCalls = (int) (offeredLoad * centre.agentCount());
        for (int i = 0; i < burstCalls; i++) {
            long at = startMillis + 10_000L * i / burstCalls;
            schedule(at, () -> arrival(at, true));
        }
        long steadyFrom = startMillis + 10_000;
        schedule(steadyFrom, () -> arrival(steadyFrom, false));
        long measureFrom = steadyFrom + warmUpMillis;
        int measuredFrom = -1;
        while (measuredFrom < 0 || events.size() < measuredFrom + measuredEvents) {
            Pending p = pending.poll();
            if (measuredFrom < 0 && p.at >= measureFrom) {
                measuredFrom = events.size();
                mix.startCounting();
            }
            clock = Math.max(clock, p.at);
            AcdEvent event = p.event.get();
            if (event != null) {
                send(events, event);
            }
        }
        return new Recording(events.toArray(new AcdEvent[0]), measuredFrom, mix);
    }

    /** The recorded events and where the measured (steady-state) part starts. */
    record Recording(AcdEvent[] events, int measuredFrom, EventMix mix) {
    }

    private void send(List<AcdEvent> events, AcdEvent event) {
        events.add(event);
        mix.event(event);
        engine.handle(event);
        mix.sample(waitingCalls, readyAgents);
    }

    private void schedule(long at, Supplier<AcdEvent> event) {
        pending.add(new Pending(Math.max(at, clock), seq++, event));
    }

    // ------------------------------------------------------------ callers

    private AcdEvent arrival(long at, boolean fromBurst) {
        if (!fromBurst) {
            long next = at + Math.max(0, Math.round(-Math.log(1 - random.nextDouble()) / arrivalsPerMilli));
            schedule(next, () -> arrival(next, false));
        }
        int queue = pickQueue();
        String dialled = centre.prefixRouted()[queue]
                ? centre.dialledNumbers()[queue] + String.format("%02d", random.nextInt(100))
                : centre.dialledNumbers()[queue];
        int r = random.nextInt(1000);
        String caller;
        if (r < 4) {
            caller = centre.blockedCallers()[random.nextInt(centre.blockedCallers().length)];
        } else if (r < 5) {
            caller = "170" + String.format("%08d", random.nextInt(100_000_000));
        } else if (r < 35) {
            caller = centre.vipCallers()[random.nextInt(centre.vipCallers().length)];
        } else {
            caller = centre.ordinaryCallers()[random.nextInt(centre.ordinaryCallers().length)];
        }
        String callId = "c" + (++callSeq);
        calls.put(callId, new CallRecord(callId, fromBurst));
        return new AcdEvent.CallArrived(at, callId, caller, dialled);
    }

    private int pickQueue() {
        double x = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int lo = 0;
        int hi = cumulativeWeight.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeight[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void classified(Decision.CallClassified d) {
        CallRecord call = calls.get(d.callId());
        if (d.ivrFlow().isEmpty()) {
            queueAfter(call, d.at(), Map.of());
        } else if (random.nextInt(10) == 0) {
            String flow = d.ivrFlow().get();
            schedule(d.at() + 2 * IVR_MILLIS,
                    () -> call.ended ? null : new AcdEvent.SelfServiceCompleted(clock, call.id, flow));
        } else {
            queueAfter(call, d.at() + IVR_MILLIS, Map.of("menu", "1", "order", Long.toString(callSeq)));
        }
    }

    private void queueAfter(CallRecord call, long at, Map<String, String> attached) {
        schedule(at, () -> call.ended ? null
                : new AcdEvent.QueueRequested(clock, call.id, Optional.empty(), 0, attached));
        long patience = Math.round(-Math.log(1 - random.nextDouble()) * MEAN_PATIENCE_MILLIS);
        if (!call.burst) {
            schedule(at + patience, () -> call.ended || call.talking ? null
                    : new AcdEvent.CallerHungUp(clock, call.id));
        }
    }

    private void offered(Decision.CallOffered d) {
        CallRecord call = calls.get(d.callId());
        call.waiting = false;
        waitingCalls--;
        int offer = ++call.offers;
        String agent = d.agentId();
        int r = random.nextInt(100);
        if (r < 96) {
            schedule(d.at() + 2_000 + random.nextInt(6_000), () -> call.ended || call.offers != offer ? null
                    : new AcdEvent.OfferAnswered(clock, call.id, agent));
        } else if (r < 98) {
            schedule(d.at() + 1_000, () -> call.ended || call.offers != offer ? null
                    : new AcdEvent.OfferFailed(clock, call.id, agent, "busy"));
        }
        // else: the phone rings until the engine's ring timeout
    }

    private void answered(Decision.CallAnswered d) {
        CallRecord call = calls.get(d.callId());
        call.talking = true;
        long talk = call.burst
                ? random.nextLong(0, 360_000)
                : random.nextLong(TALK_MIN_MILLIS, TALK_MAX_MILLIS + 1);
        boolean agentEnds = random.nextBoolean();
        schedule(d.at() + talk, () -> call.ended ? null
                : agentEnds ? new AcdEvent.AgentHungUp(clock, call.id) : new AcdEvent.CallerHungUp(clock, call.id));
    }

    // ------------------------------------------------------------ agents

    private void agentChanged(Decision.AgentStateChanged d) {
        AgentRecord agent = agents.get(d.agentId());
        if (d.from() == AgentState.READY) {
            readyAgents--;
        }
        if (d.to() == AgentState.READY) {
            readyAgents++;
        }
        agent.state = d.to();
        int epoch = ++agent.epoch;
        String id = d.agentId();
        if (d.to() == AgentState.WRAP_UP) {
            int r = random.nextInt(100);
            if (r < 30) {
                schedule(d.at() + 3_000 + random.nextInt(5_000), () -> agent.epoch != epoch ? null
                        : new AcdEvent.AgentReady(clock, id));
            } else if (r < 32) {
                schedule(d.at() + 1_000, () -> agent.epoch != epoch ? null
                        : new AcdEvent.AgentNotReady(clock, id, "break"));
                readyAfterBreak(agent, id, epoch + 1, d.at() + 301_000);
            }
        } else if (d.to() == AgentState.NOT_READY && d.from() == AgentState.RESERVED) {
            readyAfterBreak(agent, id, epoch, d.at() + 30_000);
        }
    }

    private void readyAfterBreak(AgentRecord agent, String id, int epoch, long at) {
        schedule(at, () -> agent.epoch != epoch || agent.state != AgentState.NOT_READY ? null
                : new AcdEvent.AgentReady(clock, id));
    }

    // ------------------------------------------------------------ decisions

    @Override
    public void onDecision(Decision decision) {
        mix.decision(decision);
        switch (decision) {
            case Decision.CallClassified d -> classified(d);
            case Decision.CallQueued d -> {
                calls.get(d.callId()).waiting = true;
                waitingCalls++;
            }
            case Decision.CallRequeued d -> {
                calls.get(d.callId()).waiting = true;
                waitingCalls++;
            }
            case Decision.CallOffered d -> offered(d);
            case Decision.CallAnswered d -> answered(d);
            case Decision.CallEnded d -> {
                CallRecord call = calls.remove(d.callId());
                if (call != null) {
                    call.ended = true;
                    if (call.waiting) {
                        waitingCalls--;
                    }
                }
                if (d.outcome() == Outcome.ABANDONED) {
                    mix.abandoned();
                }
            }
            case Decision.CallMoved d -> {
                // stays waiting, in another queue
            }
            case Decision.AgentStateChanged d -> agentChanged(d);
            case Decision.EventRejected d -> throw new IllegalStateException(
                    "the scripted world sent an event the engine rejected: " + d.message());
            case Decision.CallRefused d -> {
                // a CallEnded follows
            }
            case Decision.CallEscalated d -> {
                // still waiting
            }
            case Decision.CallReplanned d -> {
                // still waiting
            }
            case Decision.Announcement d -> {
                // nothing to do
            }
            case Decision.CallTreated d -> {
                // a CallEnded or a CallMoved follows (the synthetic centre sends no call to an IVR flow)
            }
            case Decision.ConfigApplied d -> {
                // the configuration never changes here
            }
            case Decision.AgentPhoneChanged d -> {
                // the scripted agents' phones are never reported
            }
            case Decision.AgentAfterCall d -> {
                // the scripted agents never ask for a break during a call
            }
        }
    }
}
