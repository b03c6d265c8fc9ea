package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AssignmentReason;
import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.RoutingStrategy;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Matches waiting calls with READY agents: a waiting call takes the idle eligible agent its queue's strategy prefers;
 * an agent who becomes READY takes the first call in service order across its groups. Then the offer: ringing,
 * answered, or failed / not answered in time (ring-no-answer: the call goes back to the head of its priority class).
 */
final class Dispatch {

    private final Centre centre;
    private final SplittableRandom random;
    private Escalation escalation;
    private AgentLifecycle lifecycle;
    private QueueAdmission admission;

    Dispatch(Centre centre, SplittableRandom random) {
        this.centre = centre;
        this.random = random;
    }

    void connect(Escalation escalation, AgentLifecycle lifecycle, QueueAdmission admission) {
        this.escalation = escalation;
        this.lifecycle = lifecycle;
        this.admission = admission;
    }

    /** Offers the waiting call to the idle eligible agent its queue's strategy prefers; false if none is idle. */
    boolean offerToIdleAgent(Call call) {
        RoutingStrategy strategy = call.queue.strategy;
        Group[] eligible = call.eligibility.groups;
        Agent best = null;
        int via = -1;
        // the READY agents a RANDOM draw chose among, for its explanation
        int candidates = 0;
        if (strategy == RoutingStrategy.RANDOM) {
            // Each READY agent once: draw among (group, agent) pairs and keep the draw only through the agent's first
            // eligible group; a redraw is needed only for agents in several groups (expected tries <= groups).
            int pairs = 0;
            for (Group g : eligible) {
                pairs += g.readyAgents(strategy).size();
            }
            if (pairs == 0) {
                return false;
            }
            candidates = call.eligibility.staffing.ready();
            while (best == null) {
                int pick = random.nextInt(pairs);
                for (int i = 0; i < eligible.length; i++) {
                    ReadyIndex ready = eligible[i].readyAgents(strategy);
                    if (pick < ready.size()) {
                        Agent drawn = ready.get(pick);
                        if (!drawn.inAnyOf(eligible, i)) {
                            best = drawn;
                            via = i;
                        }
                        break;
                    }
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
        Optional<String> step = call.eligibility.addedBy.get(via);
        long waited = call.waited(centre.now);
        String explanation = (call.vip() ? "VIP call " : "Call ") + call.id
                + (waited == 0 ? " arrived in queue " : " waited " + StrategyOrder.seconds(waited) + " in queue ")
                + call.queue.id
                + "; group " + group.id + (step.isEmpty() ? " serves it from the start"
                        : " was made eligible by escalation step " + step.get())
                + "; " + strategy + " picked agent " + best.id() + ": "
                + StrategyOrder.why(strategy, best, group, centre.now, candidates)
                + passedOver(eligible) + ".";
        offer(call, best, group, new AssignmentReason(call.queue.id, group.id, step, strategy, explanation));
        return true;
    }

    /**
     * The READY agents of {@code eligible} left out for their phone (a private call, an unreachable phone), the first
     * few by name, for the reason: the strategy's "longest" or "highest" is of the agents free to take a call, and an
     * admin asking why not agent X learns it here. Empty when there are none, as nearly always.
     */
    private static String passedOver(Group[] eligible) {
        Set<Agent> named = null;
        boolean more = false;
        for (Group g : eligible) {
            for (Agent a : g.readyPhoneNotFree) {
                if (named == null) {
                    named = new LinkedHashSet<>();
                }
                if (named.size() < PASSED_OVER_NAMED) {
                    named.add(a);
                } else if (!named.contains(a)) {
                    more = true;
                    break;
                }
            }
        }
        if (named == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("; READY agents passed over for their phone: ");
        String sep = "";
        for (Agent a : named) {
            text.append(sep).append(a.id()).append(a.phone == PhoneState.BUSY ? " (busy)" : " (unreachable)");
            sep = ", ";
        }
        return text.append(more ? " and others" : "").toString();
    }

    /** How many of the agents passed over for their phone an offer's reason names. */
    static final int PASSED_OVER_NAMED = 3;

    /**
     * The READY agent takes the first waiting call it can serve through any of its groups, if there is one and its
     * phone is free (a READY agent on a private call takes one when its phone frees, {@link AgentLifecycle}).
     */
    void takeNextCall(Agent agent) {
        takeNextCall(agent, " became free");
    }

    /** As {@link #takeNextCall(Agent)}; {@code freed} says how the agent became free, for the explanation. */
    void takeNextCall(Agent agent, String freed) {
        if (!agent.phone.offerable()) {
            return;
        }
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
        Optional<String> step = best.addedBy(via);
        RoutingStrategy strategy = best.queue.strategy;
        String explanation = "Agent " + agent.id() + freed + " and took the first call it can serve: "
                + (best.vip() ? "VIP call " : "call ") + best.id + " in queue " + best.queue.id + " (priority "
                + best.priority + ", waiting " + StrategyOrder.seconds(best.waited(centre.now)) + ") through group "
                + via.id + (step.isEmpty() ? "" : ", made eligible by escalation step " + step.get()) + ".";
        offer(best, agent, via, new AssignmentReason(best.queue.id, via.id, step, strategy, explanation));
    }

    private void offer(Call call, Agent agent, Group via, AssignmentReason reason) {
        long now = centre.now;
        centre.unindex(call);
        call.status = Call.Status.OFFERED;
        call.agent = agent;
        call.offeredVia = via;
        call.queue.ringing++;
        long ring = call.queue.ringTimeoutMillis;
        call.ringTimer = centre.timers.schedule(now, now + ring, Timer.Kind.RING, call, null);
        centre.emit(new Decision.CallOffered(now, call.id, agent.id(), agent.endpoint, call.queue.id, ring,
                call.waited(now), call.callerNumber, call.dialledNumber, call.businessType,
                call.vip, call.attachedData, reason));
        centre.setState(agent, AgentState.RESERVED, "offered call " + call.id);
        agent.call = call;
        agent.lastOfferSeq = ++centre.offerSeq;
    }

    /** The offer waits for the caller's line: its ring timer waits with it, up to a limit. */
    void delayed(AcdEvent.OfferDelayed e) {
        Call call = offeredCall(e.callId(), e.agentId(), "wait to ring for call ");
        rearmRing(call, call.queue.ringTimeoutMillis + AcdEvent.OfferDelayed.LONGEST_WAIT_FOR_THE_LINE,
                Timer.Kind.LINE_WAIT);
    }

    /** The offered agent's phone started ringing only now: the ring timeout counts from here. */
    void ringing(AcdEvent.OfferRinging e) {
        Call call = offeredCall(e.callId(), e.agentId(), "ring for call ");
        rearmRing(call, e.ringTimeoutMillis() > 0 ? e.ringTimeoutMillis() : call.queue.ringTimeoutMillis,
                Timer.Kind.RING);
    }

    /** The call offered to {@code agentId} and RESERVED for it; else a rejection saying what {@code what} finds. */
    private Call offeredCall(String callId, String agentId, String what) {
        Call call = centre.calls.get(callId);
        Agent agent = offeredAgent(call, agentId, callId, what);
        if (call == null) {
            throw new Rejection("agent " + agent.id() + " cannot " + what + callId + ": no such call");
        }
        if (agent.state != AgentState.RESERVED || agent.call != call) {
            throw new Rejection("agent " + agent.id() + " cannot " + what + call.id + ": agent is "
                    + Centre.describe(agent) + ", not RESERVED for " + call.id);
        }
        return call;
    }

    private void rearmRing(Call call, long millis, Timer.Kind kind) {
        long now = centre.now;
        centre.timers.cancel(call.ringTimer);
        call.ringTimer = centre.timers.schedule(now, now + millis, kind, call, null);
    }

    void answered(AcdEvent.OfferAnswered e) {
        long now = centre.now;
        Call call = offeredCall(e.callId(), e.agentId(), "answer call ");
        Agent agent = call.agent;
        centre.timers.cancel(call.ringTimer);
        centre.timers.cancel(call.stepTimer);
        centre.timers.cancel(call.maxWaitTimer);
        call.ringTimer = null;
        call.stepTimer = null;
        call.maxWaitTimer = null;
        call.queue.ringing--;
        call.status = Call.Status.TALKING;
        call.answeredAt = now;
        centre.emit(new Decision.CallAnswered(now, call.id, agent.id(), call.queue.id, call.offeredVia.id,
                call.waited(now)));
        centre.setState(agent, AgentState.TALKING, "answered call " + call.id);
        agent.answered++;
    }

    void failed(AcdEvent.OfferFailed e) {
        Call call = offeredCall(e.callId(), e.agentId(), "fail the offer of call ");
        String cause = e.cause() == null || e.cause().isBlank() ? "offer failed" : e.cause();
        // Dial ends a second before the ring timer: a ring-out reaches the engine as this event
        ringFailed(call, cause, cause, cause.equals(AcdEvent.OfferFailed.RANG_OUT) ? OfferEnd.NO_ANSWER
                : OfferEnd.FAILED);
    }

    /**
     * The agent an answer or failure names: the call's offered agent when it is the one (no second look-up of a cold
     * map entry on every answer), else whatever the agent map holds, for the rejection to describe.
     */
    private Agent offeredAgent(Call call, String agentId, String callId, String what) {
        if (call != null && call.agent != null && call.agent.id.equals(agentId)) {
            return call.agent;
        }
        return centre.requireAgent(agentId, what + callId);
    }

    /** The offer rang its ring timeout without an answer. */
    void ringDue(Timer timer) {
        Call call = timer.call;
        if (call.ringTimer == timer) {
            call.ringTimer = null;
            ringFailed(call, "no answer", "no answer within " + StrategyOrder.seconds(timer.deadline - timer.armedAt),
                    OfferEnd.NO_ANSWER);
        }
    }

    /**
     * The offer waited for the caller's line longer than the ring timeout and {@link
     * AcdEvent.OfferDelayed#LONGEST_WAIT_FOR_THE_LINE} together: the call goes back to its place and is offered
     * elsewhere if it can be; the agent, whose phone never rang, is free again rather than made NOT_READY.
     */
    void lineWaitDue(Timer timer) {
        Call call = timer.call;
        if (call.ringTimer == timer) {
            call.ringTimer = null;
            Agent agent = call.agent;
            offerBack(call, "the caller's line was not free within " + StrategyOrder.seconds(
                    timer.deadline - timer.armedAt) + " of the offer; agent " + agent.id() + "'s phone never rang");
            lifecycle.offerWithdrawn(agent, call, "the caller's line was not free");
        }
    }

    /**
     * An agent removed from the configuration while their offer waits for the caller's line is not rung: the offer
     * is taken back (the call to its place, offered elsewhere if it can be) and the agent leaves. An agent whose phone
     * already rings keeps the offer, as one on a call keeps the call.
     */
    void removedBeforeRinging(Agent agent) {
        if (agent.leaving) {
            takeBackHeldOffer(agent, "agent " + agent.id() + " was removed from the configuration before their phone "
                    + "rang", "removed from the configuration");
        }
    }

    /**
     * Takes back the offer of a RESERVED agent whose phone has not started ringing (the offer waits for the caller's
     * line while a prompt plays): the call goes back to its place and is offered elsewhere if it can be, and the agent
     * is free of it ({@link AgentLifecycle#offerWithdrawn}). Nothing happens to an offer already ringing.
     *
     * @param cause what happened, for the call's {@code CallRequeued}
     * @param why   the same for the agent's state reason
     * @return whether there was such an offer
     */
    boolean takeBackHeldOffer(Agent agent, String cause, String why) {
        Call call = agent.call;
        if (!holdsOfferForTheLine(agent)) {
            return false;
        }
        offerBack(call, cause);
        lifecycle.offerWithdrawn(agent, call, why);
        return true;
    }

    /** Whether {@code agent} is RESERVED for an offer whose phone has not started ringing (it waits for the line). */
    boolean holdsOfferForTheLine(Agent agent) {
        Call call = agent.call;
        return agent.state == AgentState.RESERVED && call != null && call.ringTimer != null
                && call.ringTimer.kind == Timer.Kind.LINE_WAIT;
    }

    /**
     * Lets go of the offer {@code agent} holds for the caller's line ({@link #holdsOfferForTheLine}): the call back
     * to its place and offered elsewhere if it can be; the agent is left RESERVED with no call, for the caller to
     * move on (a logout).
     */
    void letGoOfferForTheLine(Agent agent, String cause) {
        offerBack(agent.call, cause);
    }

    /**
     * Ring-no-answer or a failed offer: the agent goes NOT_READY, the call goes back to the head of its priority
     * class (keeping its arrival time) and is offered again at once if another eligible agent is idle.
     */
    private void ringFailed(Call call, String agentReason, String cause, OfferEnd end) {
        Agent agent = call.agent;
        BusinessQueue queue = call.queue;
        requeue(call, cause, end);
        if (agent.leaving) {
            lifecycle.leave(agent);
        } else {
            AgentState asked = agent.afterCall;
            String askedReason = agent.afterCallReason;
            centre.setState(agent, AgentState.NOT_READY, agentReason);
            lifecycle.offerNotTaken(agent, asked, askedReason);
        }
        settleRequeued(call, queue);
    }

    /** An offer let go: the call back to the head of its priority class and offered again if it can be. */
    private void offerBack(Call call, String cause) {
        BusinessQueue queue = call.queue;
        requeue(call, cause, OfferEnd.TAKEN_BACK);
        settleRequeued(call, queue);
    }

    /** Takes the offer back from the call's agent (left RESERVED with no call) and files the call again. */
    private void requeue(Call call, String cause, OfferEnd end) {
        Agent agent = call.agent;
        BusinessQueue queue = call.queue;
        centre.timers.cancel(call.ringTimer);
        call.ringTimer = null;
        call.agent = null;
        call.offeredVia = null;
        agent.call = null;
        queue.ringing--;
        centre.emit(new Decision.CallRequeued(centre.now, call.id, agent.id(), queue.id, cause, end));
        call.status = Call.Status.WAITING;
        call.requeued = true;
        centre.index(call);
    }

    /**
     * A requeued call still waiting in {@code queue}: the no-agents treatment if no logged-in agent could serve it any
     * more (its ringing agent was the last, and a reload took the skill away meanwhile), its maximum wait if it is
     * over, else an idle agent.
     */
    private void settleRequeued(Call call, BusinessQueue queue) {
        if (call.status != Call.Status.WAITING || call.queue != queue || admission.moveFromRemovedQueue(call)) {
            return;
        }
        if (!call.plan.anyoneLoggedIn()) {
            admission.noAgentsAnyMore(call, "no agent who could serve queue " + queue.id + " is logged in");
        } else if (escalation.maxWaitOverdue(call)) {
            escalation.maxWaitReached(call);
        } else {
            escalation.settle(call);
        }
    }
}
