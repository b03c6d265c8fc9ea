package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.WaitingCall;
import dev.hotline.acd.model.QueueConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read-only views of calls, agents and queues for the API and wallboards. */
final class CentreViews {

    private final Centre centre;

    CentreViews(Centre centre) {
        this.centre = centre;
    }

    Optional<WaitingCall> waitingCall(String callId) {
        Call call = centre.calls.get(callId);
        if (call == null || call.status != Call.Status.WAITING) {
            return Optional.empty();
        }
        int position = centre.position(call);
        return Optional.of(new WaitingCall(call.id, call.queue.id, position, centre.expectedWait(call, position),
                call.priority, call.waited(centre.now), call.eligibility.groupIds, call.vip()));
    }

    Optional<AgentView> agent(String agentId) {
        Agent agent = centre.agents.get(agentId);
        return agent == null ? Optional.empty() : Optional.of(view(agent, centre.today()));
    }

    private static AgentView view(Agent agent, long today) {
        // an agent logged out since before midnight still holds yesterday's counts: today they have none yet
        boolean counted = agent.countsDay == today;
        return new AgentView(agent.id(), agent.state, agent.reason, agent.stateSince,
                Optional.ofNullable(agent.call).map(c -> c.id), counted ? agent.answered : 0,
                counted ? agent.talkMillis : 0, agent.phone,
                // removed from the configuration during the call: logged out after it, whatever was asked
                agent.leaving ? AgentState.LOGGED_OUT : agent.afterCall, agent.leaving ? "" : agent.afterCallReason);
    }

    /**
     * Every queue: the configuration's in its order, then the retired ones (removed by a change) that still hold
     * calls, by id, so a supervisor sees the callers they keep.
     */
    List<QueueView> queues() {
        List<QueueView> views = new ArrayList<>();
        Set<String> configured = new HashSet<>();
        for (QueueConfig q : centre.config.queues()) {
            configured.add(q.id());
            views.add(queue(q.id()));
        }
        centre.queues.keySet().stream().filter(id -> !configured.contains(id)).sorted()
                .forEach(id -> views.add(queue(id)));
        return views;
    }

    /** Every agent the engine knows, in the configuration's order, then those removed who finish a call. */
    List<AgentView> agents() {
        List<AgentView> views = new ArrayList<>();
        long today = centre.today();
        for (Agent agent : centre.agentOrder) {
            views.add(view(agent, today));
        }
        return views;
    }

    QueueView queue(String queueId) {
        BusinessQueue queue = centre.queues.get(queueId);
        if (queue == null) {
            throw new IllegalArgumentException("no such queue: " + queueId);
        }
        long oldest = queue.waiting.isEmpty() ? 0 : centre.now - queue.waiting.minAux();
        // the plan of ordinary calls starts with exactly the queue's groups
        GroupSet staffing = queue.ordinaryPlan.stage(0).staffing;
        // a removed queue takes no new calls, whatever its hours said
        boolean open = !queue.retired && queue.hours.isOpenAt(centre.now);
        return new QueueView(queue.id, queue.waiting.size(), queue.ringing, oldest, staffing.loggedIn, staffing.ready(),
                staffing.readyPhoneNotFree(), queue.smoothedHandleMillis(), queue.retired, open,
                open ? "" : queue.retired ? "removed from the configuration: it serves the calls it holds and takes "
                        + "no new ones" : queue.config.hours().whyClosedAt(centre.now));
    }
}
