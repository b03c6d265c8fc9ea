package dev.hotline.server.simulation.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.AgentStateChanged;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.Treatment;
import dev.hotline.server.simulation.AgentBehaviour;
import dev.hotline.server.simulation.ArrivalRate;
import dev.hotline.server.simulation.ArrivalsEnd;
import dev.hotline.server.simulation.BusinessTraffic;
import dev.hotline.server.simulation.CentreSimulation;
import dev.hotline.server.simulation.SimulationResult;
import dev.hotline.server.simulation.TrafficProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One simulation run: the real routing engine in virtual time, with simulated callers and agents reacting to its
 * decisions. Two sources of future events are merged in time order: the {@link Agenda} of what callers and agents
 * will do, and the engine's own timers (ring timeout, wrap-up, escalation steps), which fire first at equal times.
 *
 * <p>The engine calls {@link #onDecision} from inside {@code handle}/{@code advanceTo}; a decision only schedules what
 * the parties do next, it never calls back into the engine.
 */
public final class SimulationRun implements DecisionListener {
    private static final long PLAY_OUT_LIMIT_MILLIS = CentreSimulation.PLAY_OUT_LIMIT.toMillis();
    private static final int REJECTED_SAMPLES = 5;
    /** Calls are numbered in arrival order: call-1, call-2, ... */
    private static final String CALL_ID_PREFIX = "call-";

    private final CentreConfig config;
    private final long startMillis;
    private final long arrivalsEndMillis;
    private final long callLimit;
    private final List<BusinessTraffic> streams;
    private final String[] dialled;
    private final SplittableRandom[] arrivalRandom;
    /**
     * Each stream's latest arrival in milliseconds since the start, with its fraction: the gaps between calls are
     * added exactly and only the arrival's time is cut to the millisecond, so a stream of more calls a second than a
     * millisecond clock can space out still arrives at its rate.
     */
    private final double[] arrivalClock;
    /** Each stream's arrival rate over the run, one rate or a curve over the day; null for one that brings nobody. */
    private final ArrivalRate.Arrivals[] arrivals;
    private final SplittableRandom[] handleRandom;
    private final SplittableRandom[] patienceRandom;
    private final SplittableRandom[] callerRandom;
    private final SplittableRandom agentRandom;
    private final long engineSeed;
    private final CallerNumbers callerNumbers;
    private final AgentBehaviour agents;

    private final Agenda agenda = new Agenda();
    private final ShiftKeeping shifts;
    private final Map<String, SimulatedCall> calls = new HashMap<>();
    private final Map<String, AgentStateChanged> agentStates = new HashMap<>();
    private final List<String> rejectedSamples = new ArrayList<>();
    private RoutingEngine engine;
    private long callsGenerated;
    /** Callers who dialled, per stream (business type), in the traffic's order. */
    private final long[] generatedByType;
    private long vipCalls;
    private long blacklistedCalls;
    private long ringNoAnswers;
    private long rejectedEvents;
    /** Agents in wrap-up now: a run ends when the last one is out of it, so every answered call has its wrap-up. */
    private int agentsInWrapUp;
    /** Callers on the agenda who have not dialled yet: none left means the arrival period is over. */
    private int callersScheduled;

    /**
     * @param dialled the number each business type's callers dial, in the order of {@code traffic.businessTypes()}
     */
    public SimulationRun(CentreConfig config, TrafficProfile traffic, List<String> dialled, long startMillis,
                         long seed) {
        this.config = config;
        this.startMillis = startMillis;
        this.streams = traffic.businessTypes();
        this.dialled = dialled.toArray(String[]::new);
        switch (traffic.arrivalsEnd()) {
            case ArrivalsEnd.After a -> {
                arrivalsEndMillis = startMillis + a.duration().toMillis();
                callLimit = Long.MAX_VALUE;
            }
            case ArrivalsEnd.AfterCalls c -> {
                arrivalsEndMillis = Long.MAX_VALUE;
                callLimit = c.calls();
            }
        }
        RandomStreams random = new RandomStreams(seed);
        int n = streams.size();
        arrivalRandom = new SplittableRandom[n];
        arrivalClock = new double[n];
        arrivals = new ArrivalRate.Arrivals[n];
        generatedByType = new long[n];
        handleRandom = new SplittableRandom[n];
        patienceRandom = new SplittableRandom[n];
        callerRandom = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            String bt = streams.get(i).businessType();
            arrivalRandom[i] = random.stream("arrivals/" + bt);
            ArrivalRate rate = streams.get(i).rate();
            arrivals[i] = rate.none() ? null : rate.arrivals(startMillis, config.settings().zone());
            handleRandom[i] = random.stream("handle-time/" + bt);
            patienceRandom[i] = random.stream("patience/" + bt);
            callerRandom[i] = random.stream("caller/" + bt);
        }
        agentRandom = random.stream("agent-answer");
        engineSeed = random.seedFor("routing-engine");
        callerNumbers = new CallerNumbers(config, startMillis);
        agents = traffic.agents();
        shifts = new ShiftKeeping(config, traffic.roster(), agenda, arrivalsEndMillis,
                arrivalsEndMillis > Long.MAX_VALUE - PLAY_OUT_LIMIT_MILLIS ? Long.MAX_VALUE
                        : arrivalsEndMillis + PLAY_OUT_LIMIT_MILLIS);
    }

    /**
     * Runs the simulation to its end, handing the engine's decisions to {@code figures} as well, except those about
     * the first {@code warmUpCalls} calls: they arrive in a centre that starts empty with every agent idle, which is
     * not the steady state the figures are meant to describe. Agent state changes all go to {@code figures}.
     */
    public SimulationResult run(DecisionListener figures, long warmUpCalls) {
        DecisionListener measured = warmUpCalls <= 0 ? figures : decision -> {
            // A rejected event is not about a simulated party's call: the run counts rejections instead.
            String callId = decision instanceof Decision.EventRejected ? null : Decision.callIdOf(decision);
            if (callId == null || callNumber(callId) > warmUpCalls) {
                figures.onDecision(decision);
            }
        };
        engine = new RoutingEngine(config, startMillis, engineSeed, DecisionListener.all(this, measured));
        for (AgentConfig a : config.agents()) {
            shifts.start(engine, startMillis, a.id());
        }
        for (int i = 0; i < streams.size(); i++) {
            scheduleNextCaller(i);
        }
        long lastArrival = startMillis;
        while (true) {
            boolean arrivalsOver = callersScheduled == 0;
            if (arrivalsOver && calls.isEmpty() && agentsInWrapUp == 0 && !shifts.changesDue()) {
                break;
            }
            long deadline = engineDeadline();
            long next = agenda.isEmpty() ? Long.MAX_VALUE : agenda.nextAt();
            long t = Math.min(deadline, next);
            if (t == Long.MAX_VALUE || (arrivalsOver && t > lastArrival + PLAY_OUT_LIMIT_MILLIS)) {
                break; // nothing left that could end the remaining calls: reported as unfinished
            }
            engine.advanceTo(t);
            if (engineDeadline() <= t) {
                // the loop would spin for ever at t
                throw new IllegalStateException("the routing engine still has a timer due at " + engineDeadline()
                        + " after being advanced to " + t);
            }
            if (next == t) {
                Happening h = agenda.next();
                if (h instanceof Happening.CallerDials) {
                    lastArrival = t;
                }
                perform(t, h);
            }
        }
        long end = Math.max(engine.now(), arrivalsEndMillis == Long.MAX_VALUE ? engine.now() : arrivalsEndMillis);
        engine.advanceTo(end);
        return new SimulationResult(startMillis, end, callsGenerated, byType(), vipCalls, blacklistedCalls,
                ringNoAnswers, calls.size(), rejectedEvents, rejectedSamples);
    }

    private Map<String, Long> byType() {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (int i = 0; i < streams.size(); i++) {
            byType.put(streams.get(i).businessType(), generatedByType[i]);
        }
        return byType;
    }

    private long engineDeadline() {
        return engine.nextDeadline();
    }

    private void scheduleNextCaller(int i) {
        if (arrivals[i] == null || callsGenerated >= callLimit) {
            return;
        }
        double until = arrivalsEndMillis == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
                : arrivalsEndMillis - startMillis;
        arrivalClock[i] = arrivals[i].next(arrivalClock[i], -Math.log(1.0 - arrivalRandom[i].nextDouble()), until);
        // infinite when the rate is vanishingly small: compared, never added to a long, so no clock wraps round
        if (!(arrivalClock[i] < arrivalsEndMillis - startMillis)) {
            return;
        }
        agenda.schedule(startMillis + (long) arrivalClock[i], new Happening.CallerDials(i));
        callersScheduled++;
    }

    private void perform(long t, Happening h) {
        switch (h) {
            case Happening.CallerDials d -> callerDials(t, d.businessType());
            case Happening.CallerQueues q -> {
                if (calls.containsKey(q.callId())) {
                    engine.handle(new AcdEvent.QueueRequested(t, q.callId(), Optional.empty(), 0, Map.of()));
                }
            }
            case Happening.PatienceRunsOut p -> {
                SimulatedCall call = calls.get(p.callId());
                if (call != null && !call.talking) {
                    engine.handle(new AcdEvent.CallerHungUp(t, p.callId()));
                }
            }
            case Happening.AgentPicksUp a -> {
                SimulatedCall call = calls.get(a.callId());
                if (call != null && a.agentId().equals(call.ringingAgent) && call.offers == a.offer()) {
                    engine.handle(new AcdEvent.OfferAnswered(t, a.callId(), a.agentId()));
                }
            }
            case Happening.AgentHangsUp a -> {
                SimulatedCall call = calls.get(a.callId());
                if (call != null && call.talking) {
                    engine.handle(new AcdEvent.AgentHungUp(t, a.callId()));
                }
            }
            case Happening.TreatmentFlowEnds f -> {
                if (calls.containsKey(f.callId())) {
                    engine.handle(new AcdEvent.IvrEnded(t, f.callId(), f.flow(), "flows are not simulated"));
                }
            }
            case Happening.ShiftChange c -> shifts.changeDue(engine, t, c);
            case Happening.AgentReturns r -> {
                AgentStateChanged last = agentStates.get(r.agentId());
                if (last.to() == AgentState.NOT_READY && last.at() == r.since()) {
                    engine.handle(new AcdEvent.AgentReady(t, r.agentId()));
                }
            }
        }
    }

    private void callerDials(long t, int i) {
        callersScheduled--;
        if (callsGenerated >= callLimit) {
            return;
        }
        BusinessTraffic stream = streams.get(i);
        String callId = CALL_ID_PREFIX + (++callsGenerated);
        generatedByType[i]++;
        SplittableRandom r = callerRandom[i];
        double kind = r.nextDouble();
        String caller;
        if (kind < stream.blacklistedShare()) {
            caller = callerNumbers.blacklisted(r);
            blacklistedCalls++;
        } else if (kind < stream.blacklistedShare() + stream.vipShare()) {
            caller = callerNumbers.vip(r);
            vipCalls++;
        } else {
            caller = callerNumbers.ordinary(r);
        }
        // Drawn on arrival, whatever happens to the call, so that every call's draws stay the same across staffing.
        long handleMillis = stream.handleTime().drawMillis(handleRandom[i]);
        long patienceMillis = stream.patience()
                .map(p -> Math.max(1L, Math.round(-Math.log(1.0 - patienceRandom[i].nextDouble()) * p.toMillis())))
                .orElse(-1L);
        calls.put(callId, new SimulatedCall(handleMillis));
        engine.handle(new AcdEvent.CallArrived(t, callId, caller, dialled[i]));
        if (patienceMillis > 0 && calls.containsKey(callId)) {
            agenda.schedule(t + patienceMillis, new Happening.PatienceRunsOut(callId));
        }
        scheduleNextCaller(i);
    }

    @Override
    public void onDecision(Decision decision) {
        shifts.onDecision(decision);
        switch (decision) {
            case Decision.CallClassified c -> agenda.schedule(c.at(), new Happening.CallerQueues(c.callId()));
            case Decision.CallOffered o -> callOffered(o);
            case Decision.CallRequeued r -> {
                SimulatedCall call = calls.get(r.callId());
                if (call != null) {
                    call.ringingAgent = null;
                }
            }
            case Decision.CallAnswered a -> {
                SimulatedCall call = calls.get(a.callId());
                if (call != null) {
                    call.ringingAgent = null;
                    call.talking = true;
                    agenda.schedule(a.at() + call.handleMillis, new Happening.AgentHangsUp(a.callId()));
                }
            }
            case Decision.CallEnded e -> calls.remove(e.callId());
            case Decision.AgentStateChanged s -> {
                agentStates.put(s.agentId(), s);
                agentsInWrapUp += (s.to() == AgentState.WRAP_UP ? 1 : 0) - (s.from() == AgentState.WRAP_UP ? 1 : 0);
                // Not ready after logging in is the simulator's own doing: it makes the agent ready at once (or
                // sends them on the break); a break ends with the roster's, not after the pause.
                if (s.to() == AgentState.NOT_READY && s.from() != AgentState.LOGGED_OUT
                        && !shifts.onBreak(s.agentId())) {
                    agenda.schedule(s.at() + agents.notReadyPause().toMillis(),
                            new Happening.AgentReturns(s.agentId(), s.at()));
                }
            }
            case Decision.EventRejected r -> {
                rejectedEvents++;
                if (rejectedSamples.size() < REJECTED_SAMPLES) {
                    rejectedSamples.add(r.message());
                }
            }
            case Decision.CallRefused ignored -> { }
            case Decision.CallQueued ignored -> { }
            case Decision.CallEscalated ignored -> { }
            case Decision.CallReplanned ignored -> { }
            case Decision.Announcement ignored -> { }
            case Decision.CallMoved ignored -> { }
            case Decision.CallTreated t -> {
                if (t.treatment() instanceof Treatment.IvrFlow f) {
                    agenda.schedule(t.at(), new Happening.TreatmentFlowEnds(t.callId(), f.flow()));
                }
            }
            case Decision.ConfigApplied ignored -> { }
            // a shift's end or break asks for them after the call: ShiftKeeping follows
            case Decision.AgentAfterCall ignored -> { }
            // the simulated agents have no phones of their own: nothing reports them busy
            case Decision.AgentPhoneChanged ignored -> { }
        }
    }

    private void callOffered(Decision.CallOffered o) {
        SimulatedCall call = calls.get(o.callId());
        if (call == null) {
            return;
        }
        call.ringingAgent = o.agentId();
        call.offers++;
        if (agents.noAnswerProbability() > 0.0 && agentRandom.nextDouble() < agents.noAnswerProbability()) {
            ringNoAnswers++; // the engine's ring timeout will take the call back
            return;
        }
        long min = agents.ringDelayMin().toMillis();
        long max = agents.ringDelayMax().toMillis();
        long delay = max > min ? min + agentRandom.nextLong(max - min + 1) : min;
        agenda.schedule(o.at() + delay, new Happening.AgentPicksUp(o.callId(), o.agentId(), call.offers));
    }

    private static long callNumber(String callId) {
        return Long.parseLong(callId, CALL_ID_PREFIX.length(), callId.length(), 10);
    }

    /** What the simulator remembers of a call in the centre. */
    private static final class SimulatedCall {
        final long handleMillis;
        String ringingAgent;
        int offers;
        boolean talking;

        SimulatedCall(long handleMillis) {
            this.handleMillis = handleMillis;
        }
    }
}
