package dev.hotline.acd.internal;

import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.VipPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a call of one kind (ordinary or VIP) goes through in one queue: the groups eligible from the start, a priority
 * boost from the start, and the timed steps in firing order. The VIP rule is nothing but a plan: VIP group alone
 * first, then the step {@value #VIP_STEP} adds the queue's groups and raises the priority.
 */
final class EscalationPlan {

    /** The name of the step that opens a VIP call to the queue's ordinary groups. */
    static final String VIP_STEP = "vip-escalation";

    final List<String> initialGroups;
    final int initialBoost;
    /** Ordered by {@code after}; among equal times, in configured order with the VIP step first. */
    final List<EscalationStep> steps;
    /** Every group the call could ever become eligible for in this queue (for the no-agents check). */
    final List<String> potentialGroups;

    private EscalationPlan(List<String> initialGroups, int initialBoost, List<EscalationStep> steps) {
        this.initialGroups = List.copyOf(initialGroups);
        this.initialBoost = initialBoost;
        List<EscalationStep> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(EscalationStep::after));
        this.steps = List.copyOf(sorted);
        Set<String> all = new LinkedHashSet<>(initialGroups);
        for (EscalationStep s : this.steps) {
            for (EscalationAction a : s.actions()) {
                if (a instanceof EscalationAction.AddGroups add) {
                    all.addAll(add.groups());
                }
            }
        }
        this.potentialGroups = List.copyOf(all);
    }

    /** The plan of ordinary callers: the queue's groups and steps. */
    static EscalationPlan ordinary(QueueConfig queue) {
        return new EscalationPlan(queue.groups(), 0, queue.escalation());
    }

    /**
     * The plan of VIP callers: with a VIP group, that group alone until {@code escalateAfter}, then the queue's
     * groups and the boosted priority; without one, the queue's groups and the boosted priority from the start.
     */
    static EscalationPlan vip(QueueConfig queue, VipPolicy policy) {
        if (policy.group().isEmpty()) {
            return new EscalationPlan(queue.groups(), policy.priorityBoost(), queue.escalation());
        }
        EscalationStep vipStep = new EscalationStep(VIP_STEP, policy.escalateAfter(), List.of(
                new EscalationAction.AddGroups(queue.groups()),
                new EscalationAction.RaisePriority(policy.priorityBoost())));
        List<EscalationStep> steps = new ArrayList<>();
        steps.add(vipStep);
        steps.addAll(queue.escalation());
        return new EscalationPlan(List.of(policy.group().get()), 0, steps);
    }
}
