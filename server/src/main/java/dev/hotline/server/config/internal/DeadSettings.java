package dev.hotline.server.config.internal;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.Treatment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings that are valid, file by file, but can never take effect together: a queue no agent can serve or no call
 * reaches, an agent no queue can reach, a step that adds a group nobody works in, queues that overflow into each
 * other, a queue that never opens, a wrap-up of minutes written for seconds. Said as warnings by
 * {@code validate} (and logged by {@code serve}): the configuration works as written, which is seldom what was meant.
 */
public final class DeadSettings {
    /** A wrap-up longer than this is most likely minutes written for seconds: agents take notes, not a break. */
    private static final java.time.Duration LONGEST_LIKELY_WRAP_UP = java.time.Duration.ofMinutes(10);

    private DeadSettings() {
    }

    public static void check(CentreConfig config, LoadContext ctx) {
        Set<String> staffedGroups = new HashSet<>();
        config.agents().forEach(a -> a.skills().forEach(s -> staffedGroups.add(s.group())));
        Set<String> reachableGroups = new HashSet<>();
        config.vipPolicy().group().ifPresent(reachableGroups::add);
        Set<String> reachedQueues = new HashSet<>();
        config.businessTypes().forEach(type -> reachedQueues.add(type.queue()));
        config.queues().forEach(queue -> reachedQueues.addAll(overflowTargets(queue)));
        for (QueueConfig queue : config.queues()) {
            Set<String> serving = servingGroups(queue);
            reachableGroups.addAll(serving);
            if (!reachedQueues.contains(queue.id())) {
                warn(ctx, Ids.Kind.QUEUE, queue.id(), "queue '" + queue.id() + "' receives no calls: no business type "
                        + "of numbers.yaml leads to it and no queue overflows into it");
            }
            for (EscalationStep step : queue.escalation()) {
                for (EscalationAction action : step.actions()) {
                    if (action instanceof EscalationAction.AddGroups add) {
                        add.groups().stream().filter(g -> !staffedGroups.contains(g)).forEach(g -> warn(ctx,
                                Ids.Kind.QUEUE, queue.id(), "queue '" + queue.id() + "': step '" + step.name()
                                        + "' adds skill group '" + g + "', in which no agent of agents.yaml has a "
                                        + "skill: the step brings nobody"));
                    }
                }
            }
            if (queue.wrapUp().compareTo(LONGEST_LIKELY_WRAP_UP) > 0) {
                warn(ctx, Ids.Kind.QUEUE, queue.id(), "queue '" + queue.id() + "': wrapUp "
                        + dev.hotline.server.config.Durations.format(queue.wrapUp()) + " keeps every agent from calls "
                        + "that long after each call (minutes written for seconds?)");
            }
            if (serving.stream().noneMatch(staffedGroups::contains)) {
                warn(ctx, Ids.Kind.QUEUE, queue.id(), "queue '" + queue.id() + "': no agent of agents.yaml has a "
                        + "skill in the groups that serve it (" + String.join(", ", serving) + "), nor in those its "
                        + "steps add: every call gets its no-agents treatment");
            }
            if (queue.hours().weekly().values().stream().allMatch(List::isEmpty)) {
                warn(ctx, Ids.Kind.QUEUE, queue.id(), "queue '" + queue.id() + "' never opens: its hours list no "
                        + "open period, so every call gets its closed treatment");
            }
        }
        config.vipPolicy().group().filter(vip -> !staffedGroups.contains(vip)).ifPresent(vip -> warn(ctx,
                Ids.Kind.SKILL_GROUP, vip, "skill group '" + vip + "' is the VIP group (centre.yaml vip) but no agent "
                        + "has a skill in it: every VIP caller waits escalateAfter for nobody before the queue's "
                        + "groups may take the call"));
        for (AgentConfig agent : config.agents()) {
            List<String> groups = agent.skills().stream().map(Skill::group).toList();
            if (groups.stream().noneMatch(reachableGroups::contains)) {
                warn(ctx, Ids.Kind.AGENT, agent.id(), "agent " + agent.id() + " is never offered a call: none of "
                        + "their groups (" + String.join(", ", groups) + ") serves a queue, is added by an escalation "
                        + "step or is the VIP group");
            }
        }
        overflowLoops(config, ctx);
    }

    private static Set<String> servingGroups(QueueConfig queue) {
        Set<String> groups = new LinkedHashSet<>(queue.groups());
        for (EscalationStep step : queue.escalation()) {
            for (EscalationAction action : step.actions()) {
                if (action instanceof EscalationAction.AddGroups add) {
                    groups.addAll(add.groups());
                }
            }
        }
        return groups;
    }

    /** The queues {@code queue}'s treatments and steps send calls to. */
    private static Set<String> overflowTargets(QueueConfig queue) {
        Set<String> targets = new LinkedHashSet<>();
        List<Treatment> treatments = new ArrayList<>(List.of(queue.treatments().closed(),
                queue.treatments().full(), queue.treatments().maxWait(), queue.treatments().noAgents()));
        queue.escalation().forEach(step -> step.actions().forEach(action -> {
            if (action instanceof EscalationAction.OverflowTo to) {
                treatments.add(to.treatment());
            }
        }));
        treatments.forEach(t -> {
            if (t instanceof Treatment.Overflow overflow) {
                targets.add(overflow.queue());
            }
        });
        return targets;
    }

    /** Queues whose treatments and steps send calls round in a circle: the call sent back is refused. */
    private static void overflowLoops(CentreConfig config, LoadContext ctx) {
        Map<String, Set<String>> into = new LinkedHashMap<>();
        for (QueueConfig queue : config.queues()) {
            into.put(queue.id(), overflowTargets(queue));
        }
        Set<String> said = new HashSet<>();
        for (String start : into.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> loop = loopFrom(start, start, into, path, new HashSet<>());
            if (loop != null && said.addAll(loop)) {
                warn(ctx, Ids.Kind.QUEUE, start, "queues " + String.join(" -> ", loop) + " -> " + start + " overflow "
                        + "into one another: a call that comes round to a queue it was in is refused with the busy "
                        + "prompt instead (docs/routing.md), so give the last of them a treatment that ends the "
                        + "round (voicemail, an IVR flow, a hang-up)");
            }
        }
    }

    private static List<String> loopFrom(String start, String at, Map<String, Set<String>> into, List<String> path,
                                         Set<String> seen) {
        path.add(at);
        for (String next : into.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                return List.copyOf(path);
            }
            if (seen.add(next)) {
                List<String> loop = loopFrom(start, next, into, path, seen);
                if (loop != null) {
                    return loop;
                }
            }
        }
        path.removeLast();
        return null;
    }

    private static void warn(LoadContext ctx, Ids.Kind kind, String id, String message) {
        ctx.ids().where(kind, id).ifPresent(where -> ctx.warnings().add(where, message));
    }
}
