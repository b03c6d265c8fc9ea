package dev.hotline.acd.internal;

import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.VipPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
    /** Per number of steps fired (0 to all), who may take the call; resolved against the groups in force. */
    private Eligibility[] stages = new Eligibility[0];
    /** The last stage's agents (every step fired), read on every arrival: one load instead of three. */
    private GroupSet everyone = Eligibility.NONE.staffing;

    private EscalationPlan(List<String> initialGroups, int initialBoost, List<EscalationStep> steps) {
        this.initialGroups = List.copyOf(initialGroups);
        this.initialBoost = initialBoost;
        List<EscalationStep> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(EscalationStep::after));
        this.steps = List.copyOf(sorted);
    }

    /**
     * Whether anyone is logged in in any group the call could ever become eligible for (every step fired): the
     * last stage's distinct count, kept current as agents change state, instead of a look-up of each group.
     */
    boolean anyoneLoggedIn() {
        return everyone.loggedIn > 0;
    }

    /** Whether a call of this plan could ever be served through one of {@code groups} (every step fired). */
    boolean mayUseAny(List<Group> groups) {
        for (Group g : everyone.groups) {
            if (groups.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** Who may take a call of this plan once {@code stepsFired} of its steps have fired. */
    Eligibility stage(int stepsFired) {
        return stages[stepsFired];
    }

    /**
     * Resolves every stage against the groups in force (groups no longer configured drop out). Stages with the same
     * groups share one {@link GroupSet} from {@code sets}, keyed by the groups' ids in sorted order.
     */
    void resolve(Map<String, Group> groups, Map<String, GroupSet> sets) {
        stages = new Eligibility[steps.size() + 1];
        List<Group> eligible = new ArrayList<>();
        List<String> addedBy = new ArrayList<>();
        for (String id : initialGroups) {
            addEligible(groups.get(id), null, eligible, addedBy);
        }
        int boost = initialBoost;
        for (int k = 0; ; k++) {
            stages[k] = new Eligibility(eligible.toArray(new Group[0]), addedBy.toArray(new String[0]), boost,
                    sets.computeIfAbsent(key(eligible), x -> new GroupSet(eligible.toArray(new Group[0]))));
            if (k == steps.size()) {
                everyone = stages[k].staffing;
                return;
            }
            EscalationStep step = steps.get(k);
            for (EscalationAction action : step.actions()) {
                if (action instanceof EscalationAction.AddGroups add) {
                    for (String id : add.groups()) {
                        addEligible(groups.get(id), step.name(), eligible, addedBy);
                    }
                } else if (action instanceof EscalationAction.RaisePriority raise) {
                    boost += raise.by();
                }
            }
        }
    }

    private static void addEligible(Group g, String step, List<Group> eligible, List<String> addedBy) {
        if (g != null && !eligible.contains(g)) {
            eligible.add(g);
            addedBy.add(step);
        }
    }

    private static String key(List<Group> groups) {
        List<String> ids = new ArrayList<>();
        for (Group g : groups) {
            ids.add(g.id);
        }
        ids.sort(null);
        return String.join("\n", ids);
    }

    /** The plan of ordinary callers: the queue's groups and steps. */
    static EscalationPlan ordinary(QueueConfig queue) {
        return new EscalationPlan(queue.groups(), 0, queue.escalation());
    }

    /**
     * The plan of VIP callers: with a VIP group, that group alone until {@code escalateAfter}, then the queue's
     * groups and the boosted priority; without one, the queue's groups and the boosted priority from the start. The
     * queue's own steps that fall due before the VIP step raise the priority, announce and overflow as for any call,
     * but the groups they add join at the VIP step: until then the call waits for the VIP group alone (a step that
     * only adds groups still fires at its time, adding none).
     */
    static EscalationPlan vip(QueueConfig queue, VipPolicy policy) {
        if (policy.group().isEmpty()) {
            return new EscalationPlan(queue.groups(), policy.priorityBoost(), queue.escalation());
        }
        List<String> opened = new ArrayList<>(queue.groups());
        List<EscalationStep> steps = new ArrayList<>();
        for (EscalationStep step : queue.escalation()) {
            if (step.after().compareTo(policy.escalateAfter()) >= 0) {
                steps.add(step);
                continue;
            }
            List<EscalationAction> kept = new ArrayList<>();
            for (EscalationAction action : step.actions()) {
                if (action instanceof EscalationAction.AddGroups add) {
                    add.groups().stream().filter(g -> !opened.contains(g)).forEach(opened::add);
                } else {
                    kept.add(action);
                }
            }
            // kept when it only added groups too: it fires (its CallEscalated says so), its groups held back
            steps.add(new EscalationStep(step.name(), step.after(), kept));
        }
        steps.addFirst(new EscalationStep(VIP_STEP, policy.escalateAfter(), List.of(
                new EscalationAction.AddGroups(opened), new EscalationAction.RaisePriority(policy.priorityBoost()))));
        return new EscalationPlan(List.of(policy.group().get()), 0, steps);
    }
}
