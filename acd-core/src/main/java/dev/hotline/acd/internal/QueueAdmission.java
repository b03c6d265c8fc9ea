package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.Treatment;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a call may enter a queue, checked in order: closed, full, no agents who could ever serve it. A call the
 * queue cannot keep gets the queue's treatment: hang-up, voicemail, IVR flow, or an overflow move to another queue
 * (where the same checks apply; never back to a queue it has been in).
 */
final class QueueAdmission {

    private final Centre centre;
    private Escalation escalation;

    QueueAdmission(Centre centre) {
        this.centre = centre;
    }

    void connect(Escalation escalation) {
        this.escalation = escalation;
    }

    /** The IVR hands the call to the ACD: the queue of its (possibly new) business type. */
    void queueRequested(AcdEvent.QueueRequested e) {
        Call call = centre.requireCall(e.callId(), "be queued");
        if (call.status != Call.Status.IN_IVR) {
            throw new Rejection("call " + call.id + " cannot be queued: call is " + Centre.describe(call));
        }
        String typeId = e.businessType().orElse(call.businessType);
        NumberPlan.Classification classified = call.classification;
        BusinessType type;
        BusinessQueue queue;
        if (e.businessType().isEmpty() && classified != null && centre.numberPlan.hands(classified)) {
            // the business type found at arrival, under the configuration still in force: nothing to look up
            type = classified.businessType();
            queue = classified.queue();
        } else {
            type = centre.numberPlan.businessType(typeId);
            if (type == null && e.businessType().isEmpty() && classified != null) {
                // a change removed the business type the call arrived with while it was in the IVR: it keeps the
                // queue it was classified into, as it keeps its flow, as long as that queue takes calls
                type = classified.businessType();
                queue = centre.queues.get(type.queue());
                if (queue == null || queue.retired) {
                    throw new Rejection("call " + call.id + " cannot be queued: a configuration change removed its "
                            + "business type " + typeId + " and queue " + type.queue() + " while it was in the IVR");
                }
            } else if (type == null) {
                throw new Rejection("call " + call.id + " cannot be queued: unknown business type " + typeId);
            } else {
                queue = centre.queues.get(type.queue());
            }
        }
        if (queue == null || queue.retired) {
            throw new Rejection("call " + call.id + " cannot be queued: business type " + typeId
                    + " names unknown queue " + type.queue());
        }
        call.businessType = typeId;
        call.attachedData = e.attachedData();
        call.priorityRaise = e.priorityRaise();
        call.enteredAcdAt = centre.now;
        enter(call, queue);
    }

    /** The call (out of every index, not counted in any queue) tries to enter {@code queue}. */
    void enter(Call call, BusinessQueue queue) {
        long now = centre.now;
        call.visited.add(queue.id);
        QueueConfig qc = queue.config;
        if (!queue.hours.isOpenAt(now)) {
            treat(call, queue, qc.treatments().closed(), TreatmentCause.CLOSED, "queue " + queue.id + " is closed ("
                    + qc.hours().whyClosedAt(centre.now) + ")");
            return;
        }
        // a call ringing an agent is still the queue's (it comes back if the phone is not answered), as in Asterisk's
        // app_queue, whose maxlen counts the callers being rung
        if (queue.maxWaiting > 0 && queue.waiting.size() + queue.ringing >= queue.maxWaiting) {
            treat(call, queue, qc.treatments().full(), TreatmentCause.QUEUE_FULL, "queue " + queue.id + " is full ("
                    + queue.waiting.size() + " waiting" + (queue.ringing == 0 ? "" : ", " + queue.ringing
                    + " ringing an agent") + ")");
            return;
        }
        EscalationPlan plan = queue.planFor(call);
        if (!plan.anyoneLoggedIn()) {
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
        escalation.computeEligibility(call);
        call.status = Call.Status.WAITING;
        // its place is counted before it is filed: a call that an idle agent takes at once is never filed, and waits
        // nothing
        int position = centre.position(call);
        long expectedWait = call.eligibility.staffing.anyReady() ? 0 : centre.expectedWait(call, position);
        centre.emit(new Decision.CallQueued(now, call.id, queue.id, call.priority, call.eligibility.groupIds, position,
                expectedWait));
        escalation.scheduleMaxWait(call);
        escalation.settleOnEntry(call);
    }

    /**
     * {@code agent} logged out. If that left one of its groups with nobody logged in, the waiting calls that no
     * logged-in agent could serve any more get their queue's no-agents treatment: those eligible through the group
     * now, and those it would serve only later (a VIP call waiting for the VIP group alone, a group an escalation step
     * adds), whose plan can no longer reach anyone either.
     */
    void refuseStranded(Agent agent) {
        List<Group> emptied = new ArrayList<>();
        for (Agent.Membership m : agent.memberships) {
            if (m.group().loggedIn == 0) {
                emptied.add(m.group());
            }
        }
        if (emptied.isEmpty()) {
            return;
        }
        List<Call> stranded = new ArrayList<>();
        for (BusinessQueue queue : centre.queues.values()) {
            boolean reached = queue.ordinaryPlan.mayUseAny(emptied) || queue.vipPlan.mayUseAny(emptied);
            if (queue.waiting.isEmpty() || !reached) {
                continue;
            }
            queue.waiting.forEach(call -> {
                if (call.status == Call.Status.WAITING && !call.plan.anyoneLoggedIn()) {
                    stranded.add(call);
                }
            });
        }
        // the queues' map has no order of its own: the calls are treated in service order
        stranded.sort(Call.SERVICE_ORDER);
        for (Call call : stranded) {
            noAgentsAnyMore(call, "the last agent who could serve queue " + call.queue.id + " logged out");
        }
    }

    /**
     * A waiting call of a queue a configuration change removed moves on to the queue its business type leads to now
     * (the queue renamed, or merged into another), entering it as an overflow does, with its arrival time: what the
     * admin meant, where the removed queue's last settings may have lost their groups too. Nothing when its queue is
     * in force, or its business type was removed too or leads nowhere else: it stays, served under the removed
     * queue's last settings. Returns whether it moved.
     */
    boolean moveFromRemovedQueue(Call call) {
        BusinessQueue queue = call.queue;
        if (call.status != Call.Status.WAITING || !queue.retired) {
            return false;
        }
        BusinessType type = centre.numberPlan.businessType(call.businessType);
        BusinessQueue next = type == null ? null : centre.queues.get(type.queue());
        if (next == null || next.retired) {
            return false;
        }
        centre.detach(call);
        String why = "queue " + queue.id + " was removed by the configuration change; business type " + type.id()
                + " leads to queue " + next.id + " now";
        centre.emit(new Decision.CallTreated(centre.now, call.id, queue.id, new Treatment.Overflow(next.id),
                TreatmentCause.RECONFIGURED));
        centre.emit(new Decision.CallMoved(centre.now, call.id, queue.id, next.id, why));
        enter(call, next);
        return true;
    }

    /**
     * A call in its queue (waiting, or just back from an offer) that no logged-in agent can serve any more: out of
     * every index and timer, to its queue's no-agents treatment, {@code why} said.
     */
    void noAgentsAnyMore(Call call, String why) {
        BusinessQueue queue = call.queue;
        centre.detach(call);
        treat(call, queue, queue.config.treatments().noAgents(), TreatmentCause.NO_AGENTS, why);
    }

    /**
     * The queue cannot keep the call (detached from every index and timer). An overflow to a queue the call has
     * already been in is refused with the centre's busy prompt, so overflow rules can never send a call round in a
     * circle.
     */
    void treat(Call call, BusinessQueue queue, Treatment treatment, TreatmentCause cause, String why) {
        long now = centre.now;
        switch (treatment) {
            case Treatment.Hangup h -> {
                centre.emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                centre.endCall(call, Outcome.REFUSED, queue, null, call.waited(now), 0,
                        why + ": " + treatment.describe());
            }
            case Treatment.Voicemail v -> {
                centre.emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                centre.endCall(call, Outcome.OVERFLOWED, queue, null, call.waited(now), 0,
                        why + ": " + treatment.describe());
            }
            case Treatment.IvrFlow f -> {
                // out of the queue (overflowed from it), into the flow: the call stays in the centre, and ends as the
                // flow ends it (self-service completed, ended in the IVR, the caller hanging up), so that self-service
                // after hours counts in the connection rate like any other
                centre.emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                call.status = Call.Status.IN_IVR;
                call.leftForIvr = queue;
                call.waitedBeforeIvr = call.waited(now);
            }
            case Treatment.Overflow o -> {
                BusinessQueue target = centre.queues.get(o.queue());
                String refusal = null;
                if (target == null || target.retired) {
                    refusal = "overflow target queue " + o.queue() + " does not exist";
                } else if (call.visited.contains(target.id)) {
                    refusal = "overflow back to queue " + target.id + " refused: the call was already there";
                }
                if (refusal != null) {
                    Treatment busy = new Treatment.Hangup(centre.config.settings().busyPrompt());
                    centre.emit(new Decision.CallTreated(now, call.id, queue.id, busy, cause));
                    centre.endCall(call, Outcome.REFUSED, queue, null, call.waited(now), 0, why + "; " + refusal);
                } else {
                    centre.emit(new Decision.CallTreated(now, call.id, queue.id, treatment, cause));
                    centre.emit(new Decision.CallMoved(now, call.id, queue.id, target.id, why));
                    enter(call, target);
                }
            }
        }
    }
}
