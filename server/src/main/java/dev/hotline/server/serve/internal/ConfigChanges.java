package dev.hotline.server.serve.internal;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.server.config.Durations;
import dev.hotline.ivr.Flow;
import dev.hotline.ivr.FlowSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a reload changed in the centre, said in a few sentences for the admin who asked: the agents, queues, skill
 * groups, numbers, business types, blacklist entries, VIPs and IVR flows added, removed or changed, by id, and the centre's
 * settings and VIP rule when they changed. Of an agent or queue that stays, the keys that changed are named
 * ({@code sales-health (hours.holidays, wrapUp)}), so an admin can see the edit took effect where it was meant to; the
 * values are in the files.
 */
public final class ConfigChanges {

    /** An agent's keys in agents.yaml, and how to read each from its configuration. */
    private static final Map<String, Function<AgentConfig, Object>> AGENT_KEYS = new LinkedHashMap<>();
    /** A queue's keys in queues.yaml (hours by its own keys), and how to read each from its configuration. */
    private static final Map<String, Function<QueueConfig, Object>> QUEUE_KEYS = new LinkedHashMap<>();

    static {
        AGENT_KEYS.put("name", AgentConfig::name);
        AGENT_KEYS.put("endpoint", AgentConfig::endpoint);
        AGENT_KEYS.put("skills", AgentConfig::skills);
        QUEUE_KEYS.put("name", QueueConfig::name);
        QUEUE_KEYS.put("groups", QueueConfig::groups);
        QUEUE_KEYS.put("strategy", QueueConfig::strategy);
        QUEUE_KEYS.put("basePriority", QueueConfig::basePriority);
        QUEUE_KEYS.put("serviceLevel", QueueConfig::serviceLevelThreshold);
        QUEUE_KEYS.put("ringTimeout", QueueConfig::ringTimeout);
        QUEUE_KEYS.put("wrapUp", QueueConfig::wrapUp);
        QUEUE_KEYS.put("maxWaiting", QueueConfig::maxWaiting);
        QUEUE_KEYS.put("maxWait", QueueConfig::maxWait);
        QUEUE_KEYS.put("escalation", QueueConfig::escalation);
        QUEUE_KEYS.put("hours.zone", q -> q.hours().zone());
        QUEUE_KEYS.put("hours.weekly", q -> q.hours().weekly());
        QUEUE_KEYS.put("hours.holidays", q -> q.hours().holidays());
        QUEUE_KEYS.put("hours.makeUpDays", q -> q.hours().makeUpDays());
        QUEUE_KEYS.put("treatments", QueueConfig::treatments);
    }

    private ConfigChanges() {
    }

    /** A sentence per kind of thing added or removed between {@code before} and {@code after}; empty if none. */
    public static List<String> between(CentreConfig before, CentreConfig after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "agents", before.agents(), after.agents(), a -> a.id(), AGENT_KEYS);
        compare(changes, "queues", before.queues(), after.queues(), q -> q.id(), QUEUE_KEYS);
        compare(changes, "skill groups", before.groups(), after.groups(), g -> g.id());
        compare(changes, "numbers", before.numbers(), after.numbers(), n -> n.number());
        compare(changes, "business types", before.businessTypes(), after.businessTypes(), b -> b.id());
        compare(changes, "blacklist entries", before.blacklist(), after.blacklist(), e -> e.number());
        compare(changes, "VIPs", before.vips(), after.vips(), v -> v.number());
        if (!before.settings().equals(after.settings())) {
            changes.add("the centre's settings changed (centre.yaml settings): "
                    + settingsChanged(before.settings(), after.settings()));
        }
        if (!before.vipPolicy().equals(after.vipPolicy())) {
            changes.add("the VIP rule changed (centre.yaml vip)");
        }
        return changes;
    }

    /**
     * A sentence for the queues whose calls start or stop being recorded ({@code recording} in queues.yaml, kept
     * beside the routing configuration); empty if none.
     */
    public static List<String> recordingBetween(java.util.Set<String> before, java.util.Set<String> after) {
        List<String> changes = new ArrayList<>();
        List<String> on = new TreeSet<>(after).stream().filter(q -> !before.contains(q)).toList();
        List<String> off = new TreeSet<>(before).stream().filter(q -> !after.contains(q)).toList();
        if (!on.isEmpty()) {
            changes.add("calls answered from now on are recorded in queues: " + listed(on));
        }
        if (!off.isEmpty()) {
            changes.add("calls answered from now on are no longer recorded in queues: " + listed(off));
        }
        return changes;
    }

    /** Which of the centre's settings changed, with their new values. */
    private static String settingsChanged(CentreSettings was, CentreSettings is) {
        List<String> changed = new ArrayList<>();
        if (!was.zone().equals(is.zone())) {
            changed.add("zone " + is.zone().getId());
        }
        if (!was.reportInterval().equals(is.reportInterval())) {
            changed.add("reportInterval " + Durations.format(is.reportInterval())
                    + " (the interval in progress ends now; the next ones follow the new grid)");
        }
        if (!was.shortAbandon().equals(is.shortAbandon())) {
            changed.add("shortAbandon " + Durations.format(is.shortAbandon()));
        }
        if (!was.busyPrompt().equals(is.busyPrompt())) {
            changed.add("busyPrompt " + is.busyPrompt());
        }
        if (!was.defaultBusinessType().equals(is.defaultBusinessType())) {
            changed.add("defaultBusinessType " + is.defaultBusinessType().orElse("none (unknown numbers refused)"));
        }
        if (!was.callerNumbers().equals(is.callerNumbers())) {
            changed.add("callerNumbers");
        }
        return String.join(", ", changed);
    }

    /**
     * A sentence per kind of change to the IVR flows and their lookup tables (added, removed, changed, by name); empty
     * if none.
     */
    public static List<String> between(FlowSet before, FlowSet after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "IVR flows", flows(before), flows(after), Flow::name);
        compare(changes, "IVR lookup tables", List.copyOf(before.tableDigests().entrySet()),
                List.copyOf(after.tableDigests().entrySet()), Map.Entry::getKey);
        return changes;
    }

    private static List<Flow> flows(FlowSet set) {
        return new TreeSet<>(set.names()).stream().map(name -> set.flow(name).orElseThrow()).toList();
    }

    private static <T> void compare(List<String> changes, String what, List<T> before, List<T> after,
                                    Function<T, String> id) {
        compare(changes, what, before, after, id, Map.of());
    }

    /** As above; a changed item is followed by those of its {@code keys} whose values differ, when any does. */
    private static <T> void compare(List<String> changes, String what, List<T> before, List<T> after,
                                    Function<T, String> id, Map<String, Function<T, Object>> keys) {
        Map<String, T> was = new LinkedHashMap<>();
        before.forEach(item -> was.putIfAbsent(id.apply(item), item));
        Map<String, T> is = new LinkedHashMap<>();
        after.forEach(item -> is.putIfAbsent(id.apply(item), item));
        List<String> added = is.keySet().stream().filter(k -> !was.containsKey(k)).toList();
        List<String> removed = was.keySet().stream().filter(k -> !is.containsKey(k)).toList();
        List<String> changed = is.keySet().stream().filter(k -> was.containsKey(k) && !was.get(k).equals(is.get(k)))
                .map(k -> k + changedKeys(was.get(k), is.get(k), keys)).toList();
        if (!added.isEmpty()) {
            changes.add(what + " added: " + listed(added));
        }
        if (!removed.isEmpty()) {
            changes.add(what + " removed: " + listed(removed));
        }
        if (!changed.isEmpty()) {
            changes.add(what + " changed: " + listed(changed));
        }
    }

    /** " (hours.holidays, wrapUp)": the keys whose values differ between {@code was} and {@code is}; "" if none. */
    private static <T> String changedKeys(T was, T is, Map<String, Function<T, Object>> keys) {
        List<String> changed = keys.entrySet().stream()
                .filter(e -> !java.util.Objects.equals(e.getValue().apply(was), e.getValue().apply(is)))
                .map(Map.Entry::getKey).toList();
        return changed.isEmpty() ? "" : " (" + String.join(", ", changed) + ")";
    }

    /** The ids, or the first of many and how many more: a blacklist may change by thousands. */
    private static String listed(List<String> ids) {
        int shown = 20;
        return ids.size() <= shown ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, shown)) + " and " + (ids.size() - shown) + " more";
    }
}
