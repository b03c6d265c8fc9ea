package dev.hotline.server.config.internal;

import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.QueueTreatments;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Treatment;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.internal.Fields.Item;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code queues.yaml}: the business queues, their escalation steps, opening hours and treatments. */
public final class QueuesFileReader {
    public static final RoutingStrategy DEFAULT_STRATEGY = RoutingStrategy.LONGEST_IDLE;
    public static final Duration DEFAULT_SERVICE_LEVEL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(30);
    public static final String DEFAULT_CLOSED_PROMPT = "hotline/closed-outside-hours";

    /** No agent's phone rings longer: a longer ring timeout is a typo (100h for 100s). */
    private static final Duration LONGEST_RING = Duration.ofMinutes(5);
    /** Below this, Dial (whole seconds, a second short, at least 1) may outlast the ACD's ring timer. */
    private static final Duration SHORTEST_SURE_RING = Duration.ofSeconds(2);
    private static final Set<String> FILE_KEYS = Fields.known("queues");
    private static final Set<String> QUEUE_KEYS = Fields.known("id", "name", "groups", "strategy", "basePriority",
            "serviceLevel", "ringTimeout", "wrapUp", "maxWaiting", "maxWait", "escalation", "hours", "treatments",
            "recording");
    private static final Set<String> STEP_KEYS =
            Fields.known("after", "name", "addGroups", "raisePriority", "announce", "overflowTo");
    private static final Set<String> TREATMENT_KEYS = Fields.known("closed", "full", "maxWait", "noAgents");

    /**
     * What {@code queues.yaml} holds, every entry sound (unsound ones were reported and left out).
     *
     * @param recorded the queues whose answered calls are recorded ({@code recording: true}): a telephony matter the
     *                 routing engine does not need, so it stays beside the engine's queue settings
     */
    public record QueuesFile(List<QueueConfig> queues, Set<String> recorded) {
        public QueuesFile {
            queues = List.copyOf(queues);
            recorded = Set.copyOf(recorded);
        }
    }

    private QueuesFileReader() {
    }

    /**
     * Reads the queues. {@code centreZone} is the zone of queues that name none; {@code busyPrompt} what callers a
     * queue cannot keep hear by default; {@code vipWait} how long a VIP call waits for the VIP group alone (centre.yaml
     * {@code vip.escalateAfter}), empty without a VIP group.
     */
    public static QueuesFile read(Where top, YamlNode root, ZoneId centreZone, String busyPrompt,
                                  Optional<Duration> vipWait, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, FILE_KEYS);
        if (file.isEmpty()) {
            return new QueuesFile(List.of(), Set.of());
        }
        List<QueueConfig> queues = new ArrayList<>();
        Set<String> recorded = new java.util.HashSet<>();
        for (Item item : file.get().requiredList("queues", "id")) {
            queue(item, centreZone, busyPrompt, vipWait, recorded, ctx).ifPresent(queues::add);
        }
        return new QueuesFile(queues, recorded);
    }

    private static Optional<QueueConfig> queue(Item item, ZoneId centreZone, String busyPrompt,
                                               Optional<Duration> vipWait, Set<String> recorded, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), QUEUE_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> id = f.requiredText("id");
        boolean unique = id.map(i -> ctx.ids().declare(Ids.Kind.QUEUE, i, f.at("id"), ctx.problems())).orElse(false);
        String queueId = id.orElse("");
        Optional<String> name = f.text("name");
        Optional<List<String>> groups = f.required("groups").flatMap(n -> groups(f.at("groups"), n, ctx));
        Optional<RoutingStrategy> strategy = f.has("strategy")
                ? f.text("strategy").flatMap(s -> Choices.parse(RoutingStrategy.class, s, "strategy",
                        f.at("strategy"), ctx.problems()))
                : Optional.of(DEFAULT_STRATEGY);
        Optional<Integer> basePriority = f.has("basePriority") ? f.integer("basePriority").filter(p -> {
            if (p < -CentreFileReader.MOST_PRIORITY || p > CentreFileReader.MOST_PRIORITY) {
                ctx.problems().add(f.at("basePriority"), "basePriority must be from -" + CentreFileReader.MOST_PRIORITY
                        + " to " + CentreFileReader.MOST_PRIORITY + ", got " + p);
                return false;
            }
            return true;
        }) : Optional.of(0);
        Optional<Duration> serviceLevel = positive(f, "serviceLevel", DEFAULT_SERVICE_LEVEL, ctx);
        Optional<Duration> ringTimeout = positive(f, "ringTimeout", DEFAULT_RING_TIMEOUT, ctx).filter(r -> {
            if (r.compareTo(LONGEST_RING) > 0) {
                ctx.problems().add(f.at("ringTimeout"), "ringTimeout " + Durations.format(r) + " is longer than a "
                        + "phone rings: at most " + Durations.format(LONGEST_RING));
                return false;
            }
            return true;
        });
        ringTimeout.filter(r -> r.compareTo(SHORTEST_SURE_RING) < 0).ifPresent(r -> ctx.warnings().add(
                f.at("ringTimeout"), "ringTimeout " + Durations.format(r) + " is shorter than "
                        + Durations.format(SHORTEST_SURE_RING) + ": Asterisk's Dial takes whole seconds and is told a "
                        + "second less, at least 1s, so it may still ring when the ACD gives up, and an agent who "
                        + "picks up then talks to a caller the ACD has let go (docs/asterisk.md)"));
        Optional<Duration> wrapUp = f.has("wrapUp") ? f.duration("wrapUp") : Optional.of(DEFAULT_WRAP_UP);
        Optional<Integer> maxWaiting = f.has("maxWaiting") ? f.integer("maxWaiting").filter(m -> {
            if (m < 0) {
                ctx.problems().add(f.at("maxWaiting"), "maxWaiting must be 0 (no limit) or more, got " + m);
            }
            return m >= 0;
        }) : Optional.of(0);
        Optional<Duration> maxWait = positive(f, "maxWait", null, ctx);
        Optional<List<EscalationStep>> escalation = escalation(f.list("escalation", null), queueId,
                groups.orElse(List.of()), maxWait, vipWait, ctx);
        Optional<OpeningHours> hours = f.node("hours").map(n -> HoursReader.read(f.at("hours"), n, centreZone, ctx))
                .orElse(Optional.of(OpeningHours.always(centreZone)));
        Optional<QueueTreatments> treatments = treatments(f, queueId, busyPrompt, ctx);
        if (maxWait.isPresent() && vipWait.isPresent() && maxWait.get().compareTo(vipWait.get()) <= 0
                && treatments.filter(t -> !(t.maxWait() instanceof Treatment.Overflow)).isPresent()) {
            ctx.problems().add(f.at("maxWait"), "maxWait " + Durations.format(maxWait.get()) + " is not after the VIP "
                    + "rule's escalateAfter " + Durations.format(vipWait.get()) + " (centre.yaml vip): a VIP caller "
                    + "whose VIP agents are busy would be sent away before the queue's other groups may take the call");
            maxWait = Optional.empty();
        }
        Optional<Boolean> recording = f.has("recording") ? f.bool("recording") : Optional.of(false);

        boolean sound = unique && !(f.has("name") && name.isEmpty()) && groups.isPresent() && strategy.isPresent()
                && basePriority.isPresent() && serviceLevel.isPresent() && ringTimeout.isPresent()
                && wrapUp.isPresent() && maxWaiting.isPresent() && !(f.has("maxWait") && maxWait.isEmpty())
                && escalation.isPresent() && hours.isPresent() && treatments.isPresent() && recording.isPresent();
        if (!sound) {
            return Optional.empty();
        }
        if (recording.get()) {
            recorded.add(queueId);
        }
        return Optional.of(new QueueConfig(queueId, name.orElse(null), groups.get(), strategy.get(),
                basePriority.get(), serviceLevel.get(), ringTimeout.get(), wrapUp.get(), maxWaiting.get(), maxWait,
                escalation.get(), hours.get(), treatments.get()));
    }

    /** A duration that must be longer than zero, or {@code otherwise} (which may be null: no default) if absent. */
    private static Optional<Duration> positive(Fields f, String key, Duration otherwise, LoadContext ctx) {
        if (!f.has(key)) {
            return Optional.ofNullable(otherwise);
        }
        return f.duration(key).filter(d -> {
            if (d.isZero()) {
                ctx.problems().add(f.at(key), key + " must be longer than 0s");
            }
            return !d.isZero();
        });
    }

    private static Optional<List<String>> groups(Where at, YamlNode node, LoadContext ctx) {
        List<Item> items = Fields.items(ctx.problems(), at, node, null);
        if (node instanceof YamlNode.ListNode && items.isEmpty()) {
            ctx.problems().add(at, "a queue needs at least one skill group to serve it");
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>();
        boolean sound = node instanceof YamlNode.ListNode;
        for (Item item : items) {
            Optional<String> group = Fields.text(ctx.problems(), item.where(), item.node());
            if (group.isEmpty()) {
                sound = false;
            } else if (groups.contains(group.get())) {
                ctx.problems().add(item.where(), "skill group '" + group.get() + "' is listed twice");
                sound = false;
            } else {
                ctx.ids().refer(Ids.Kind.SKILL_GROUP, group.get(), item.where());
                groups.add(group.get());
            }
        }
        return sound ? Optional.of(groups) : Optional.empty();
    }

    private static Optional<List<EscalationStep>> escalation(List<Item> items, String queueId, List<String> groups,
                                                             Optional<Duration> maxWait, Optional<Duration> vipWait,
                                                             LoadContext ctx) {
        List<EscalationStep> steps = new ArrayList<>();
        FirstSeen<String> names = new FirstSeen<>();
        Map<String, String> addedBy = new HashMap<>();
        Optional<Duration> previous = Optional.empty();
        Optional<String> leftBy = Optional.empty();
        boolean sound = true;
        for (Item item : items) {
            Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), STEP_KEYS);
            if (fields.isEmpty()) {
                sound = false;
                continue;
            }
            Fields f = fields.get();
            Optional<Duration> after = f.required("after").flatMap(n -> f.duration("after"));
            String stepPath = item.where().path();
            if (after.isPresent()) {
                Duration a = after.get();
                if (previous.isPresent() && a.compareTo(previous.get()) <= 0) {
                    ctx.problems().add(f.at("after"), "after " + Durations.format(a) + " is not later than the "
                            + "previous step's " + Durations.format(previous.get()) + ": list steps in time order");
                    sound = false;
                } else if (maxWait.isPresent() && a.compareTo(maxWait.get()) >= 0) {
                    ctx.problems().add(f.at("after"), "after " + Durations.format(a) + " is not before the queue's "
                            + "maxWait " + Durations.format(maxWait.get()) + ": the call has left the queue by then");
                    sound = false;
                } else if (leftBy.isPresent()) {
                    ctx.problems().add(f.at("after"), "this step never fires: " + leftBy.get()
                            + " already sends the call away with overflowTo");
                    sound = false;
                }
                previous = after;
            } else {
                sound = false;
            }
            Optional<List<EscalationAction>> actions = actions(f, queueId, groups, addedBy, stepPath, ctx);
            if (actions.isPresent() && actions.get().stream().anyMatch(EscalationAction.OverflowTo.class::isInstance)) {
                leftBy = Optional.of(stepPath);
                // to another queue the call goes on waiting, its VIP rule with it; anywhere else it has left
                boolean away = actions.get().stream().anyMatch(a -> a instanceof EscalationAction.OverflowTo to
                        && !(to.treatment() instanceof Treatment.Overflow));
                if (away && after.isPresent() && vipWait.isPresent() && after.get().compareTo(vipWait.get()) <= 0) {
                    ctx.problems().add(f.at("after"), "this step sends calls away at " + Durations.format(after.get())
                            + ", not after the VIP rule's escalateAfter " + Durations.format(vipWait.get())
                            + " (centre.yaml vip): a VIP caller whose VIP agents are busy would be sent away before "
                            + "the queue's other groups may take the call");
                    sound = false;
                }
            }
            Optional<String> name = f.text("name");
            if (after.isEmpty() || actions.isEmpty() || f.has("name") && name.isEmpty()) {
                sound = false;
                continue;
            }
            String stepName = name.orElse("after-" + Durations.format(after.get()));
            if (!Ids.oneVisibleWord(stepName)) {
                // it names the step in every escalation's reason and journal line, as an id names its thing
                ctx.problems().add(f.at("name"), "step name '" + Ids.visible(stepName) + "' holds a space or an "
                        + "invisible character: a step name is one word of visible characters (priority-up)");
                sound = false;
                continue;
            }
            if (stepName.equals(VIP_STEP)) {
                ctx.problems().add(f.at("name"), "'" + VIP_STEP + "' is the VIP rule's step (centre.yaml vip): "
                        + "give this step a name of its own, so that reasons and the journal tell the two apart");
                sound = false;
                continue;
            }
            if (!names.firstTime(stepName, f.has("name") ? f.at("name") : f.at("after"), ctx.problems(),
                    "step name '" + stepName + "'")) {
                sound = false;
                continue;
            }
            steps.add(new EscalationStep(stepName, after.get(), actions.get()));
        }
        return sound ? Optional.of(steps) : Optional.empty();
    }

    /** The step's actions in the order written: that is the order the engine applies them in. */
    /** The name the VIP rule's own step goes by in reasons and the journal (the engine's {@code EscalationPlan}). */
    static final String VIP_STEP = "vip-escalation";

    private static Optional<List<EscalationAction>> actions(Fields f, String queueId, List<String> groups,
                                                            Map<String, String> addedBy, String stepPath,
                                                            LoadContext ctx) {
        List<String> keys = f.keys().stream().filter(k -> !k.equals("after") && !k.equals("name")).toList();
        if (keys.isEmpty()) {
            ctx.problems().add(f.where(), "an escalation step needs at least one action "
                    + "(addGroups, raisePriority, announce, overflowTo)");
            return Optional.empty();
        }
        List<EscalationAction> actions = new ArrayList<>();
        boolean sound = true;
        for (String key : keys) {
            Where at = f.at(key);
            Optional<? extends EscalationAction> action = switch (key) {
                case "addGroups" -> addGroups(at, f.node(key), queueId, groups, addedBy, stepPath, ctx);
                case "raisePriority" -> f.integer(key).filter(by -> CentreFileReader.priorityRaise(by, key, at, ctx))
                        .map(EscalationAction.RaisePriority::new);
                case "announce" -> f.text(key).map(p -> {
                    PromptNames.check(p, f.at(key), ctx);
                    return new EscalationAction.Announce(p);
                });
                case "overflowTo" -> f.node(key).flatMap(n -> TreatmentReader.read(at, n, queueId, ctx))
                        .map(EscalationAction.OverflowTo::new);
                default -> throw new IllegalStateException("escalation key " + key);
            };
            if (f.node(key).isEmpty()) {
                ctx.problems().add(at, "'" + key + "' needs a value");
            }
            if (key.equals("overflowTo") && !key.equals(keys.getLast())) {
                ctx.problems().add(at, "overflowTo must be the step's last action: the call has left the queue after it");
                sound = false;
            }
            if (action.isEmpty()) {
                sound = false;
            } else {
                actions.add(action.get());
            }
        }
        return sound ? Optional.of(actions) : Optional.empty();
    }

    private static Optional<EscalationAction.AddGroups> addGroups(Where at, Optional<YamlNode> node, String queueId,
                                                                  List<String> groups, Map<String, String> addedBy,
                                                                  String stepPath, LoadContext ctx) {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = Fields.items(ctx.problems(), at, node.get(), null);
        if (node.get() instanceof YamlNode.ListNode && items.isEmpty()) {
            ctx.problems().add(at, "addGroups needs at least one skill group");
            return Optional.empty();
        }
        List<String> added = new ArrayList<>();
        boolean sound = node.get() instanceof YamlNode.ListNode;
        for (Item item : items) {
            Optional<String> group = Fields.text(ctx.problems(), item.where(), item.node());
            if (group.isEmpty()) {
                sound = false;
                continue;
            }
            String g = group.get();
            if (groups.contains(g)) {
                ctx.problems().add(item.where(), "skill group '" + g + "' already serves queue '" + queueId + "'");
                sound = false;
            } else if (addedBy.containsKey(g)) {
                ctx.problems().add(item.where(), "skill group '" + g + "' was already added by " + addedBy.get(g));
                sound = false;
            } else {
                ctx.ids().refer(Ids.Kind.SKILL_GROUP, g, item.where());
                addedBy.put(g, stepPath);
                added.add(g);
            }
        }
        return sound ? Optional.of(new EscalationAction.AddGroups(added)) : Optional.empty();
    }

    private static Optional<QueueTreatments> treatments(Fields queue, String queueId, String busyPrompt,
                                                        LoadContext ctx) {
        Treatment busy = new Treatment.Hangup(busyPrompt);
        Treatment closedDefault = new Treatment.Hangup(DEFAULT_CLOSED_PROMPT);
        Optional<YamlNode> node = queue.node("treatments");
        if (node.isEmpty()) {
            return Optional.of(new QueueTreatments(closedDefault, busy, busy, busy));
        }
        Optional<Fields> fields = Fields.of(ctx.problems(), queue.at("treatments"), node.get(), TREATMENT_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        if (f.has("maxWait") && !queue.has("maxWait")) {
            ctx.warnings().add(f.at("maxWait"), "queue '" + queueId + "' has a maxWait treatment but no maxWait: "
                    + "no call ever waits the maximum, so it is never used; give the queue a maxWait, or remove the "
                    + "treatment");
        }
        if (f.has("full") && !queue.has("maxWaiting")) {
            ctx.warnings().add(f.at("full"), "queue '" + queueId + "' has a full treatment but no maxWaiting: the "
                    + "queue is never full, so it is never used; give the queue a maxWaiting, or remove the "
                    + "treatment");
        }
        Optional<Treatment> closed = treatment(f, "closed", closedDefault, queueId, ctx);
        Optional<Treatment> full = treatment(f, "full", busy, queueId, ctx);
        Optional<Treatment> maxWait = treatment(f, "maxWait", busy, queueId, ctx);
        Optional<Treatment> noAgents = treatment(f, "noAgents", busy, queueId, ctx);
        if (closed.isEmpty() || full.isEmpty() || maxWait.isEmpty() || noAgents.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueueTreatments(closed.get(), full.get(), maxWait.get(), noAgents.get()));
    }

    private static Optional<Treatment> treatment(Fields f, String key, Treatment otherwise, String queueId,
                                                 LoadContext ctx) {
        return f.node(key).map(n -> TreatmentReader.read(f.at(key), n, queueId, ctx)).orElse(Optional.of(otherwise));
    }
}
