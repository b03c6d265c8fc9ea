package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.AssignmentReason;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.WaitingCall;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import dev.hotline.acd.model.Treatment;
import dev.hotline.acd.model.VipEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing state machine behind {@link dev.hotline.acd.RoutingEngine}: calls, queues, skill groups, agents and
 * timers, owned by one thread. Public only so that the facade in the parent package can reach it.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final DecisionListener listener;
    private final SplittableRandom random;
    private final TimerQueue timers = new TimerQueue();
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, BusinessQueue> queues = new HashMap<>();
    /** Configured agents in configured order, then agents that are leaving after their call. */
    private List<Agent> agentOrder = new ArrayList<>();
    private CentreConfig config;
    private NumberPlan numberPlan;
    private long now;
    private long callSeq;
    private long offerSeq;
    private Thread owner;

    public Engine(CentreConfig config, long startMillis, long seed, DecisionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.random = new SplittableRandom(seed);
        this.now = startMillis;
        reconfigure(Objects.requireNonNull(config, "config"));
    }

    // ---------------------------------------------------------------- entry points

    public void handle(AcdEvent event) {
        assert onOwnerThread() : ownerViolation();
        advanceTo(event.at());
        try {
            apply(event);
        } catch (Rejection r) {
            LOG.debug("rejected {}: {}", event, r.getMessage());
            emit(new Decision.EventRejected(now, event, r.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("could not apply {}", event, e);
            emit(new Decision.EventRejected(now, event, "internal error applying " + event.getClass().getSimpleName()
                    + ": " + e));
        }
    }

    public void advanceTo(long time) {
        assert onOwnerThread() : ownerViolation();
        Timer timer;
        while ((timer = timers.pollDue(time)) != null) {
            now = Math.max(now, timer.deadline);
            try {
                fire(timer);
            } catch (RuntimeException e) {
                LOG.error("timer {} failed", timer, e);
            }
        }
        now = Math.max(now, time);
    }

    public long nextDeadline() {
        return timers.nextDeadline();
    }

    public long now() {
        return now;
    }

    public CentreConfig config() {
        return config;
    }

    private boolean onOwnerThread() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        }
        return owner == current;
    }

    private String ownerViolation() {
        return "the routing engine is owned by thread " + owner.getName() + " but was called from "
                + Thread.currentThread().getName();
    }

    private void apply(AcdEvent event) {
        switch (event) {
            case AcdEvent.CallArrived e -> callArrived(e);
            case AcdEvent.QueueRequested e -> queueRequested(e);
            case AcdEvent.SelfServiceCompleted e -> selfServiceCompleted(e);
            case AcdEvent.CallerHungUp e -> callerHungUp(e);
            case AcdEvent.AgentHungUp e -> agentHungUp(e);
            case AcdEvent.OfferAnswered e -> offerAnswered(e);
            case AcdEvent.OfferFailed e -> offerFailed(e);
            case AcdEvent.AgentLoggedIn e -> loggedIn(e);
            case AcdEvent.AgentLoggedOut e -> loggedOut(e);
            case AcdEvent.AgentReady e -> ready(e);
            case AcdEvent.AgentNotReady e -> notReady(e);
            case AcdEvent.ConfigChanged e -> configChanged(e.config());
        }
    }

    private void fire(Timer timer) {
        switch (timer.kind) {
            case RING -> {
                Call call = timer.call;
                if (call.ringTimer == timer) {
                    call.ringTimer = null;
                    long ring = call.queue.config.ringTimeout().toMillis();
                    ringFailed(call, "no answer", "no answer within " + StrategyOrder.seconds(ring));
                }
            }
            case WRAP_UP -> {
                Agent agent = timer.agent;
                if (agent.wrapUpTimer == timer) {
                    agent.wrapUpTimer = null;
                    setState(agent, AgentState.READY, "wrap-up over");
                    takeNextCall(agent);
                }
            }
            case STEP -> {
                Call call = timer.call;
                if (call.stepTimer == timer) {
                    call.stepTimer = null;
                    if (call.status == Call.Status.WAITING) {
                        settle(call);
                    }
                }
            }
            case MAX_WAIT -> {
                Call call = timer.call;
                if (call.maxWaitTimer == timer) {
                    call.maxWaitTimer = null;
                    if (call.status == Call.Status.WAITING) {
                        maxWaitReached(call);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- calls: arrival and queueing

    private void callArrived(AcdEvent.CallArrived e) {
        Call existing = calls.get(e.callId());
        if (existing != null) {
            throw new Rejection("call " + e.callId() + " cannot arrive: a call with this id is already "
                    + describe(existing));
        }
        BlacklistEntry blocked = numberPlan.blacklisted(e.callerNumber(), now);
        if (blocked != null) {
            emit(new Decision.CallRefused(now, e.callId(), e.callerNumber(), e.dialledNumber(),
                    Decision.RefusalCause.BLACKLISTED, blocked.prompt().orElse(config.settings().busyPrompt()),
                    blocked.reason()));
            emit(new Decision.CallEnded(now, e.callId(), Outcome.REFUSED, Optional.empty(), Optional.empty(), 0, 0,
                    "caller " + e.callerNumber() + " is blacklisted (" + blocked.kind().name().toLowerCase()
                            + " " + blocked.number() + ")"));
            return;
        }
        NumberPlan.Classification c = numberPlan.classify(e.dialledNumber());
        if (c == null) {
            emit(new Decision.CallRefused(now, e.callId(), e.callerNumber(), e.dialledNumber(),
                    Decision.RefusalCause.UNKNOWN_NUMBER, config.settings().busyPrompt(),
                    "no number route matches " + e.dialledNumber() + " and there is no default business type"));
            emit(new Decision.CallEnded(now, e.callId(), Outcome.REFUSED, Optional.empty(), Optional.empty(), 0, 0,
                    "unknown dialled number " + e.dialledNumber()));
            return;
        }
        VipEntry vip = numberPlan.vip(e.callerNumber());
        String vipLabel = vip == null ? null : vip.name() + " (" + vip.tier() + ")";
        BusinessType type = c.businessType();
        Call call = new Call(e.callId(), e.callerNumber(), e.dialledNumber(), ++callSeq, vipLabel, type.id());
        calls.put(call.id, call);
        emit(new Decision.CallClassified(now, call.id, call.callerNumber, call.dialledNumber, type.id(), type.queue(),
                c.ivrFlow(), c.rule(), Optional.ofNullable(vipLabel)));
    }

    private void queueRequested(AcdEvent.QueueRequested e) {
        Call call = requireCall(e.callId(), "be queued");
        if (call.status != Call.Status.IN_IVR) {
            throw new Rejection("call " + call.id + " cannot be queued: call is " + describe(call));
        }
        String typeId = e.businessType().orElse(call.businessType);
        BusinessType type = numberPlan.businessType(typeId);
        if (type == null) {
            throw new Rejection("call " + call.id + " cannot be queued: unknown business type " + typeId);
        }
        BusinessQueue queue = queues.get(type.queue());
        if (queue == null || queue.retired) {
            throw new Rejection("call " + call.id + " cannot be queued: business type " + typeId
                    + " names unknown queue " + type.queue());
        }
        call.businessType = typeId;
        call.attachedData = e.attachedData();
        call.priorityRaise = e.priorityRaise();
        call.enteredAcdAt = now;
        enterQueue(call, queue);
    }

    private void selfServiceCompleted(AcdEvent.SelfServiceCompleted e) {
        Call call = requireCall(e.callId(), "complete self-service");
        if (call.status != Call.Status.IN_IVR) {
            throw new Rejection("call " + call.id + " cannot complete self-service: call is " + describe(call));
        }
        endCall(call, Outcome.SELF_SERVICE, null, null, 0, 0, "self-service completed in flow " + e.flow());
    }

    /** The call (out of every index, not counted in any queue) tries to enter {@code queue}. */
    private void enterQueue(Call call, BusinessQueue queue) {
        call.visited.add(queue.id);
        QueueConfig qc = queue.config;
        if (!qc.hours().isOpenAt(now)) {
            treat(call, queue, qc.treatments().closed(), TreatmentCause.CLOSED, "queue " + queue.id + " is closed");
            return;
        }
        if (qc.maxWaiting() > 0 && queue.waiting.size() >= qc.maxWaiting()) {
            treat(call, queue, qc.treatments().full(), TreatmentCause.QUEUE_FULL,
                    "queue " + queue.id + " is full (" + qc.maxWaiting() + " waiting)");
            return;
        }
        EscalationPlan plan = queue.planFor(call);
        if (!anyLoggedIn(plan.potentialGroups)) {
            treat(call, queue, qc.treatments().noAgents(), TreatmentCause.NO_AGENTS,
                    "no agent who could serve queue " + queue.id + " is logged in");
            return;
        }
        call.queue = queue;
        call.plan = plan;
        call.stepsFired = 0;
        call.queueEnteredAt = now;
        call.requeued = false;
        queue.activeCalls++;
        computeEligibility(call);
        call.status = Call.Status.WAITING;
        index(call);
        int position = position(call);
        emit(new Decision.CallQueued(now, call.id, queue.id, call.priority, call.eligibleGroupIds(), position,
                expectedWait(call, position)));
        scheduleMaxWait(call);
        settle(call);
    }

    /**
     * A waiting call gets an idle eligible agent if there is one; otherwise its due escalation steps fire one by one
     * (each may make an idle agent eligible); then the timer for its next step is set.
     */
    private void settle(Call call) {
        BusinessQueue queue = call.queue;
        while (true) {
            if (offerToIdleAgent(call)) {
                return;
            }
            if (call.stepsFired >= call.plan.steps.size() || stepDeadline(call) > now) {
                break;
            }
            fireNextStep(call);
            if (call.status != Call.Status.WAITING || call.queue != queue) {
                return;
            }
        }
        timers.cancel(call.stepTimer);
        call.stepTimer = call.stepsFired < call.plan.steps.size()
                ? timers.schedule(stepDeadline(call), Timer.Kind.STEP, call, null)
                : null;
    }

    private long stepDeadline(Call call) {
        return call.enteredAcdAt + call.plan.steps.get(call.stepsFired).after().toMillis();
    }

    private void scheduleMaxWait(Call call) {
        timers.cancel(call.maxWaitTimer);
        Optional<Duration> maxWait = call.queue.config.maxWait();
        call.maxWaitTimer = maxWait.isPresent()
                ? timers.schedule(call.queueEnteredAt + maxWait.get().toMillis(), Timer.Kind.MAX_WAIT, call, null)
                : null;
    }

    private boolean maxWaitOverdue(Call call) {
        Optional<Duration> maxWait = call.queue.config.maxWait();
        return maxWait.isPresent() && now >= call.queueEnteredAt + maxWait.get().toMillis();
    }

    private void maxWaitReached(Call call) {
        BusinessQueue queue = call.queue;
        detach(call);
        treat(call, queue, queue.config.treatments().maxWait(), TreatmentCause.MAX_WAIT,
                "the call waited the maximum of " + StrategyOrder.seconds(queue.config.maxWait().orElseThrow()
                        .toMillis()) + " in queue " + queue.id);
    }

    private void fireNextStep(Call call) {
        EscalationStep step = call.plan.steps.get(call.stepsFired);
        BusinessQueue queue = call.queue;
        Group[] before = call.eligible;
        unindex(call);
        call.stepsFired++;
        computeEligibility(call);
        index(call);
        List<String> added = new ArrayList<>();
        for (Group g : call.eligible) {
            if (!contains(before, g)) {
                added.add(g.id);
            }
        }
        emit(new Decision.CallEscalated(now, call.id, queue.id, step.name(), added, call.priority));
        for (EscalationAction action : step.actions()) {
            switch (action) {
                case EscalationAction.Announce a -> {
                    int position = position(call);
                    emit(new Decision.Announcement(now, call.id, a.prompt(), position, expectedWait(call, position)));
                }
                case EscalationAction.OverflowTo o -> {
                    detach(call);
                    treat(call, queue, o.treatment(), TreatmentCause.ESCALATION,
                            "escalation step " + step.name() + " of queue " + queue.id);
                    return;
                }
                case EscalationAction.AddGroups a -> {
                    // applied with the eligibility above
                }
                case EscalationAction.RaisePriority r -> {
                    // applied with the eligibility above
                }
            }
        }
    }

    /**
     * Eligible groups and priority follow from the call's plan and how many of its steps have fired, so a live
     * configuration change recomputes them the same way.
     */
    private void computeEligibility(Call call) {
        EscalationPlan plan = call.plan;
        if (call.stepsFired > plan.steps.size()) {
            call.stepsFired = plan.steps.size();
        }
        Group[] eligible = new Group[plan.potentialGroups.size()];
        String[] by = new String[eligible.length];
        int n = 0;
        for (String id : plan.initialGroups) {
            n = addEligible(eligible, by, n, id, null);
        }
        int priority = call.queue.config.basePriority() + call.priorityRaise + plan.initialBoost;
        for (int i = 0; i < call.stepsFired; i++) {
            EscalationStep step = plan.steps.get(i);
            for (EscalationAction action : step.actions()) {
                if (action instanceof EscalationAction.AddGroups add) {
                    for (String id : add.groups()) {
                        n = addEligible(eligible, by, n, id, step.name());
                    }
                } else if (action instanceof EscalationAction.RaisePriority raise) {
                    priority += raise.by();
                }
            }
        }
        call.eligible = Arrays.copyOf(eligible, n);
        call.eligibleBy = Arrays.copyOf(by, n);
        call.priority = priority;
    }

    private int addEligible(Group[] eligible, String[] by, int n, String groupId, String step) {
        Group g = groups.get(groupId);
        if (g == null) {
            return n;
        }
        for (int i = 0; i < n; i++) {
            if (eligible[i] == g) {
                return n;
            }
        }
        eligible[n] = g;
        by[n] = step;
        return n + 1;
    }

    private boolean anyLoggedIn(List<String> groupIds) {
        for (String id : groupIds) {
            Group g = groups.get(id);
            if (g != null && g.loggedIn > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The queue cannot keep the call (detached from every index and timer). An overflow to a queue the call has
     * already been in is refused with the centre's busy prompt, so overflow rules can never send a call round in a
     * circle.
     */
    private void treat(Call call, BusinessQueue queue, Treatment treatment, TreatmentCause cause, String why) {
        switch (treatment) {
            case Treatment.Hangup h -> {
                emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                endCall(call, Outcome.REFUSED, queue.id, null, call.waited(now), 0, why + ": " + treatment.describe());
            }
            case Treatment.Voicemail v -> {
                emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                endCall(call, Outcome.OVERFLOWED, queue.id, null, call.waited(now), 0, why + ": " + treatment.describe());
            }
            case Treatment.IvrFlow f -> {
                emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                endCall(call, Outcome.OVERFLOWED, queue.id, null, call.waited(now), 0, why + ": " + treatment.describe());
            }
            case Treatment.Overflow o -> {
                BusinessQueue target = queues.get(o.queue());
                String refusal = null;
                if (target == null || target.retired) {
                    refusal = "overflow target queue " + o.queue() + " does not exist";
                } else if (call.visited.contains(target.id)) {
                    refusal = "overflow back to queue " + target.id + " refused: the call was already there";
                }
                if (refusal != null) {
                    Treatment busy = new Treatment.Hangup(config.settings().busyPrompt());
                    emit(new Decision.CallTreated(now, call.id, queue.id, busy, cause));
                    endCall(call, Outcome.REFUSED, queue.id, null, call.waited(now), 0, why + "; " + refusal);
                } else {
                    emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                    emit(new Decision.CallMoved(now, call.id, queue.id, target.id, why));
                    enterQueue(call, target);
                }
            }
        }
    }

    // ---------------------------------------------------------------- offering calls to agents

    /** Offers the waiting call to the idle eligible agent its queue's strategy prefers; false if none is idle. */
    private boolean offerToIdleAgent(Call call) {
        RoutingStrategy strategy = call.queue.config.strategy();
        Group[] eligible = call.eligible;
        Agent best = null;
        int via = -1;
        int candidates = 0;
        if (strategy == RoutingStrategy.RANDOM) {
            for (Group g : eligible) {
                candidates += g.readyAgents(strategy).size();
            }
            if (candidates == 0) {
                return false;
            }
            int pick = random.nextInt(candidates);
            for (int i = 0; i < eligible.length && best == null; i++) {
                OrderStatisticTree<Agent> ready = eligible[i].readyAgents(strategy);
                if (pick < ready.size()) {
                    best = ready.get(pick);
                    via = i;
                } else {
                    pick -= ready.size();
                }
            }
        } else {
            for (int i = 0; i < eligible.length; i++) {
                Agent first = eligible[i].readyAgents(strategy).first();
                if (first != null && (best == null
                        || StrategyOrder.compare(strategy, first, eligible[i], best, eligible[via]) < 0)) {
                    best = first;
                    via = i;
                }
            }
            if (best == null) {
                return false;
            }
        }
        Group group = eligible[via];
        String step = call.eligibleBy[via];
        String explanation = (call.vip() ? "VIP call " : "Call ") + call.id + " waited in queue " + call.queue.id
                + "; group " + group.id + (step == null ? " serves it from the start"
                        : " was made eligible by escalation step " + step)
                + "; " + strategy + " picked agent " + best.id() + ": "
                + StrategyOrder.why(strategy, best, group, now, candidates) + ".";
        offer(call, best, group, new AssignmentReason(call.queue.id, group.id, Optional.ofNullable(step), strategy,
                explanation));
        return true;
    }

    /** The READY agent takes the first waiting call it can serve through any of its groups, if there is one. */
    private void takeNextCall(Agent agent) {
        Call best = null;
        Group via = null;
        for (Agent.Membership m : agent.memberships) {
            Call first = m.group().waiting.first();
            if (first != null && (best == null || Call.SERVICE_ORDER.compare(first, best) < 0)) {
                best = first;
                via = m.group();
            }
        }
        if (best == null) {
            return;
        }
        String step = best.addedBy(via);
        RoutingStrategy strategy = best.queue.config.strategy();
        String explanation = "Agent " + agent.id() + " became free and took the first call it can serve: "
                + (best.vip() ? "VIP call " : "call ") + best.id + " in queue " + best.queue.id + " (priority "
                + best.priority + ", waiting " + StrategyOrder.seconds(best.waited(now)) + ") through group " + via.id
                + (step == null ? "" : ", made eligible by escalation step " + step) + ".";
        offer(best, agent, via, new AssignmentReason(best.queue.id, via.id, Optional.ofNullable(step), strategy,
                explanation));
    }

    private void offer(Call call, Agent agent, Group via, AssignmentReason reason) {
        unindex(call);
        call.status = Call.Status.OFFERED;
        call.agent = agent;
        call.offeredVia = via;
        call.queue.ringing++;
        long ring = call.queue.config.ringTimeout().toMillis();
        call.ringTimer = timers.schedule(now + ring, Timer.Kind.RING, call, null);
        emit(new Decision.CallOffered(now, call.id, agent.id(), agent.config.endpoint(), call.queue.id, ring,
                call.waited(now), call.callerNumber, call.attachedData, reason));
        setState(agent, AgentState.RESERVED, "offered call " + call.id);
        agent.call = call;
        agent.lastOfferSeq = ++offerSeq;
    }

    private void offerAnswered(AcdEvent.OfferAnswered e) {
        Agent agent = requireAgent(e.agentId(), "answer call " + e.callId());
        Call call = calls.get(e.callId());
        if (call == null) {
            throw new Rejection("agent " + agent.id() + " cannot answer call " + e.callId() + ": no such call");
        }
        if (agent.state != AgentState.RESERVED || agent.call != call) {
            throw new Rejection("agent " + agent.id() + " cannot answer call " + call.id + ": agent is "
                    + describe(agent) + ", not RESERVED for " + call.id);
        }
        timers.cancel(call.ringTimer);
        timers.cancel(call.stepTimer);
        timers.cancel(call.maxWaitTimer);
        call.ringTimer = null;
        call.stepTimer = null;
        call.maxWaitTimer = null;
        call.queue.ringing--;
        call.status = Call.Status.TALKING;
        call.answeredAt = now;
        emit(new Decision.CallAnswered(now, call.id, agent.id(), call.queue.id, call.offeredVia.id, call.waited(now)));
        setState(agent, AgentState.TALKING, "answered call " + call.id);
        agent.answered++;
    }

    private void offerFailed(AcdEvent.OfferFailed e) {
        Agent agent = requireAgent(e.agentId(), "fail the offer of call " + e.callId());
        Call call = calls.get(e.callId());
        if (call == null) {
            throw new Rejection("agent " + agent.id() + " cannot fail the offer of call " + e.callId()
                    + ": no such call");
        }
        if (agent.state != AgentState.RESERVED || agent.call != call) {
            throw new Rejection("agent " + agent.id() + " cannot fail the offer of call " + call.id + ": agent is "
                    + describe(agent) + ", not RESERVED for " + call.id);
        }
        String cause = e.cause() == null || e.cause().isBlank() ? "offer failed" : e.cause();
        ringFailed(call, cause, cause);
    }

    /**
     * Ring-no-answer or a failed offer: the agent goes NOT_READY, the call goes back to the head of its priority
     * class (keeping its arrival time) and is offered again at once if another eligible agent is idle.
     */
    private void ringFailed(Call call, String agentReason, String cause) {
        Agent agent = call.agent;
        BusinessQueue queue = call.queue;
        timers.cancel(call.ringTimer);
        call.ringTimer = null;
        call.agent = null;
        call.offeredVia = null;
        agent.call = null;
        queue.ringing--;
        emit(new Decision.CallRequeued(now, call.id, agent.id(), queue.id, cause));
        call.status = Call.Status.WAITING;
        call.requeued = true;
        index(call);
        if (agent.leaving) {
            leave(agent);
        } else {
            setState(agent, AgentState.NOT_READY, agentReason);
        }
        if (call.status != Call.Status.WAITING || call.queue != queue) {
            return;
        }
        if (maxWaitOverdue(call)) {
            maxWaitReached(call);
        } else {
            settle(call);
        }
    }

    // ---------------------------------------------------------------- hang-ups

    private void callerHungUp(AcdEvent.CallerHungUp e) {
        Call call = requireCall(e.callId(), "be hung up by the caller");
        switch (call.status) {
            case IN_IVR -> endCall(call, Outcome.ABANDONED, null, null, 0, 0, "caller hung up in the IVR");
            case WAITING -> {
                BusinessQueue queue = call.queue;
                detach(call);
                endCall(call, Outcome.ABANDONED, queue.id, null, call.waited(now), 0,
                        "caller hung up while waiting in queue " + queue.id);
            }
            case OFFERED -> {
                BusinessQueue queue = call.queue;
                Agent agent = call.agent;
                detach(call);
                call.agent = null;
                agent.call = null;
                endCall(call, Outcome.ABANDONED, queue.id, null, call.waited(now), 0,
                        "caller hung up while agent " + agent.id() + "'s phone rang");
                if (agent.leaving) {
                    leave(agent);
                } else {
                    setState(agent, AgentState.READY, "offer of call " + call.id + " withdrawn: caller hung up");
                    takeNextCall(agent);
                }
            }
            case TALKING -> endConversation(call, "caller hung up");
            case ENDED -> throw new IllegalStateException("ended call " + call.id + " is still in the engine");
        }
    }

    private void agentHungUp(AcdEvent.AgentHungUp e) {
        Call call = requireCall(e.callId(), "be hung up by its agent");
        if (call.status != Call.Status.TALKING) {
            throw new Rejection("call " + call.id + " cannot be hung up by its agent: call is " + describe(call));
        }
        endConversation(call, "agent hung up");
    }

    /** The conversation is over: the call ends ANSWERED and the agent goes to wrap-up (or straight to READY). */
    private void endConversation(Call call, String cause) {
        Agent agent = call.agent;
        BusinessQueue queue = call.queue;
        long talk = now - call.answeredAt;
        long wrapUp = queue.config.wrapUp().toMillis();
        agent.talkMillis += talk;
        queue.recordHandleTime(talk + wrapUp);
        detach(call);
        agent.call = null;
        endCall(call, Outcome.ANSWERED, queue.id, agent.id(), call.answeredAt - call.enteredAcdAt, talk, cause);
        if (agent.leaving) {
            leave(agent);
        } else if (wrapUp == 0) {
            setState(agent, AgentState.READY, "call " + call.id + " ended, no wrap-up");
            takeNextCall(agent);
        } else {
            setState(agent, AgentState.WRAP_UP, "call " + call.id + " ended");
            agent.wrapUpTimer = timers.schedule(now + wrapUp, Timer.Kind.WRAP_UP, null, agent);
        }
    }

    private void endCall(Call call, Outcome outcome, String queue, String agentId, long waited, long talk,
                         String cause) {
        calls.remove(call.id);
        call.status = Call.Status.ENDED;
        emit(new Decision.CallEnded(now, call.id, outcome, Optional.ofNullable(queue), Optional.ofNullable(agentId),
                waited, talk, cause));
    }

    /** Takes the call out of its queue's indexes, counts and timers (it stays in the call map). */
    private void detach(Call call) {
        BusinessQueue queue = call.queue;
        switch (call.status) {
            case WAITING -> unindex(call);
            case OFFERED -> queue.ringing--;
            case TALKING, IN_IVR, ENDED -> {
                // nothing indexed
            }
        }
        timers.cancel(call.stepTimer);
        timers.cancel(call.maxWaitTimer);
        timers.cancel(call.ringTimer);
        call.stepTimer = null;
        call.maxWaitTimer = null;
        call.ringTimer = null;
        if (call.status == Call.Status.WAITING || call.status == Call.Status.OFFERED
                || call.status == Call.Status.TALKING) {
            queue.activeCalls--;
            if (queue.retired && queue.activeCalls == 0) {
                queues.remove(queue.id, queue);
            }
        }
    }

    private void index(Call call) {
        call.queue.waiting.add(call);
        for (Group g : call.eligible) {
            g.waiting.add(call);
        }
    }

    private void unindex(Call call) {
        call.queue.waiting.remove(call);
        for (Group g : call.eligible) {
            g.waiting.remove(call);
        }
    }

    // ---------------------------------------------------------------- agents

    private void loggedIn(AcdEvent.AgentLoggedIn e) {
        Agent agent = requireAgent(e.agentId(), "log in");
        if (agent.state != AgentState.LOGGED_OUT || agent.leaving) {
            throw new Rejection("agent " + agent.id() + " cannot log in: agent is already " + describe(agent));
        }
        agent.answered = 0;
        agent.talkMillis = 0;
        setState(agent, AgentState.NOT_READY, "logged in");
    }

    private void loggedOut(AcdEvent.AgentLoggedOut e) {
        Agent agent = requireAgent(e.agentId(), "log out");
        switch (agent.state) {
            case LOGGED_OUT -> throw new Rejection("agent " + agent.id() + " cannot log out: agent is already "
                    + "LOGGED_OUT");
            case RESERVED, TALKING -> throw new Rejection("agent " + agent.id() + " cannot log out: agent is "
                    + describe(agent) + "; log out after the call");
            case READY, NOT_READY, WRAP_UP -> logOut(agent, "logged out");
        }
    }

    private void ready(AcdEvent.AgentReady e) {
        Agent agent = requireAgent(e.agentId(), "become READY");
        switch (agent.state) {
            case NOT_READY -> setState(agent, AgentState.READY, "ready");
            case WRAP_UP -> {
                timers.cancel(agent.wrapUpTimer);
                agent.wrapUpTimer = null;
                setState(agent, AgentState.READY, "wrap-up ended early");
            }
            case READY -> throw new Rejection("agent " + agent.id() + " cannot become READY: agent is already READY");
            case LOGGED_OUT, RESERVED, TALKING -> throw new Rejection("agent " + agent.id()
                    + " cannot become READY: agent is " + describe(agent));
        }
        takeNextCall(agent);
    }

    private void notReady(AcdEvent.AgentNotReady e) {
        String reason = e.reason() == null || e.reason().isBlank() ? "not ready" : e.reason();
        Agent agent = requireAgent(e.agentId(), "become NOT_READY (" + reason + ")");
        switch (agent.state) {
            case READY, NOT_READY -> setState(agent, AgentState.NOT_READY, reason);
            case WRAP_UP -> {
                timers.cancel(agent.wrapUpTimer);
                agent.wrapUpTimer = null;
                setState(agent, AgentState.NOT_READY, reason);
            }
            case LOGGED_OUT, RESERVED, TALKING -> throw new Rejection("agent " + agent.id()
                    + " cannot become NOT_READY (" + reason + "): agent is " + describe(agent));
        }
    }

    /**
     * The agent logs out; waiting calls that no logged-in agent could serve any more (through any group their
     * escalation steps would add) get their queue's no-agents treatment.
     */
    private void logOut(Agent agent, String reason) {
        timers.cancel(agent.wrapUpTimer);
        agent.wrapUpTimer = null;
        setState(agent, AgentState.LOGGED_OUT, reason);
        for (Agent.Membership m : agent.memberships) {
            Group g = m.group();
            if (g.loggedIn > 0 || g.waiting.isEmpty()) {
                continue;
            }
            List<Call> stranded = new ArrayList<>(g.waiting.size());
            g.waiting.forEach(stranded::add);
            for (Call call : stranded) {
                if (call.status == Call.Status.WAITING && !anyLoggedIn(call.plan.potentialGroups)) {
                    BusinessQueue queue = call.queue;
                    detach(call);
                    treat(call, queue, queue.config.treatments().noAgents(), TreatmentCause.NO_AGENTS,
                            "the last agent who could serve queue " + queue.id + " logged out");
                }
            }
        }
    }

    /** An agent removed from the configuration finished the call it was on: logged out and forgotten. */
    private void leave(Agent agent) {
        logOut(agent, "removed from the configuration");
        agents.remove(agent.id(), agent);
        agentOrder.remove(agent);
        for (Agent.Membership m : agent.memberships) {
            m.group().members.remove(agent);
        }
    }

    /** Moves the agent to {@code to}, keeping group counters and ready indexes in step, and reports it. */
    private void setState(Agent agent, AgentState to, String reason) {
        AgentState from = agent.state;
        for (Agent.Membership m : agent.memberships) {
            m.group().count(agent, from, -1);
        }
        agent.state = to;
        agent.reason = reason;
        agent.stateSince = now;
        if (to == AgentState.READY) {
            agent.readySince = now;
        }
        for (Agent.Membership m : agent.memberships) {
            m.group().count(agent, to, 1);
        }
        emit(new Decision.AgentStateChanged(now, agent.id(), from, to, reason));
    }

    // ---------------------------------------------------------------- live configuration

    private void configChanged(CentreConfig next) {
        reconfigure(next);
        emit(new Decision.ConfigApplied(now, next));
        for (Agent agent : new ArrayList<>(agentOrder)) {
            if (agent.state == AgentState.READY) {
                takeNextCall(agent);
            }
        }
    }

    /**
     * Puts {@code next} in force without losing a call: removed agents log out (or finish their call first),
     * removed queues keep serving the calls they hold under their last settings, and every waiting or ringing
     * call's eligible groups and priority are recomputed from its queue's new settings.
     */
    private void reconfigure(CentreConfig next) {
        NumberPlan plan = new NumberPlan(next);
        Set<String> nextAgentIds = new HashSet<>();
        for (AgentConfig ac : next.agents()) {
            nextAgentIds.add(ac.id());
        }
        List<Agent> leaving = new ArrayList<>();
        for (Agent agent : agentOrder) {
            if (nextAgentIds.contains(agent.id())) {
                continue;
            }
            if (agent.state == AgentState.RESERVED || agent.state == AgentState.TALKING) {
                agent.leaving = true;
                leaving.add(agent);
            } else {
                if (agent.state != AgentState.LOGGED_OUT) {
                    timers.cancel(agent.wrapUpTimer);
                    agent.wrapUpTimer = null;
                    setState(agent, AgentState.LOGGED_OUT, "removed from the configuration");
                }
                agents.remove(agent.id());
            }
        }

        List<Call> inQueue = new ArrayList<>();
        for (Call call : calls.values()) {
            if (call.status == Call.Status.WAITING) {
                unindex(call);
                inQueue.add(call);
            } else if (call.status == Call.Status.OFFERED) {
                inQueue.add(call);
            }
        }
        inQueue.sort(Comparator.comparingLong(c -> c.seq));

        Map<String, Group> nextGroups = new HashMap<>();
        for (SkillGroup sg : next.groups()) {
            Group g = groups.get(sg.id());
            nextGroups.put(sg.id(), g != null ? g : new Group(sg.id()));
        }
        for (Group g : groups.values()) {
            g.resetAgents();
        }
        groups.clear();
        groups.putAll(nextGroups);

        List<Agent> order = new ArrayList<>();
        for (AgentConfig ac : next.agents()) {
            Agent agent = agents.computeIfAbsent(ac.id(), id -> new Agent(ac));
            agent.config = ac;
            agent.leaving = false;
            order.add(agent);
        }
        order.addAll(leaving);
        for (int i = 0; i < order.size(); i++) {
            Agent agent = order.get(i);
            agent.order = i;
            List<Agent.Membership> memberships = new ArrayList<>();
            for (Skill s : agent.config.skills()) {
                Group g = groups.get(s.group());
                if (g != null && !containsGroup(memberships, g)) {
                    memberships.add(new Agent.Membership(g, s.level()));
                }
            }
            agent.memberships = memberships.toArray(new Agent.Membership[0]);
            for (Agent.Membership m : agent.memberships) {
                m.group().members.add(agent);
                m.group().count(agent, agent.state, 1);
            }
        }
        agentOrder = order;

        Set<String> nextQueueIds = new HashSet<>();
        for (QueueConfig qc : next.queues()) {
            nextQueueIds.add(qc.id());
            queues.computeIfAbsent(qc.id(), BusinessQueue::new).configure(qc, next.vipPolicy());
        }
        for (BusinessQueue q : new ArrayList<>(queues.values())) {
            if (!nextQueueIds.contains(q.id)) {
                if (q.activeCalls == 0) {
                    queues.remove(q.id);
                } else {
                    q.retired = true;
                }
            }
        }
        config = next;
        numberPlan = plan;

        for (Call call : inQueue) {
            call.plan = call.queue.planFor(call);
            computeEligibility(call);
            if (call.status == Call.Status.WAITING) {
                index(call);
                scheduleMaxWait(call);
                timers.cancel(call.stepTimer);
                call.stepTimer = call.stepsFired < call.plan.steps.size()
                        ? timers.schedule(Math.max(now, stepDeadline(call)), Timer.Kind.STEP, call, null)
                        : null;
            }
        }
    }

    private static boolean containsGroup(List<Agent.Membership> memberships, Group g) {
        for (Agent.Membership m : memberships) {
            if (m.group() == g) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- queries

    public Optional<WaitingCall> waitingCall(String callId) {
        Call call = calls.get(callId);
        if (call == null || call.status != Call.Status.WAITING) {
            return Optional.empty();
        }
        int position = position(call);
        return Optional.of(new WaitingCall(call.id, call.queue.id, position, expectedWait(call, position),
                call.priority, call.waited(now), call.eligibleGroupIds(), call.vip()));
    }

    public Optional<AgentView> agent(String agentId) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            return Optional.empty();
        }
        return Optional.of(new AgentView(agent.id(), agent.state, agent.reason, agent.stateSince,
                Optional.ofNullable(agent.call).map(c -> c.id), agent.answered, agent.talkMillis));
    }

    public QueueView queue(String queueId) {
        BusinessQueue queue = queues.get(queueId);
        if (queue == null) {
            throw new IllegalArgumentException("no such queue: " + queueId);
        }
        long oldest = queue.waiting.isEmpty() ? 0 : now - queue.waiting.minAux();
        int loggedIn = 0;
        int ready = 0;
        List<String> ids = queue.config.groups();
        if (ids.size() == 1) {
            Group g = groups.get(ids.get(0));
            if (g != null) {
                loggedIn = g.loggedIn;
                ready = g.readyCount;
            }
        } else {
            Set<Agent> seen = new HashSet<>();
            for (String id : ids) {
                Group g = groups.get(id);
                if (g != null) {
                    for (Agent a : g.members) {
                        if (a.state != AgentState.LOGGED_OUT && seen.add(a)) {
                            loggedIn++;
                            if (a.state == AgentState.READY) {
                                ready++;
                            }
                        }
                    }
                }
            }
        }
        return new QueueView(queue.id, queue.waiting.size(), queue.ringing, oldest, loggedIn, ready,
                queue.smoothedHandleMillis(), queue.retired);
    }

    /** 1 + the calls of the same queue served before it: O(log n). */
    private int position(Call call) {
        return call.queue.waiting.rankOf(call) + 1;
    }

    /** Position x smoothed handle time / agents working through the call's eligible groups (at least 1). */
    private long expectedWait(Call call, int position) {
        int staffed = 0;
        for (Group g : call.eligible) {
            staffed += g.staffed;
        }
        return position * call.queue.smoothedHandleMillis() / Math.max(1, staffed);
    }

    // ---------------------------------------------------------------- helpers

    private void emit(Decision decision) {
        listener.onDecision(decision);
    }

    private Call requireCall(String callId, String what) {
        Call call = calls.get(callId);
        if (call == null) {
            throw new Rejection("call " + callId + " cannot " + what + ": no such call");
        }
        return call;
    }

    private Agent requireAgent(String agentId, String what) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            throw new Rejection("agent " + agentId + " cannot " + what + ": no such agent");
        }
        return agent;
    }

    private static String describe(Call call) {
        return switch (call.status) {
            case IN_IVR -> "IN_IVR";
            case WAITING -> "WAITING in queue " + call.queue.id;
            case OFFERED -> "OFFERED to agent " + call.agent.id();
            case TALKING -> "TALKING to agent " + call.agent.id();
            case ENDED -> "ENDED";
        };
    }

    private static String describe(Agent agent) {
        return switch (agent.state) {
            case RESERVED -> "RESERVED for " + agent.call.id;
            case TALKING -> "TALKING on call " + agent.call.id;
            case NOT_READY -> "NOT_READY (" + agent.reason + ")";
            case LOGGED_OUT, READY, WRAP_UP -> agent.state.name();
        };
    }

    private static boolean contains(Group[] groups, Group g) {
        for (Group x : groups) {
            if (x == g) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- invariants

    /** Checks every index against the calls and agents; throws {@link IllegalStateException} naming the breach. */
    public void validateInternalState() {
        new InvariantCheck(calls, agents, agentOrder, groups, queues).run();
    }
}
