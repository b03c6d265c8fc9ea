package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.EscalationStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The centre's routing state, owned by the engine thread: calls, agents, skill groups, queues, timers and the
 * configuration in force, with the bookkeeping that keeps their indexes and counters in step (indexing a waiting
 * call, detaching it, ending it, moving an agent to a new state). Policy lives in the classes that use it.
 */
final class Centre {

    private final DecisionListener listener;
    final TimerQueue timers = new TimerQueue();
    final CallTable calls = new CallTable();
    final Map<String, Agent> agents = new HashMap<>();
    /**
     * The day's counts of agents a reload removed, by id: an agent put back the same day (commented out by mistake)
     * keeps them, as after a logout, so FEWEST_CALLS and LEAST_TALK_TIME do not take them for a newcomer.
     */
    final Map<String, Agent.DayCounts> countsOfRemoved = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Map<String, BusinessQueue> queues = new HashMap<>();
    /** Configured agents in configured order, then agents that are leaving after their call. */
    List<Agent> agentOrder = new ArrayList<>();
    CentreConfig config;
    NumberPlan numberPlan;
    long now;
    long callSeq;
    long offerSeq;
    /**
     * How long an agent a missed call made not ready stays so before being made ready again; 0 for until they say
     * (the default). A server's setting, not the configuration's:
     * {@link dev.hotline.acd.RoutingEngine#readyAfterMissedCall}.
     */
    long missedCallBreakMillis;
    /**
     * When the next day begins in the centre's zone (local midnight): agents on duty start the day's counts afresh
     * then ({@link #newDay}). {@code Long.MIN_VALUE} until a configuration gives the zone.
     */
    long nextDayStart = Long.MIN_VALUE;
    /** Counts agent state changes, so each group set counts a change once (see {@link GroupSet#stamp}). */
    private long agentChanges;

    Centre(DecisionListener listener, long startMillis) {
        this.listener = listener;
        this.now = startMillis;
    }

    void emit(Decision decision) {
        listener.onDecision(decision);
    }

    Call requireCall(String callId, String what) {
        Call call = calls.get(callId);
        if (call == null) {
            throw new Rejection("call " + callId + " cannot " + what + ": no such call");
        }
        return call;
    }

    Agent requireAgent(String agentId, String what) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            throw new Rejection("agent " + agentId + " cannot " + what + ": no such agent");
        }
        return agent;
    }

    static String describe(Call call) {
        return switch (call.status) {
            case IN_IVR -> "IN_IVR";
            case WAITING -> "WAITING in queue " + call.queue.id;
            case OFFERED -> "OFFERED to agent " + call.agent.id();
            case TALKING -> "TALKING to agent " + call.agent.id();
            case ENDED -> "ENDED";
        };
    }

    static String describe(Agent agent) {
        return switch (agent.state) {
            case RESERVED -> "RESERVED for " + agent.call.id;
            case TALKING -> "TALKING on call " + agent.call.id;
            case NOT_READY -> "NOT_READY (" + agent.reason + ")";
            case LOGGED_OUT, READY, WRAP_UP -> agent.state.name();
        };
    }

    // ---------------------------------------------------------------- calls

    /** Files the waiting call in its queue's and its eligible groups' service order. */
    void index(Call call) {
        call.queue.waiting.add(call);
        for (Group g : call.eligibility.groups) {
            g.waiting.add(call);
        }
        call.indexed = true;
    }

    /** Takes the call out of the service orders it is filed in, if it is filed (see {@link Call#indexed}). */
    void unindex(Call call) {
        if (!call.indexed) {
            return;
        }
        call.queue.waiting.remove(call);
        for (Group g : call.eligibility.groups) {
            g.waiting.remove(call);
        }
        call.indexed = false;
    }

    /** Takes the call out of its queue's indexes, counts and timers (it stays in the call map). */
    void detach(Call call) {
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

    /** The call is over: forgotten, and reported once. */
    void endCall(Call call, Outcome outcome, BusinessQueue queue, Agent agent, long waited, long talk, String cause) {
        calls.remove(call);
        call.status = Call.Status.ENDED;
        emit(new Decision.CallEnded(now, call.id, outcome, queue == null ? Optional.empty() : queue.idAsOptional,
                agent == null ? Optional.empty() : agent.idAsOptional, waited, talk, cause, call.callerNumber,
                call.dialledNumber, agent == null ? Optional.empty() : agent.endpointAsOptional));
    }

    /** 1 + the calls of the same queue served before it, whether or not it is filed yet: O(log n). */
    int position(Call call) {
        return call.queue.waiting.rankOf(call) + 1;
    }

    /**
     * Position x smoothed handle time / agents working through the call's eligible groups, each counted once; or,
     * when a step still to come makes it shorter, the time until that step plus the same at that stage (the calls
     * that agents idle now in the groups open then will take left out), over the agents of the groups open then, and
     * from the position the VIP step's priority gives a VIP call (a queue's own steps raise every caller alike, so they leave
     * its position as it is). -1 when nobody works through any group the call may ever use (all on a break): no
     * estimate, rather than one that reads as if an agent were taking calls.
     */
    long expectedWait(Call call, int position) {
        long handle = call.queue.smoothedHandleMillis();
        int staffed = call.eligibility.staffing.staffed;
        long best = staffed > 0 ? position * handle / staffed : -1;
        EscalationPlan plan = call.plan;
        // the priority the VIP step adds is the one that moves a call past those ahead: a queue's own steps raise
        // every caller alike, those ahead first, so they leave the order as it is
        int vipRaise = 0;
        for (int k = call.stepsFired + 1; plan != null && k <= plan.steps.size(); k++) {
            EscalationStep step = plan.steps.get(k - 1);
            if (step.name().equals(EscalationPlan.VIP_STEP)) {
                vipRaise += plan.stage(k).boost - plan.stage(k - 1).boost;
            }
            int later = plan.stage(k).staffing.staffed;
            long untilStep = Math.max(0, step.after().toMillis() - call.waited(now));
            if (later == 0 || best >= 0 && untilStep >= best) {
                continue;
            }
            // agents idle now in the groups the step opens take the first calls in line when it fires, as an idle
            // eligible agent takes a call at once; the rest wait for agents to free
            int idle = plan.stage(k).staffing.readyAtMost();
            int ahead = vipRaise == 0 ? position : positionAtPriority(call, call.priority + vipRaise);
            long wait = untilStep + (ahead <= idle ? 0 : (ahead - idle) * handle / later);
            best = best < 0 ? wait : Math.min(best, wait);
        }
        return best;
    }

    /** The position {@code call} would have in its queue at {@code priority}, the rest of its place unchanged. */
    private int positionAtPriority(Call call, int priority) {
        return call.queue.waiting.rankOfKey(
                other -> Call.serviceOrder(priority, call.requeued, call.enteredAcdAt, call.seq, other)) + 1;
    }

    // ---------------------------------------------------------------- agents

    /** Today's epoch day in the centre's zone: the day agents' counts are kept for. */
    long today() {
        return java.time.Instant.ofEpochMilli(now).atZone(config.settings().zone()).toLocalDate().toEpochDay();
    }

    /** Counts from the next local midnight after now, in the zone of the configuration in force. */
    void countDaysInZone() {
        java.time.ZoneId zone = config.settings().zone();
        nextDayStart = java.time.Instant.ofEpochMilli(now).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone)
                .toInstant().toEpochMilli();
    }

    /**
     * A new day has begun: agents on duty start its counts afresh, as an agent does who logs in that day, so that
     * FEWEST_CALLS and LEAST_TALK_TIME do not weigh yesterday's calls of those who worked through midnight against
     * those who came in after it. A READY agent leaves its groups' ready indexes and comes back with the new counts,
     * as for a phone change. O(agents x groups) once a day.
     */
    void newDay() {
        long day = today();
        for (Agent agent : agentOrder) {
            if (agent.state == AgentState.LOGGED_OUT || agent.countsDay == day) {
                continue;
            }
            boolean indexed = agent.state == AgentState.READY;
            if (indexed) {
                for (Agent.Membership m : agent.memberships) {
                    m.group().count(m, agent.state, -1);
                }
            }
            agent.countsDay = day;
            agent.answered = 0;
            agent.talkMillis = 0;
            if (indexed) {
                for (Agent.Membership m : agent.memberships) {
                    m.group().count(m, agent.state, 1);
                }
            }
        }
        countDaysInZone();
    }

    /** {@code agent} leaves the configuration: forgotten, but for the day's counts. */
    void forget(Agent agent) {
        agents.remove(agent.id(), agent);
        if (agent.countsDay != Long.MIN_VALUE) {
            countsOfRemoved.put(agent.id(), new Agent.DayCounts(agent.countsDay, agent.answered, agent.talkMillis));
        }
    }

    /**
     * Moves the agent to {@code to}, keeping group counters, ready indexes and the distinct counts of every group set
     * the agent's groups are in, in step, and reports it.
     */
    void setState(Agent agent, AgentState to, String reason) {
        setState(agent, to, reason, false);
    }

    /**
     * As {@link #setState(Agent, AgentState, String)}; {@code keepReadySince}: a READY agent keeps the idle time they
     * had (an offer withdrawn through no doing of theirs), rather than starting it now.
     */
    void setState(Agent agent, AgentState to, String reason, boolean keepReadySince) {
        AgentState from = agent.state;
        if (agent.missedCallTimer != null) {
            // the agent moved on from the missed call (a break asked, a logout, ready): no return to schedule
            timers.cancel(agent.missedCallTimer);
            agent.missedCallTimer = null;
        }
        // a group counts logged-in and READY members only: RESERVED -> TALKING -> WRAP_UP leave its counts alone
        boolean groupsCount = from == AgentState.READY || to == AgentState.READY
                || (from == AgentState.LOGGED_OUT) != (to == AgentState.LOGGED_OUT);
        if (groupsCount) {
            for (Agent.Membership m : agent.memberships) {
                m.group().count(m, from, -1);
            }
        }
        countInGroupSets(agent, from, to);
        agent.state = to;
        agent.reason = reason;
        if (to == AgentState.READY || to == AgentState.NOT_READY || to == AgentState.LOGGED_OUT) {
            agent.afterCall = AgentState.READY;
            agent.afterCallReason = "";
        }
        agent.stateSince = now;
        if (to == AgentState.READY && !keepReadySince) {
            agent.readySince = now;
        }
        if (groupsCount) {
            for (Agent.Membership m : agent.memberships) {
                m.group().count(m, to, 1);
            }
        }
        emit(new Decision.AgentStateChanged(now, agent.id(), from, to, reason));
    }

    /**
     * Moves the agent's count from state {@code from} to {@code to} in every group set its groups are in, once per set
     * however many of the set's groups it belongs to (from {@code LOGGED_OUT}, which no set counts, it counts the agent
     * in). Nothing to do when the two states count alike.
     */
    void countInGroupSets(Agent agent, AgentState from, AgentState to) {
        if (GroupSet.countedAlike(from, to)) {
            return;
        }
        long change = ++agentChanges;
        for (Agent.Membership m : agent.memberships) {
            for (GroupSet set : m.group().sets) {
                if (set.stamp != change) {
                    set.stamp = change;
                    set.count(from, -1);
                    set.count(to, 1);
                }
            }
        }
    }

    /**
     * The agent's phone is now {@code to}: out of its groups' ready indexes with the old phone state, back in with
     * the new one (a READY agent enters them only with a free phone), and reported. Group sets count logged-in and
     * staffed agents, which a phone does not change.
     */
    void setPhone(Agent agent, PhoneState to) {
        PhoneState from = agent.phone;
        for (Agent.Membership m : agent.memberships) {
            m.group().count(m, agent.state, -1);
        }
        agent.phone = to;
        for (Agent.Membership m : agent.memberships) {
            m.group().count(m, agent.state, 1);
        }
        emit(new Decision.AgentPhoneChanged(now, agent.id(), from, to));
    }

}
