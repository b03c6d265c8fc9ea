package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.model.RoutingStrategy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the whole engine state and checks that every index agrees with the calls and agents it indexes. O(size of
 * the centre): for tests and diagnostics, never on the hot path.
 */
final class InvariantCheck {

    private final CallTable calls;
    private final Map<String, Agent> agents;
    private final List<Agent> agentOrder;
    private final Map<String, Group> groups;
    private final Map<String, BusinessQueue> queues;

    InvariantCheck(CallTable calls, Map<String, Agent> agents, List<Agent> agentOrder,
                   Map<String, Group> groups, Map<String, BusinessQueue> queues) {
        this.calls = calls;
        this.agents = agents;
        this.agentOrder = agentOrder;
        this.groups = groups;
        this.queues = queues;
    }

    void run() {
        Map<BusinessQueue, int[]> queueCounts = new HashMap<>();
        Map<Group, Integer> groupWaiting = new HashMap<>();
        Map<Agent, Call> holders = new HashMap<>();
        for (Call call : calls.all()) {
            require(calls.get(call.id) == call, "call " + call.id + " is not found under its id");
            if (call.status == Call.Status.ENDED || call.status == Call.Status.IN_IVR) {
                require(call.status == Call.Status.IN_IVR, "ended call " + call.id + " is still in the engine");
                continue;
            }
            BusinessQueue q = call.queue;
            require(queues.get(q.id) == q, "call " + call.id + " is in queue " + q.id + " which the engine lost");
            int[] counts = queueCounts.computeIfAbsent(q, k -> new int[3]);
            counts[2]++;
            require(call.indexed == (call.status == Call.Status.WAITING), "call " + call.id + " is " + call.status
                    + (call.indexed ? " but marked filed in the waiting orders" : " but not marked filed"));
            switch (call.status) {
                case WAITING -> {
                    counts[0]++;
                    require(call.agent == null, "waiting call " + call.id + " still names agent " + call.agent);
                    require(q.waiting.contains(call), "waiting call " + call.id + " is missing from queue " + q.id);
                    for (Group g : call.eligibility.groups) {
                        require(groups.get(g.id) == g, "call " + call.id + " is eligible through removed group "
                                + g.id);
                        require(g.waiting.contains(call), "waiting call " + call.id + " is missing from group "
                                + g.id);
                        groupWaiting.merge(g, 1, Integer::sum);
                    }
                    require(call.ringTimer == null, "waiting call " + call.id + " has a ring timer");
                }
                case OFFERED, TALKING -> {
                    if (call.status == Call.Status.OFFERED) {
                        counts[1]++;
                        require(call.ringTimer != null && call.ringTimer.pending(),
                                "ringing call " + call.id + " has no ring timer");
                    }
                    AgentState expected = call.status == Call.Status.OFFERED ? AgentState.RESERVED : AgentState.TALKING;
                    Agent a = call.agent;
                    require(a != null, "call " + call.id + " is " + call.status + " without an agent");
                    require(a.state == expected && a.call == call, "call " + call.id + " is " + call.status
                            + " with agent " + a.id() + " who is " + a.state + " with " + a.call);
                    require(holders.put(a, call) == null, "agent " + a.id() + " holds two calls");
                    require(!q.waiting.contains(call), "call " + call.id + " is " + call.status
                            + " but still waiting in queue " + q.id);
                }
                case IN_IVR, ENDED -> throw new IllegalStateException("unreachable");
            }
        }
        for (BusinessQueue q : queues.values()) {
            int[] counts = queueCounts.getOrDefault(q, new int[3]);
            q.waiting.checkStructure("queue " + q.id);
            require(q.waiting.size() == counts[0], "queue " + q.id + " indexes " + q.waiting.size()
                    + " waiting calls, but " + counts[0] + " calls wait in it");
            require(q.ringing == counts[1], "queue " + q.id + " counts " + q.ringing + " ringing calls, but "
                    + counts[1] + " ring");
            require(q.activeCalls == counts[2], "queue " + q.id + " counts " + q.activeCalls + " active calls, but "
                    + counts[2] + " are in it");
            require(!q.retired || q.activeCalls > 0, "retired queue " + q.id + " is empty but still kept");
        }
        for (Group g : groups.values()) {
            g.waiting.checkStructure("group " + g.id);
            int expected = groupWaiting.getOrDefault(g, 0);
            require(g.waiting.size() == expected, "group " + g.id + " indexes " + g.waiting.size()
                    + " waiting calls, but " + expected + " are eligible through it");
            int loggedIn = 0;
            int ready = 0;
            Set<Agent> passedOver = new HashSet<>();
            for (Agent a : g.members) {
                require(a.levelIn(g) > 0, "agent " + a.id() + " is a member of group " + g.id + " without a skill");
                if (a.state != AgentState.LOGGED_OUT) {
                    loggedIn++;
                }
                if (a.offerable()) {
                    ready++;
                } else if (a.state == AgentState.READY) {
                    passedOver.add(a);
                }
            }
            require(new HashSet<>(g.readyPhoneNotFree).equals(passedOver), "group " + g.id + " keeps "
                    + g.readyPhoneNotFree + " as READY members with a busy or unreachable phone but has " + passedOver);
            // work-conserving: an agent who may be offered a call is never left idle beside a call it could take
            require(ready == 0 || g.waiting.isEmpty(), "group " + g.id + " has " + ready + " agents READY with a free "
                    + "phone while " + g.waiting.size() + " calls wait for it");
            require(g.loggedIn == loggedIn && g.readyCount == ready, "group " + g.id + " counts logged-in/ready "
                    + g.loggedIn + "/" + g.readyCount + " but its members are " + loggedIn + "/" + ready);
            for (GroupSet set : g.sets) {
                checkDistinctCounts(set);
            }
            for (RoutingStrategy s : RoutingStrategy.values()) {
                ReadyIndex index = g.builtReadyIndex(s);
                if (index == null) {
                    continue;
                }
                index.checkStructure("ready agents of group " + g.id + " (" + s + ")");
                require(index.size() == ready, "the " + s + " ready index of group " + g.id + " holds "
                        + index.size() + " agents, but " + ready + " members are READY with a free phone");
                for (Agent a : g.members) {
                    require(index.contains(a.membershipOf(g)) == a.offerable(), "agent " + a.id() + " is " + a.state
                            + " with phone " + a.phone + " but " + (a.offerable() ? "missing from" : "present in")
                            + " the " + s + " ready index of group " + g.id);
                }
            }
        }
        for (Agent a : agentOrder) {
            require(agents.get(a.id()) == a, "agent " + a.id() + " is in the agent order but not in the agent map");
            boolean onCall = a.state == AgentState.RESERVED || a.state == AgentState.TALKING;
            require(onCall == (a.call != null), "agent " + a.id() + " is " + a.state + " with call " + a.call);
            if (onCall) {
                require(holders.get(a) == a.call, "agent " + a.id() + " holds call " + a.call.id
                        + " which does not name the agent");
            }
            require((a.state == AgentState.WRAP_UP) == (a.wrapUpTimer != null && a.wrapUpTimer.pending()),
                    "agent " + a.id() + " is " + a.state + " with wrap-up timer " + a.wrapUpTimer);
            require(!a.leaving || onCall, "agent " + a.id() + " is leaving but not on a call");
            require(a.afterCall == AgentState.READY || a.afterCall == AgentState.NOT_READY
                    || a.afterCall == AgentState.LOGGED_OUT, "agent " + a.id() + " is to be " + a.afterCall
                    + " after the call");
            require(a.afterCall == AgentState.READY || a.state == AgentState.RESERVED
                    || a.state == AgentState.TALKING || a.state == AgentState.WRAP_UP, "agent " + a.id()
                    + " is to be " + a.afterCall + " after a call but is " + a.state);
        }
        require(agentOrder.size() == agents.size(), "the engine orders " + agentOrder.size() + " agents but knows "
                + agents.size());
    }

    /** The set's counts equal its distinct member agents by state. */
    private static void checkDistinctCounts(GroupSet set) {
        Set<Agent> agents = new HashSet<>();
        for (Group g : set.groups) {
            agents.addAll(g.members);
        }
        int loggedIn = 0;
        int staffed = 0;
        int ready = 0;
        for (Agent a : agents) {
            if (a.state != AgentState.LOGGED_OUT) {
                loggedIn++;
                if (a.state != AgentState.NOT_READY) {
                    staffed++;
                }
            }
            if (a.offerable()) {
                ready++;
            }
        }
        int counted = set.ready();
        require(set.loggedIn == loggedIn && set.staffed == staffed && counted == ready, set
                + " counts distinct logged-in/staffed/ready " + set.loggedIn + "/" + set.staffed + "/" + counted
                + " but its agents are " + loggedIn + "/" + staffed + "/" + ready);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("invariant broken: " + message);
        }
    }
}
