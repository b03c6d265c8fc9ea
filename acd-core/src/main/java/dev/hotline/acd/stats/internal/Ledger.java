package dev.hotline.acd.stats.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import dev.hotline.acd.model.Treatment;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.acd.stats.Figures;
import dev.hotline.acd.stats.StaffFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * The bookkeeping behind {@link dev.hotline.acd.stats.CentreStatistics}: counters since start and per reporting
 * interval, the calls between their first queue and their end, and each agent's current state and phone.
 *
 * <p>Cost per decision: hash-map look-ups and a few counter updates, plus one tree look-up per interval an agent's
 * closed state spanned (amortised O(1): time moves forward). Memory: the live calls, the agents, and at most
 * {@code intervalsKept} intervals. Single-threaded, like the engine that feeds it.
 */
public final class Ledger {
    private static final Tally NOTHING = new Tally();

    private final int intervalsKept;
    private final IntervalCalendar calendar;
    private final TreeMap<Long, Period> intervals = new TreeMap<>();
    private final Period running = new Period(Long.MIN_VALUE, Long.MAX_VALUE);
    private final Map<String, LiveCall> calls = new HashMap<>();
    private final Map<String, AgentTrack> agents = new HashMap<>();
    private final Map<String, Long> waitingPerQueue = new HashMap<>();

    private long shortAbandonMillis;
    private Map<String, Long> thresholdMillis;
    private Map<String, List<String>> groupsOfAgent;
    private Set<String> configuredQueues;
    private Set<String> configuredGroups;
    private Set<String> configuredAgents;

    private boolean started;
    private long firstAt;
    private long waitingTotal;
    /** The interval of the latest decision: most decisions fall in it, so no tree look-up is needed. */
    private Period current;

    public Ledger(CentreConfig config, int intervalsKept) {
        if (intervalsKept < 1) {
            throw new IllegalArgumentException("intervalsKept must be at least 1: " + intervalsKept);
        }
        this.intervalsKept = intervalsKept;
        this.calendar = new IntervalCalendar(config.settings().zone(), config.settings().reportInterval());
        configure(config);
    }

    public void apply(Decision decision) {
        long at = decision.at();
        if (!started) {
            started = true;
            firstAt = at;
        }
        switch (decision) {
            case Decision.CallRefused r -> both(at, p -> {
                p.centre.inbound++;
                switch (r.cause()) {
                    case BLACKLISTED -> p.centre.refusedBlacklist++;
                    case UNKNOWN_NUMBER -> p.centre.refusedUnknownNumber++;
                }
            });
            case Decision.CallClassified c -> both(at, p -> p.centre.inbound++);
            case Decision.CallQueued q -> enterQueue(call(q.callId()), q.queue(), at);
            case Decision.CallOffered o -> {
                LiveCall call = call(o.callId());
                enterQueue(call, o.queue(), at);
                if (call.unofferedSince >= 0) {
                    call.unofferedWaitMillis += at - call.unofferedSince;
                    call.unofferedSince = -1;
                }
                call.offerGroup = o.reason().group();
                both(at, p -> scopes(p, null, o.reason().group(), o.agentId()).forEach(t -> t.offers++));
            }
            case Decision.CallRequeued r -> {
                LiveCall call = call(r.callId());
                enterQueue(call, r.queue(), at);
                call.unofferedSince = at;
                offerMissed(r, call.offerGroup, at);
            }
            case Decision.CallAnswered a -> {
                LiveCall call = call(a.callId());
                enterQueue(call, a.queue(), at);
                answer(call, a.agentId(), a.group(), a.waitedMillis(), at);
            }
            case Decision.CallMoved m -> {
                LiveCall call = call(m.callId());
                enterQueue(call, m.fromQueue(), at);
                enterQueue(call, m.toQueue(), at);
            }
            case Decision.CallTreated t -> treat(call(t.callId()), t.queue(), t.treatment(), t.cause(), at);
            case Decision.CallEnded e -> end(e);
            case Decision.AgentStateChanged s -> agentChanged(s);
            // a request about later: the figures move when the state does
            case Decision.AgentAfterCall a -> { }
            case Decision.AgentPhoneChanged p -> phoneChanged(p);
            case Decision.ConfigApplied c -> {
                bookTimeOfAgentsWhoseGroupsChange(c.config(), at);
                configure(c.config());
                forgetPhonesOfRemovedAgents();
                if (calendar.change(at, c.config().settings().zone(), c.config().settings().reportInterval())) {
                    cutIntervalAt(at);
                }
            }
            // nothing to count: escalations and announcements change no call's fate; rejected events changed nothing
            case Decision.CallEscalated e -> { }
            case Decision.CallReplanned r -> { }
            case Decision.Announcement a -> { }
            case Decision.EventRejected r -> { }
        }
    }

    private void configure(CentreConfig config) {
        shortAbandonMillis = config.settings().shortAbandon().toMillis();
        // a queue a reload removes keeps serving the calls it holds under its last settings: they are judged by its
        // last threshold too, so thresholds are replaced, never forgotten
        Map<String, Long> thresholds = thresholdMillis == null ? new HashMap<>() : new HashMap<>(thresholdMillis);
        config.queues().forEach(q -> thresholds.put(q.id(), q.serviceLevelThreshold().toMillis()));
        thresholdMillis = thresholds;
        groupsOfAgent = groupsOf(config);
        configuredQueues = config.queues().stream().map(QueueConfig::id).collect(Collectors.toSet());
        configuredGroups = config.groups().stream().map(SkillGroup::id).collect(Collectors.toSet());
        configuredAgents = groupsOfAgent.keySet();
    }

    private static Map<String, List<String>> groupsOf(CentreConfig config) {
        return config.agents().stream().collect(Collectors.toMap(AgentConfig::id,
                a -> a.skills().stream().map(Skill::group).distinct().toList()));
    }

    // ---- calls ----

    private LiveCall call(String callId) {
        return calls.computeIfAbsent(callId, id -> new LiveCall());
    }

    /** The call is in {@code queue}; if it was waiting in another one, it overflowed out of that one into this one. */
    private void enterQueue(LiveCall call, String queue, long at) {
        if (queue.equals(call.queue)) {
            return;
        }
        if (call.waiting) {
            String from = call.queue;
            leave(call);
            both(at, p -> p.queue(from).overflowed++);
        }
        boolean first = call.queue == null;
        if (first) {
            call.firstQueuedAt = at;
            call.unofferedSince = at;
        }
        call.queue = queue;
        call.waiting = true;
        waitingPerQueue.merge(queue, 1L, Long::sum);
        waitingTotal++;
        both(at, p -> {
            p.queue(queue).offered++;
            if (first) {
                p.centre.offered++;
            }
        });
    }

    private void leave(LiveCall call) {
        call.waiting = false;
        waitingPerQueue.merge(call.queue, -1L, Long::sum);
        waitingTotal--;
    }

    private void answer(LiveCall call, String agentId, String group, long waitedMillis, long at) {
        if (!call.waiting) {
            return;
        }
        leave(call);
        call.agent = agentId;
        call.group = group;
        String queue = call.queue;
        boolean within = waitedMillis <= threshold(queue);
        // Erlang C's "waited" means no agent was free: time in queue with no offer ringing, before the first offer
        // or after one that came back; ring time is not waiting
        long waitedUnoffered = call.unofferedWaitMillis + (call.unofferedSince >= 0 ? at - call.unofferedSince : 0);
        both(at, p -> {
            for (Tally t : scopes(p, queue, group, agentId)) {
                t.answered++;
                t.answerWaitMillis += waitedMillis;
                t.waited(waitedMillis);
                if (within) {
                    t.answeredWithinThreshold++;
                }
                if (waitedUnoffered > 0) {
                    t.answeredAfterWaiting++;
                }
            }
        });
    }

    /** Counts a missed offer against its agent, the group it came through and the centre. */
    private void offerMissed(Decision.CallRequeued r, String group, long at) {
        switch (r.offerEnd()) {
            case NO_ANSWER -> both(at, p -> scopes(p, null, group, r.agentId()).forEach(t -> t.offersNotAnswered++));
            case FAILED -> both(at, p -> scopes(p, null, group, r.agentId()).forEach(t -> t.offersFailed++));
            case TAKEN_BACK -> { }
        }
    }

    private void treat(LiveCall call, String queue, Treatment treatment, Decision.TreatmentCause cause, long at) {
        enterQueue(call, queue, at);
        if (call.waiting) {
            both(at, p -> {
                p.queue(queue).treated(cause);
                p.centre.treated(cause);
            });
        }
        switch (treatment) {
            case Treatment.Hangup h -> refuseInQueue(call, at);
            case Treatment.Voicemail v -> overflowOutOfAcd(call, at);
            case Treatment.IvrFlow f -> overflowOutOfAcd(call, at);
            // a CallMoved follows and counts the overflow
            case Treatment.Overflow o -> { }
        }
    }

    private void refuseInQueue(LiveCall call, long at) {
        if (!call.waiting) {
            return;
        }
        leave(call);
        String queue = call.queue;
        both(at, p -> {
            p.queue(queue).refused++;
            p.centre.refused++;
        });
    }

    private void overflowOutOfAcd(LiveCall call, long at) {
        if (!call.waiting) {
            return;
        }
        leave(call);
        String queue = call.queue;
        both(at, p -> {
            p.queue(queue).overflowed++;
            p.centre.overflowed++;
        });
    }

    private void end(Decision.CallEnded e) {
        long at = e.at();
        LiveCall call = calls.remove(e.callId());
        boolean waiting = call != null && call.waiting;
        switch (e.outcome()) {
            case ANSWERED -> {
                if (waiting) {
                    answer(call, e.agentId().orElse(null), null, e.waitedMillis(), at);
                }
                handlingEnds(call, e, at);
            }
            case ABANDONED -> {
                if (waiting) {
                    abandon(call, e.waitedMillis(), at);
                } else if (call == null && e.queue().isEmpty()) {
                    both(at, p -> p.centre.abandonedInIvr++);
                }
            }
            // refusals at arrival were counted at CallRefused; a queue's refusal at its CallTreated, unless it was not seen
            case REFUSED -> {
                if (waiting) {
                    refuseInQueue(call, at);
                }
            }
            case OVERFLOWED -> {
                if (waiting) {
                    // a treatment ends a call it overflows after it has left the queue: this one was handed back
                    String queue = call.queue;
                    both(at, p -> {
                        p.queue(queue).handedBack++;
                        p.centre.handedBack++;
                    });
                    overflowOutOfAcd(call, at);
                } else if (call == null && e.queue().isEmpty()) {
                    // handed back to Asterisk's dialplan from the IVR (Hotline stopped, or Asterisk stopped answering)
                    both(at, p -> p.centre.endedInIvr++);
                }
            }
            case SELF_SERVICE -> {
                // a queued call cannot finish in self-service; if one does, it left the queue for the IVR
                if (waiting) {
                    overflowOutOfAcd(call, at);
                }
                both(at, p -> p.centre.selfService++);
            }
            // never connected; a call a queue's treatment sent to the flow was counted there (overflowed)
            case ENDED_IN_IVR -> {
                if (call == null) {
                    both(at, p -> p.centre.endedInIvr++);
                }
            }
        }
    }

    /**
     * The conversation is over: the call is handled once its agent's wrap-up is (kept on the agent until then), or
     * now when its agent is not known to be talking.
     */
    private void handlingEnds(LiveCall call, Decision.CallEnded e, long at) {
        String queue = call != null ? call.queue : e.queue().orElse(null);
        String group = call != null ? call.group : null;
        String agentId = e.agentId().orElse(call != null ? call.agent : null);
        AgentTrack agent = agentId == null ? null : agents.get(agentId);
        if (agent != null && agent.state == AgentState.TALKING) {
            agent.handling = true;
            agent.handlingQueue = queue;
            agent.handlingGroup = group;
            agent.handlingTalkMillis = e.talkMillis();
        } else {
            handled(queue, group, agentId, e.talkMillis(), 0, at);
        }
    }

    private void handled(String queue, String group, String agentId, long talkMillis, long wrapUpMillis, long at) {
        both(at, p -> {
            for (Tally t : scopes(p, queue, group, agentId)) {
                t.handled++;
                t.handledTalkMillis += talkMillis;
                t.handledWrapUpMillis += wrapUpMillis;
            }
        });
    }

    private void abandon(LiveCall call, long waitedMillis, long at) {
        leave(call);
        String queue = call.queue;
        boolean isShort = waitedMillis < shortAbandonMillis;
        boolean afterThreshold = !isShort && waitedMillis > threshold(queue);
        both(at, p -> {
            for (Tally t : List.of(p.centre, p.queue(queue))) {
                t.abandoned++;
                t.waited(waitedMillis);
                if (isShort) {
                    t.shortAbandoned++;
                }
                if (afterThreshold) {
                    t.abandonedAfterThreshold++;
                }
            }
        });
    }

    /**
     * The threshold of the queue's latest configuration, a removed queue's included; a queue no configuration ever
     * had has a zero threshold: only calls answered at once are within it.
     */
    private long threshold(String queue) {
        return thresholdMillis.getOrDefault(queue, 0L);
    }

    // ---- agents ----

    private void agentChanged(Decision.AgentStateChanged s) {
        long at = s.at();
        AgentTrack agent = agents.computeIfAbsent(s.agentId(), id -> new AgentTrack(s.from(), at));
        closeState(s.agentId(), agent, s.to(), at);
        agent.state = s.to();
        agent.since = at;
        agent.stateSince = at;
        agent.reason = s.reason();
        if (s.to() == AgentState.LOGGED_OUT && !configuredAgents.contains(s.agentId())) {
            // an agent removed from the configuration leaves after its call; the engine forgets its phone
            agent.phone = PhoneState.FREE;
        }
    }

    /**
     * The phone splits READY time: time with a free phone is available, time with a busy or unreachable one is not.
     * In any other state the phone changes no figure, but is remembered for when the agent is READY.
     */
    private void phoneChanged(Decision.AgentPhoneChanged p) {
        long at = p.at();
        AgentTrack agent = agents.computeIfAbsent(p.agentId(), id -> new AgentTrack(AgentState.LOGGED_OUT, at));
        if (agent.state == AgentState.READY) {
            bookTime(p.agentId(), agent, at);
        }
        agent.phone = p.to();
    }

    /**
     * An agent the configuration no longer has and who is logged out is forgotten by the engine, phone included: added
     * again, it starts with a free phone. (One still on a call leaves after it, {@link #agentChanged}.)
     */
    private void forgetPhonesOfRemovedAgents() {
        agents.forEach((id, agent) -> {
            if (agent.state == AgentState.LOGGED_OUT && !configuredAgents.contains(id)) {
                agent.phone = PhoneState.FREE;
            }
        });
    }

    /**
     * A configuration that changes an agent's skill groups: the time the agent spent so far in its current state is
     * booked to the groups it was in meanwhile, and the rest of the state will go to the new ones. Without the split
     * the whole spell went to the groups of the state's end (a group's time could come out negative in a period).
     */
    private void bookTimeOfAgentsWhoseGroupsChange(CentreConfig next, long at) {
        Map<String, List<String>> nextGroups = groupsOf(next);
        agents.forEach((id, agent) -> {
            if (!nextGroups.getOrDefault(id, List.of()).equals(groupsOfAgent.getOrDefault(id, List.of()))) {
                bookTime(id, agent, at);
            }
        });
    }

    /**
     * The state is over at {@code at}, for {@code next}: its time is booked; a call whose conversation or wrap-up
     * this ends is handled now, its wrap-up's whole length with it.
     */
    private void closeState(String agentId, AgentTrack agent, AgentState next, long at) {
        boolean wrapUpOver = agent.state == AgentState.WRAP_UP;
        // (a wrap-up after a call the statistics did not see end, begun before them, is agent time, not handle time)
        if (agent.handling && (wrapUpOver || agent.state == AgentState.TALKING && next != AgentState.WRAP_UP)) {
            agent.handling = false;
            handled(agent.handlingQueue, agent.handlingGroup, agentId, agent.handlingTalkMillis,
                    wrapUpOver ? at - agent.stateSince : 0, at);
        }
        bookTime(agentId, agent, at);
    }

    /** Books the agent's time in its current state from {@code since} up to {@code at}, split along intervals. */
    private void bookTime(String agentId, AgentTrack agent, long at) {
        if (at <= agent.since || agent.state == AgentState.LOGGED_OUT) {
            return;
        }
        addAgentTime(running, agentId, agent, at - agent.since);
        for (long t = agent.since; t < at; ) {
            Period interval = intervalAt(t);
            long pieceEnd = Math.min(interval.end, at);
            addAgentTime(interval, agentId, agent, pieceEnd - t);
            t = pieceEnd;
        }
        agent.since = at;
    }

    private void addAgentTime(Period p, String agentId, AgentTrack agent, long millis) {
        p.centre.addAgentTime(agent.state, agent.reason, agent.phone, millis);
        p.agent(agentId).addAgentTime(agent.state, agent.reason, agent.phone, millis);
        for (String group : groupsOfAgent.getOrDefault(agentId, List.of())) {
            p.group(group).addAgentTime(agent.state, agent.reason, agent.phone, millis);
        }
    }

    // ---- periods ----

    private static List<Tally> scopes(Period p, String queue, String group, String agent) {
        List<Tally> scopes = new ArrayList<>(4);
        scopes.add(p.centre);
        if (queue != null) {
            scopes.add(p.queue(queue));
        }
        if (group != null) {
            scopes.add(p.group(group));
        }
        if (agent != null) {
            scopes.add(p.agent(agent));
        }
        return scopes;
    }

    private void both(long at, Consumer<Period> change) {
        change.accept(running);
        change.accept(intervalAt(at));
    }

    private Period intervalAt(long t) {
        if (current != null && current.start <= t && t < current.end) {
            return current;
        }
        IntervalCalendar.Interval interval = calendar.containing(t);
        Period p = intervals.get(interval.start());
        if (p == null) {
            p = new Period(interval.start(), interval.end());
            intervals.put(p.start, p);
            while (intervals.size() > intervalsKept) {
                intervals.pollFirstEntry();
            }
            calendar.forgetBefore(intervals.firstKey());
        }
        if (t >= (current == null ? Long.MIN_VALUE : current.start)) {
            current = p;
        }
        return p;
    }

    private void cutIntervalAt(long at) {
        var containing = intervals.floorEntry(at);
        if (containing != null && containing.getValue().end > at) {
            containing.getValue().end = at;
        }
        current = null;
    }

    /** How many calls are remembered: those between their first queue and their end. */
    public int callsTracked() {
        return calls.size();
    }

    // ---- snapshots ----

    public Figures snapshot(long now) {
        Period p = running.copy();
        for (var e : agents.entrySet()) {
            AgentTrack agent = e.getValue();
            if (agent.state != AgentState.LOGGED_OUT && now > agent.since) {
                // a call in wrap-up is not handled yet: it counts, whole, as its wrap-up ends
                addAgentTime(p, e.getKey(), agent, now - agent.since);
            }
        }
        return figures(p, started ? Math.min(firstAt, now) : now, now, true, now);
    }

    /** The start of the reporting interval {@code now} falls in, on the calendar in force. */
    public long intervalStart(long now) {
        return calendar.containing(now).start();
    }

    /** The kept intervals whose start {@code wanted} accepts, oldest first, with states still open counted to now. */
    public List<Figures> intervals(long now, LongPredicate wanted) {
        return intervals(now, wanted, now);
    }

    /**
     * As {@link #intervals(long, LongPredicate)}, with every interval from the one containing {@code from} on, those
     * in which nothing happened with zero counts.
     */
    public List<Figures> intervals(long now, LongPredicate wanted, long from) {
        TreeMap<Long, Period> copies = new TreeMap<>();
        for (long t = from; t < now; ) {
            IntervalCalendar.Interval interval = calendar.containing(t);
            if (wanted.test(interval.start())) {
                copies.put(interval.start(), new Period(interval.start(), interval.end()));
            }
            t = interval.end();
        }
        intervals.forEach((start, p) -> {
            if (wanted.test(start) && start <= now) {
                copies.put(start, p.copy());
            }
        });
        if (started) {
            for (var e : agents.entrySet()) {
                addOpenState(copies, wanted, e.getKey(), e.getValue(), now);
            }
            IntervalCalendar.Interval live = calendar.containing(now);
            if (wanted.test(live.start())) {
                copies.computeIfAbsent(live.start(), s -> new Period(s, live.end()));
            }
        }
        while (copies.size() > intervalsKept) {
            copies.pollFirstEntry();
        }
        List<Figures> result = new ArrayList<>(copies.size());
        for (Period p : copies.values()) {
            boolean live = p.start <= now && now < p.end;
            result.add(figures(p, p.start, Math.min(p.end, now), live, now));
        }
        return result;
    }

    private void addOpenState(TreeMap<Long, Period> copies, LongPredicate wanted, String agentId, AgentTrack agent,
                              long now) {
        if (agent.state == AgentState.LOGGED_OUT || now <= agent.since) {
            return;
        }
        for (long t = agent.since; t < now; ) {
            IntervalCalendar.Interval interval = calendar.containing(t);
            long pieceEnd = Math.min(interval.end(), now);
            if (wanted.test(interval.start())) {
                Period p = copies.computeIfAbsent(interval.start(), s -> new Period(s, interval.end()));
                addAgentTime(p, agentId, agent, pieceEnd - t);
            }
            t = pieceEnd;
        }
    }

    private Figures figures(Period p, long from, long to, boolean live, long now) {
        Map<String, Long> longestCurrentWait = live ? longestCurrentWait(now) : Map.of();
        Map<String, CallFigures> queues = new HashMap<>();
        for (String queue : ids(configuredQueues, p.queues.keySet(), live ? waitingPerQueue.keySet() : Set.of())) {
            queues.put(queue, p.queues.getOrDefault(queue, NOTHING).calls(
                    live ? waitingPerQueue.getOrDefault(queue, 0L) : 0,
                    longestCurrentWait.getOrDefault(queue, 0L)));
        }
        Map<String, StaffFigures> groups = new HashMap<>();
        for (String group : ids(configuredGroups, p.groups.keySet(), Set.of())) {
            Tally t = p.groups.getOrDefault(group, NOTHING);
            groups.put(group, new StaffFigures(t.answers(), t.offerFigures(), t.agentTime()));
        }
        Map<String, StaffFigures> agentFigures = new HashMap<>();
        for (String agent : ids(configuredAgents, p.agents.keySet(), Set.of())) {
            Tally t = p.agents.getOrDefault(agent, NOTHING);
            agentFigures.put(agent, new StaffFigures(t.answers(), t.offerFigures(), t.agentTime()));
        }
        long longestNow = longestCurrentWait.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Tally c = p.centre;
        CentreFigures centre = new CentreFigures(c.inbound, c.refusedBlacklist, c.refusedUnknownNumber, c.selfService,
                c.abandonedInIvr, c.endedInIvr, c.calls(live ? waitingTotal : 0, longestNow), c.offerFigures(),
                c.agentTime());
        return new Figures(from, to, centre, queues, groups, agentFigures);
    }

    private Map<String, Long> longestCurrentWait(long now) {
        Map<String, Long> longest = new HashMap<>();
        for (LiveCall call : calls.values()) {
            if (call.waiting) {
                longest.merge(call.queue, Math.max(0, now - call.firstQueuedAt), Math::max);
            }
        }
        return longest;
    }

    private static Set<String> ids(Set<String> configured, Set<String> seen, Set<String> live) {
        Set<String> ids = new TreeSet<>(configured);
        ids.addAll(seen);
        ids.addAll(live);
        return ids;
    }
}
