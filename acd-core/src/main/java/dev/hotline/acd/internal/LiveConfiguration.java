package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a configuration in force, at start and while calls wait, without losing or duplicating a call. Costs time in
 * proportion to the centre's size, unlike every other event.
 */
final class LiveConfiguration {

    private final Centre centre;
    private final Escalation escalation;
    private final Dispatch dispatch;
    private final AgentLifecycle lifecycle;
    private final QueueAdmission admission;

    LiveConfiguration(Centre centre, Escalation escalation, Dispatch dispatch, AgentLifecycle lifecycle,
                      QueueAdmission admission) {
        this.centre = centre;
        this.escalation = escalation;
        this.dispatch = dispatch;
        this.lifecycle = lifecycle;
        this.admission = admission;
    }

    /** The calls the change being applied gave another priority or other eligible groups, for their decisions. */
    private final List<Call> replanned = new ArrayList<>();
    /** Agents on a call the change removed, or put back before that call was over: what follows their call changed. */
    private final List<Agent> afterCallChanged = new ArrayList<>();

    /**
     * A live change: checked first (a number plan the engine could not classify with is rejected and the
     * configuration in force stays), applied, reported; then waiting calls that no logged-in agent could serve any
     * more get their queue's no-agents treatment, and every READY agent who can now serve a waiting call is offered
     * one.
     */
    void changed(CentreConfig next) {
        NumberPlan plan;
        try {
            plan = new NumberPlan(next);
        } catch (IllegalArgumentException e) {
            throw new Rejection("configuration rejected, the one in force stays: " + e.getMessage());
        }
        List<Call> inQueue = apply(next, plan);
        centre.emit(new Decision.ConfigApplied(centre.now, next));
        Set<Call> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Call call : inQueue) {
            if (admission.moveFromRemovedQueue(call)) {
                moved.add(call);
            }
        }
        for (Agent agent : afterCallChanged) {
            // what the agent's desktop and the journal show: a logout after the call, or the agent's own wish again
            centre.emit(new Decision.AgentAfterCall(centre.now, agent.id(), agent.state,
                    agent.leaving ? AgentState.LOGGED_OUT : agent.afterCall,
                    agent.leaving ? Decision.AgentAfterCall.REMOVED : agent.afterCallReason));
        }
        for (Call call : replanned) {
            if (!moved.contains(call)) {
                centre.emit(new Decision.CallReplanned(centre.now, call.id, call.queue.id, call.priority,
                        call.eligibility.groupIds));
            }
        }
        for (Agent agent : new ArrayList<>(centre.agentOrder)) {
            dispatch.removedBeforeRinging(agent);
        }
        for (Call call : inQueue) {
            if (call.status == Call.Status.WAITING && !call.plan.anyoneLoggedIn()) {
                // a queue in force names groups that exist; a removed one may have lost them all
                List<String> groups = call.queue.config.groups();
                admission.noAgentsAnyMore(call, groups.stream().noneMatch(centre.groups::containsKey)
                        ? "the configuration change removed queue " + call.queue.id + " and its skill groups ("
                        + String.join(", ", groups) + "): nobody can serve its calls"
                        : "no agent who could serve queue " + call.queue.id + " is logged in after the configuration "
                        + "change");
            }
        }
        for (Agent agent : new ArrayList<>(centre.agentOrder)) {
            if (agent.state == AgentState.READY) {
                dispatch.takeNextCall(agent);
            }
        }
    }

    /**
     * The configuration at start.
     *
     * @throws IllegalArgumentException naming what in its number plan the engine cannot classify with
     */
    void start(CentreConfig config) {
        apply(config, new NumberPlan(config));
    }

    /**
     * Puts {@code next} in force: removed agents log out (or finish their call first), removed queues keep serving
     * the calls they hold under their last settings (until {@link QueueAdmission#moveFromRemovedQueue} moves them on
     * to their business type's queue now, when it has one), and every waiting or ringing call's eligible groups and
     * priority are recomputed from its queue's new settings. Returns those calls in arrival order.
     */
    private List<Call> apply(CentreConfig next, NumberPlan plan) {
        Set<String> nextAgentIds = new HashSet<>();
        for (AgentConfig ac : next.agents()) {
            nextAgentIds.add(ac.id());
        }
        List<Agent> leaving = new ArrayList<>();
        afterCallChanged.clear();
        if (centre.config != null) {
            long today = centre.today();
            centre.countsOfRemoved.values().removeIf(counts -> counts.day() < today);
        }
        for (Agent agent : centre.agentOrder) {
            if (nextAgentIds.contains(agent.id())) {
                continue;
            }
            if (agent.state == AgentState.RESERVED || agent.state == AgentState.TALKING) {
                if (!agent.leaving) {
                    afterCallChanged.add(agent);
                }
                agent.leaving = true;
                leaving.add(agent);
            } else {
                if (agent.state != AgentState.LOGGED_OUT) {
                    lifecycle.cancelWrapUp(agent);
                    centre.setState(agent, AgentState.LOGGED_OUT, "removed from the configuration");
                }
                centre.forget(agent);
            }
        }

        List<Call> inQueue = new ArrayList<>();
        for (Call call : centre.calls.all()) {
            if (call.status == Call.Status.WAITING) {
                centre.unindex(call);
                inQueue.add(call);
            } else if (call.status == Call.Status.OFFERED) {
                inQueue.add(call);
            }
        }
        inQueue.sort(Comparator.comparingLong(c -> c.seq));

        Map<String, Group> groups = centre.groups;
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
            Agent agent = centre.agents.computeIfAbsent(ac.id(), id -> {
                Agent added = new Agent(ac);
                // logged out since the engine learnt of them: a desktop shows that, not "since 1970"
                added.stateSince = centre.now;
                Agent.DayCounts counts = centre.countsOfRemoved.remove(id);
                if (counts != null) {
                    // back the day they were removed: their login keeps these (AgentLifecycle.loggedIn), as after a
                    // logout; on a later day it clears them
                    added.countsDay = counts.day();
                    added.answered = counts.answered();
                    added.talkMillis = counts.talkMillis();
                }
                return added;
            });
            agent.configure(ac);
            if (agent.leaving) {
                afterCallChanged.add(agent);
            }
            agent.leaving = false;
            order.add(agent);
        }
        order.addAll(leaving);
        for (int i = 0; i < order.size(); i++) {
            Agent agent = order.get(i);
            agent.order = i;
            List<Agent.Membership> memberships = new ArrayList<>();
            // an agent removed while on a call is in no group: it serves no one after that call, so no queue counts
            // it as staff (a queue's calls get its no-agents treatment now, not when that call ends)
            for (Skill s : agent.leaving ? List.<Skill>of() : agent.config.skills()) {
                Group g = groups.get(s.group());
                if (g != null && !containsGroup(memberships, g)) {
                    memberships.add(new Agent.Membership(agent, g, s.level()));
                }
            }
            agent.memberships = memberships.toArray(new Agent.Membership[0]);
            for (Agent.Membership m : agent.memberships) {
                m.group().members.add(agent);
                m.group().count(m, agent.state, 1);
            }
        }
        centre.agentOrder = order;

        Set<String> nextQueueIds = new HashSet<>();
        for (QueueConfig qc : next.queues()) {
            nextQueueIds.add(qc.id());
            centre.queues.computeIfAbsent(qc.id(), BusinessQueue::new).configure(qc, next.vipPolicy());
        }
        for (BusinessQueue q : new ArrayList<>(centre.queues.values())) {
            if (!nextQueueIds.contains(q.id)) {
                if (q.activeCalls == 0) {
                    centre.queues.remove(q.id);
                } else {
                    q.retired = true;
                }
            }
        }
        resolvePlans();
        centre.config = next;
        centre.countDaysInZone();
        centre.numberPlan = plan;
        plan.resolveQueues(centre.queues);

        replanned.clear();
        for (Call call : inQueue) {
            int priority = call.priority;
            List<String> eligible = call.eligibility.groupIds;
            escalation.replan(call, call.queue.planFor(call));
            escalation.computeEligibility(call);
            if (call.priority != priority || !call.eligibility.groupIds.equals(eligible)) {
                replanned.add(call);
            }
            if (call.status == Call.Status.WAITING) {
                centre.index(call);
                escalation.reschedule(call);
            }
        }
        return inQueue;
    }

    /**
     * Resolves every queue's plans (retired queues' too) against the groups in force, and counts the distinct agents
     * of each group set from scratch.
     */
    private void resolvePlans() {
        Map<String, GroupSet> sets = new HashMap<>();
        for (BusinessQueue q : centre.queues.values()) {
            q.ordinaryPlan.resolve(centre.groups, sets);
            q.vipPlan.resolve(centre.groups, sets);
        }
        for (GroupSet set : sets.values()) {
            for (Group g : set.groups) {
                g.joinSet(set);
            }
        }
        // each agent once, through its own groups' sets: a walk over the few thousand sets, which stay in the cache,
        // instead of one over every set's members (tens of millions of cold visits at 100,000 agents)
        for (Agent agent : centre.agentOrder) {
            centre.countInGroupSets(agent, AgentState.LOGGED_OUT, agent.state);
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
}
