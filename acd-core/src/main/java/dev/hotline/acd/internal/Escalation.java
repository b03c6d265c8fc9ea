package dev.hotline.acd.internal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A waiting call's timed plan: its eligible groups and priority after the steps fired so far, the timer of its next
 * escalation step (timed from entry into the ACD) and of its maximum wait (timed from entry into its queue).
 */
final class Escalation {

    private final Centre centre;
    private Dispatch dispatch;
    private QueueAdmission admission;

    Escalation(Centre centre) {
        this.centre = centre;
    }

    void connect(Dispatch dispatch, QueueAdmission admission) {
        this.dispatch = dispatch;
        this.admission = admission;
    }

    /**
     * A waiting call's due escalation steps fire first, one by one (a step that fell due while an agent's phone rang
     * fires when the call comes back, before another agent is tried, so a run of unanswered offers cannot hold back an
     * overflow for ever); then it gets an idle eligible agent if there is one; then the timer for its next step is set.
     */
    void settle(Call call) {
        settle(call, false);
    }

    /** {@link #settle} for a call entering its queue, not filed yet: filed only if no idle agent takes it at once. */
    void settleOnEntry(Call call) {
        if (dispatch.offerToIdleAgent(call)) {
            return;
        }
        centre.index(call);
        settle(call, true);
    }

    private void settle(Call call, boolean triedIdleAgents) {
        BusinessQueue queue = call.queue;
        boolean tried = triedIdleAgents;
        while (call.stepsFired < call.plan.steps.size() && stepDeadline(call) <= centre.now) {
            fireNextStep(call);
            if (call.status != Call.Status.WAITING || call.queue != queue) {
                return;
            }
            // a step may have made an idle agent eligible
            tried = false;
        }
        if (!tried && dispatch.offerToIdleAgent(call)) {
            return;
        }
        centre.timers.cancel(call.stepTimer);
        call.stepTimer = call.stepsFired < call.plan.steps.size()
                ? centre.timers.schedule(centre.now, stepDeadline(call), Timer.Kind.STEP, call, null)
                : null;
    }

    /** The call's next step is due; it fires only while the call waits (a ringing call settles when it is back). */
    void stepDue(Timer timer) {
        Call call = timer.call;
        if (call.stepTimer == timer) {
            call.stepTimer = null;
            if (call.status == Call.Status.WAITING) {
                settle(call);
            }
        }
    }

    void maxWaitDue(Timer timer) {
        Call call = timer.call;
        if (call.maxWaitTimer == timer) {
            call.maxWaitTimer = null;
            if (call.status == Call.Status.WAITING) {
                maxWaitReached(call);
            }
        }
    }

    /**
     * After a configuration change gave the call {@code next} for its plan: how many of its steps count as fired,
     * those timed at or before the last step that did fire under the plan it had. Steps are known by their time, not
     * their place in a list an admin may edit: a step removed or added ahead of it neither repeats what fired nor
     * skips what is still to come (a voicemail overflow at 5 minutes stays at 5 minutes); an earlier step added now is
     * taken as done, since the call is past it.
     */
    void replan(Call call, EscalationPlan next) {
        int fired = Math.min(call.stepsFired, call.plan.steps.size());
        long lastFiredAfter = fired == 0 ? -1 : call.plan.steps.get(fired - 1).after().toMillis();
        int covered = 0;
        for (EscalationStep step : next.steps) {
            if (step.after().toMillis() > lastFiredAfter) {
                break;
            }
            covered++;
        }
        call.plan = next;
        call.stepsFired = covered;
    }

    /** After a configuration change: the waiting call's timers follow its queue's new settings. */
    void reschedule(Call call) {
        scheduleMaxWait(call);
        centre.timers.cancel(call.stepTimer);
        call.stepTimer = call.stepsFired < call.plan.steps.size()
                ? centre.timers.schedule(centre.now, Math.max(centre.now, stepDeadline(call)), Timer.Kind.STEP, call,
                        null)
                : null;
    }

    void scheduleMaxWait(Call call) {
        centre.timers.cancel(call.maxWaitTimer);
        long maxWait = call.queue.maxWaitMillis;
        call.maxWaitTimer = maxWait >= 0
                ? centre.timers.schedule(centre.now, call.queueEnteredAt + maxWait, Timer.Kind.MAX_WAIT, call, null)
                : null;
    }

    boolean maxWaitOverdue(Call call) {
        long maxWait = call.queue.maxWaitMillis;
        return maxWait >= 0 && centre.now >= call.queueEnteredAt + maxWait;
    }

    void maxWaitReached(Call call) {
        BusinessQueue queue = call.queue;
        centre.detach(call);
        admission.treat(call, queue, queue.config.treatments().maxWait(), TreatmentCause.MAX_WAIT,
                "the call waited the maximum of " + StrategyOrder.seconds(queue.config.maxWait().orElseThrow()
                        .toMillis()) + " in queue " + queue.id);
    }

    private long stepDeadline(Call call) {
        return call.enteredAcdAt + call.plan.steps.get(call.stepsFired).after().toMillis();
    }

    private void fireNextStep(Call call) {
        long now = centre.now;
        EscalationStep step = call.plan.steps.get(call.stepsFired);
        BusinessQueue queue = call.queue;
        Group[] before = call.eligibility.groups;
        centre.unindex(call);
        call.stepsFired++;
        computeEligibility(call);
        centre.index(call);
        List<String> added = new ArrayList<>();
        for (Group g : call.eligibility.groups) {
            if (!contains(before, g)) {
                added.add(g.id);
            }
        }
        centre.emit(new Decision.CallEscalated(now, call.id, queue.id, step.name(), added, call.priority));
        for (EscalationAction action : step.actions()) {
            switch (action) {
                case EscalationAction.Announce a -> {
                    int position = centre.position(call);
                    centre.emit(new Decision.Announcement(now, call.id, a.prompt(), position,
                            centre.expectedWait(call, position)));
                }
                case EscalationAction.OverflowTo o -> {
                    centre.detach(call);
                    admission.treat(call, queue, o.treatment(), TreatmentCause.ESCALATION,
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
    void computeEligibility(Call call) {
        EscalationPlan plan = call.plan;
        if (call.stepsFired > plan.steps.size()) {
            call.stepsFired = plan.steps.size();
        }
        call.eligibility = plan.stage(call.stepsFired);
        call.priority = call.queue.config.basePriority() + call.priorityRaise + call.eligibility.boost;
    }

    private static boolean contains(Group[] groups, Group g) {
        for (Group x : groups) {
            if (x == g) {
                return true;
            }
        }
        return false;
    }
}
