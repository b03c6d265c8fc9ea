package dev.hotline.acd;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.QueueTreatments;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import dev.hotline.acd.model.Treatment;
import dev.hotline.acd.model.VipEntry;
import dev.hotline.acd.model.VipPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a centre in a few lines and drives a {@link RoutingEngine} over it in virtual time:
 * <pre>{@code
 * var centre = centre().queue("sales", "sales-team").agent("1001", "sales-team").start();
 * centre.loginReady("1001").call("c1", "sales");
 * }</pre>
 * Every queue gets a business type of the same id and the dialled number {@code "400-" + id}. Time starts on a Monday
 * at 10:00 UTC. The engine's internal state is validated after every event and every advance.
 */
final class CentreFixture {

    static final long START = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    static final String BUSY = CentreSettings.DEFAULT_BUSY_PROMPT;

    private final Set<String> groups = new LinkedHashSet<>();
    private final Map<String, List<Skill>> agents = new LinkedHashMap<>();
    private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
    private final List<NumberRoute> numbers = new ArrayList<>();
    private final List<BusinessType> extraTypes = new ArrayList<>();
    private final List<BlacklistEntry> blacklist = new ArrayList<>();
    private final List<VipEntry> vips = new ArrayList<>();
    private VipPolicy vipPolicy = new VipPolicy(Optional.empty(), Duration.ZERO, VipPolicy.DEFAULT_PRIORITY_BOOST);
    private Optional<String> defaultBusinessType = Optional.empty();
    private CallerNumbers callerNumbers = CallerNumbers.AS_GIVEN;

    static CentreFixture centre() {
        return new CentreFixture();
    }

    /** The number that reaches queue {@code queue}'s business type. */
    /** An agent's state change as the specifications write it: "TALKING->WRAP_UP (call c1 ended)". */
    static String transition(Decision.AgentStateChanged c) {
        return c.from() + "->" + c.to() + " (" + c.reason() + ")";
    }

    static String numberOf(String queue) {
        return "400-" + queue;
    }

    CentreFixture group(String... ids) {
        groups.addAll(List.of(ids));
        return this;
    }

    /** An agent with skills written "group" (level 5) or "group:level". Groups are created as needed. */
    CentreFixture agent(String id, String... skills) {
        List<Skill> list = new ArrayList<>();
        for (String s : skills) {
            String[] parts = s.split(":");
            groups.add(parts[0]);
            list.add(new Skill(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 5));
        }
        agents.put(id, list);
        return this;
    }

    CentreFixture removeAgent(String id) {
        agents.remove(id);
        return this;
    }

    /** A queue served by {@code groups}, with its business type and number. */
    CentreFixture queue(String id, String... servedBy) {
        return queue(id, q -> q.groups(servedBy));
    }

    CentreFixture queue(String id, Consumer<QueueSpec> spec) {
        QueueSpec q = queues.computeIfAbsent(id, QueueSpec::new);
        spec.accept(q);
        groups.addAll(q.groups);
        return this;
    }

    CentreFixture removeQueue(String id) {
        queues.remove(id);
        return this;
    }

    CentreFixture route(String number, MatchKind kind, String businessType) {
        numbers.add(new NumberRoute(number, kind, businessType, Optional.empty(), ""));
        return this;
    }

    CentreFixture route(NumberRoute route) {
        numbers.add(route);
        return this;
    }

    CentreFixture businessType(BusinessType type) {
        extraTypes.add(type);
        return this;
    }

    CentreFixture defaultBusinessType(String id) {
        defaultBusinessType = Optional.of(id);
        return this;
    }

    /** Caller numbers written as in China: +86 or 0086 before the country's numbers, 0 before an area code. */
    CentreFixture callerNumbersOfChina() {
        callerNumbers = new CallerNumbers("86", "00", "0");
        return this;
    }

    CentreFixture blacklist(BlacklistEntry entry) {
        blacklist.add(entry);
        return this;
    }

    CentreFixture vip(String number, String name, String tier) {
        vips.add(new VipEntry(number, name, tier));
        return this;
    }

    /** VIP callers go to {@code group} first and escalate after {@code after} with {@code boost}. */
    CentreFixture vipGroup(String group, Duration after, int boost) {
        groups.add(group);
        vipPolicy = new VipPolicy(Optional.of(group), after, boost);
        return this;
    }

    CentreFixture vipPolicy(VipPolicy policy) {
        vipPolicy = policy;
        policy.group().ifPresent(groups::add);
        return this;
    }

    CentreConfig config() {
        List<BusinessType> types = new ArrayList<>();
        List<NumberRoute> routes = new ArrayList<>();
        List<QueueConfig> queueConfigs = new ArrayList<>();
        for (QueueSpec q : queues.values()) {
            types.add(new BusinessType(q.id, q.id, q.id, Optional.empty()));
            routes.add(new NumberRoute(numberOf(q.id), MatchKind.EXACT, q.id, Optional.empty(), q.id + " line"));
            queueConfigs.add(q.build());
        }
        types.addAll(extraTypes);
        routes.addAll(numbers);
        List<AgentConfig> agentConfigs = new ArrayList<>();
        agents.forEach((id, skills) -> agentConfigs.add(new AgentConfig(id, "Agent " + id, "PJSIP/" + id, skills)));
        List<SkillGroup> groupConfigs = new ArrayList<>();
        groups.forEach(g -> groupConfigs.add(new SkillGroup(g, g)));
        CentreSettings settings = new CentreSettings(ZoneOffset.UTC, Duration.ofMinutes(15), Duration.ofSeconds(5),
                BUSY, defaultBusinessType, callerNumbers);
        return new CentreConfig(settings, routes, types, queueConfigs, groupConfigs, agentConfigs, blacklist,
                vipPolicy, vips);
    }

    Run start() {
        return start(42);
    }

    Run start(long seed) {
        return new Run(config(), seed);
    }

    /** A queue's settings with test defaults: open always, 15 s ring timeout, no wrap-up, no limits. */
    static final class QueueSpec {
        final String id;
        final List<String> groups = new ArrayList<>();
        RoutingStrategy strategy = RoutingStrategy.LONGEST_IDLE;
        int basePriority;
        Duration ringTimeout = Duration.ofSeconds(15);
        Duration wrapUp = Duration.ZERO;
        int maxWaiting;
        Optional<Duration> maxWait = Optional.empty();
        final List<EscalationStep> escalation = new ArrayList<>();
        OpeningHours hours = OpeningHours.always(ZoneOffset.UTC);
        Treatment closed = new Treatment.Hangup("closed");
        Treatment full = new Treatment.Hangup("full");
        Treatment maxWaitTreatment = new Treatment.Voicemail("mailbox", "leave-a-message");
        Treatment noAgents = new Treatment.Hangup("no-agents");

        QueueSpec(String id) {
            this.id = id;
        }

        QueueSpec groups(String... ids) {
            groups.clear();
            groups.addAll(List.of(ids));
            return this;
        }

        QueueSpec strategy(RoutingStrategy s) {
            strategy = s;
            return this;
        }

        QueueSpec basePriority(int p) {
            basePriority = p;
            return this;
        }

        QueueSpec ringTimeout(Duration d) {
            ringTimeout = d;
            return this;
        }

        QueueSpec wrapUp(Duration d) {
            wrapUp = d;
            return this;
        }

        QueueSpec maxWaiting(int n) {
            maxWaiting = n;
            return this;
        }

        QueueSpec maxWait(Duration d, Treatment t) {
            maxWait = Optional.of(d);
            maxWaitTreatment = t;
            return this;
        }

        QueueSpec step(String name, Duration after, EscalationAction... actions) {
            escalation.add(new EscalationStep(name, after, List.of(actions)));
            return this;
        }

        QueueSpec hours(OpeningHours h) {
            hours = h;
            return this;
        }

        QueueSpec whenClosed(Treatment t) {
            closed = t;
            return this;
        }

        QueueSpec whenFull(Treatment t) {
            full = t;
            return this;
        }

        QueueSpec whenNoAgents(Treatment t) {
            noAgents = t;
            return this;
        }

        QueueConfig build() {
            return new QueueConfig(id, id, groups, strategy, basePriority, Duration.ofSeconds(20), ringTimeout, wrapUp,
                    maxWaiting, maxWait, escalation, hours, new QueueTreatments(closed, full, maxWaitTreatment,
                    noAgents));
        }
    }

    /** A running engine in virtual time, recording its decisions. */
    static final class Run {
        final RoutingEngine engine;
        final List<Decision> decisions = new ArrayList<>();
        long time = START;

        Run(CentreConfig config, long seed) {
            engine = new RoutingEngine(config, START, seed, decisions::add);
        }

        Run send(AcdEvent event) {
            engine.handle(event);
            engine.validateInternalState();
            return this;
        }

        Run advance(Duration d) {
            time += d.toMillis();
            engine.advanceTo(time);
            engine.validateInternalState();
            return this;
        }

        Run arrive(String callId, String caller, String dialled) {
            return send(new AcdEvent.CallArrived(time, callId, caller, dialled));
        }

        Run queue(String callId) {
            return queue(callId, 0);
        }

        Run queue(String callId, int priorityRaise) {
            return send(new AcdEvent.QueueRequested(time, callId, Optional.empty(), priorityRaise, Map.of()));
        }

        /** A call from an ordinary caller to {@code queue}'s number, queued at once. */
        Run call(String callId, String queue) {
            return arrive(callId, "5550" + callId, numberOf(queue)).queue(callId);
        }

        /** A call from {@code caller} to {@code queue}'s number, queued at once. */
        Run callFrom(String callId, String caller, String queue) {
            return arrive(callId, caller, numberOf(queue)).queue(callId);
        }

        Run login(String... agentIds) {
            for (String id : agentIds) {
                send(new AcdEvent.AgentLoggedIn(time, id));
            }
            return this;
        }

        Run ready(String... agentIds) {
            for (String id : agentIds) {
                send(new AcdEvent.AgentReady(time, id));
            }
            return this;
        }

        Run loginReady(String... agentIds) {
            for (String id : agentIds) {
                login(id).ready(id);
            }
            return this;
        }

        Run notReady(String agentId, String reason) {
            return send(new AcdEvent.AgentNotReady(time, agentId, reason));
        }

        Run logout(String agentId) {
            return send(new AcdEvent.AgentLoggedOut(time, agentId));
        }

        Run answer(String callId, String agentId) {
            return send(new AcdEvent.OfferAnswered(time, callId, agentId));
        }

        /** The offer waits for the caller's line (a prompt plays): its phone rings later ({@link #ringing}). */
        Run delayed(String callId, String agentId) {
            return send(new AcdEvent.OfferDelayed(time, callId, agentId));
        }

        /** The offered agent's phone starts ringing only now (the caller's line was busy with a prompt). */
        Run ringing(String callId, String agentId) {
            return send(new AcdEvent.OfferRinging(time, callId, agentId, 0));
        }

        /** As {@link #ringing(String, String)}, Dial told the ring timeout {@code ring} the offer was made with. */
        Run ringing(String callId, String agentId, Duration ring) {
            return send(new AcdEvent.OfferRinging(time, callId, agentId, ring.toMillis()));
        }

        Run fail(String callId, String agentId, String cause) {
            return send(new AcdEvent.OfferFailed(time, callId, agentId, cause));
        }

        Run callerHangsUp(String callId) {
            return send(new AcdEvent.CallerHungUp(time, callId));
        }

        /** Hotline stops: the call's session closes and Asterisk's dialplan goes on with the call. */
        Run handedBack(String callId) {
            return send(new AcdEvent.CallHandedBack(time, callId, "Hotline stopped"));
        }

        Run agentHangsUp(String callId) {
            return send(new AcdEvent.AgentHungUp(time, callId));
        }

        /** The telephony reports the agent's phone (a private call, its hang-up, an unregistered phone...). */
        Run phone(String agentId, PhoneState state) {
            return send(new AcdEvent.PhoneStateChanged(time, agentId, state));
        }

        Run reconfigure(CentreFixture next) {
            return send(new AcdEvent.ConfigChanged(time, next.config()));
        }

        /** Forgets the decisions so far, so the next assertions see only what follows. */
        Run forget() {
            decisions.clear();
            return this;
        }

        <T extends Decision> List<T> all(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Decision d : decisions) {
                if (type.isInstance(d)) {
                    out.add(type.cast(d));
                }
            }
            return out;
        }

        <T extends Decision> T last(Class<T> type) {
            List<T> all = all(type);
            if (all.isEmpty()) {
                throw new AssertionError("no " + type.getSimpleName() + " among " + decisions);
            }
            return all.get(all.size() - 1);
        }

        /** The agent the call was last offered to. */
        String offeredTo(String callId) {
            String agent = null;
            for (Decision.CallOffered o : all(Decision.CallOffered.class)) {
                if (o.callId().equals(callId)) {
                    agent = o.agentId();
                }
            }
            if (agent == null) {
                throw new AssertionError("call " + callId + " was never offered: " + decisions);
            }
            return agent;
        }

        Decision.CallEnded ended(String callId) {
            for (Decision.CallEnded e : all(Decision.CallEnded.class)) {
                if (e.callId().equals(callId)) {
                    return e;
                }
            }
            throw new AssertionError("call " + callId + " has not ended: " + decisions);
        }

        String rejection() {
            return last(Decision.EventRejected.class).message();
        }

        AgentState stateOf(String agentId) {
            return engine.agent(agentId).orElseThrow().state();
        }

        WaitingCall waiting(String callId) {
            return engine.waitingCall(callId).orElseThrow(() -> new AssertionError(callId + " is not waiting"));
        }

        /** Decisions of the given types, in order, as their simple names: a compact view of a sequence. */
        List<String> kinds() {
            List<String> out = new ArrayList<>();
            for (Decision d : decisions) {
                out.add(d.getClass().getSimpleName());
            }
            return out;
        }
    }
}
