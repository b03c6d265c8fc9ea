package dev.hotline.acd.internal;

import dev.hotline.acd.AgentView;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.WaitingCall;
import java.util.Optional;

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
        if (agent == null) {
            return Optional.empty();
        }
        return Optional.of(new AgentView(agent.id(), agent.state, agent.reason, agent.stateSince,
                Optional.ofNullable(agent.call).map(c -> c.id), agent.answered, agent.talkMillis, agent.phone));
    }

    QueueView queue(String queueId) {
        BusinessQueue queue = centre.queues.get(queueId);
        if (queue == null) {
            throw new IllegalArgumentException("no such queue: " + queueId);
        }
        long oldest = queue.waiting.isEmpty() ? 0 : centre.now - queue.waiting.minAux();
        // the plan of ordinary calls starts with exactly the queue's groups
        GroupSet staffing = queue.ordinaryPlan.stage(0).staffing;
        return new QueueView(queue.id, queue.waiting.size(), queue.ringing, oldest, staffing.loggedIn, staffing.ready(),
                staffing.readyPhoneNotFree(), queue.smoothedHandleMillis(), queue.retired);
    }
}
