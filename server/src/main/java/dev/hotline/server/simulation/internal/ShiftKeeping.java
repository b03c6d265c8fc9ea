package dev.hotline.server.simulation.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.simulation.Roster;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The simulated agents keep the roster: they log in as their shift begins (ready, or on its break), log out as it
 * ends, take their breaks and come back from them. One on a call finishes it and its wrap-up first; one in wrap-up
 * waits for its end. A break so delayed is still taken in full (the agent is back late), as a centre's agents take
 * the breaks they are owed, and one whose time comes during another is taken after it; a shift's end cancels those
 * not yet begun. Shift changes go on the {@link Agenda} as {@link Happening.ShiftChange}s; the decisions tell this
 * what each agent is doing.
 */
final class ShiftKeeping {
    private final Roster roster;
    private final ZoneId zone;
    private final Agenda agenda;
    private final long arrivalsEndMillis;
    /** No duty begins or ends after this: calls still in the centre then are not played out any further. */
    private final long lastShiftChange;
    /** Each agent's state, as the decisions last said it. */
    private final Map<String, AgentState> states = new HashMap<>();
    /** Agents whose duty ended during a call: they log out once it and its wrap-up are over. */
    private final Set<String> leavingAfterCall = new HashSet<>();
    /** Breaks whose time has come, in order, not begun yet: each taken in full once begun. */
    private final Map<String, ArrayDeque<Owed>> owed = new HashMap<>();
    /** Agents who asked for their first owed break once the call in hand and its wrap-up are over. */
    private final Set<String> breakAfterCall = new HashSet<>();
    /** Agents on a break, and when it is over: its whole length after it began. */
    private final Map<String, Long> breakOverAt = new HashMap<>();
    /** Each queue's wrap-up, and when each agent in wrap-up will be out of it: a shift's end waits for it. */
    private final Map<String, Long> wrapUpMillis = new HashMap<>();
    private final Map<String, String> queueOfAnswer = new HashMap<>();
    private final Map<String, Long> wrapUpEnds = new HashMap<>();
    /**
     * Shift changes on the agenda within the traffic's duration: the run goes on to apply them even when no call is
     * left, so the agents' time is counted as the roster says up to the run's end.
     */
    private int changesDue;

    ShiftKeeping(CentreConfig config, Roster roster, Agenda agenda, long arrivalsEndMillis, long lastShiftChange) {
        this.roster = roster;
        this.zone = config.settings().zone();
        this.agenda = agenda;
        this.arrivalsEndMillis = arrivalsEndMillis;
        this.lastShiftChange = lastShiftChange;
        config.queues().forEach(q -> wrapUpMillis.put(q.id(), q.wrapUp().toMillis()));
    }

    /** Puts the agent on duty as the roster says at the start, and its next change on the agenda. */
    void start(RoutingEngine engine, long startMillis, String agentId) {
        apply(engine, startMillis, agentId, true);
        scheduleNext(agentId, startMillis);
    }

    /** A shift change falls due. */
    void changeDue(RoutingEngine engine, long t, Happening.ShiftChange change) {
        if (t <= arrivalsEndMillis) {
            changesDue--;
        }
        apply(engine, t, change.agentId(), !change.recheck());
        if (!change.recheck()) {
            scheduleNext(change.agentId(), t);
        }
    }

    /** Whether shift changes within the traffic's duration are still to come. */
    boolean changesDue() {
        return changesDue > 0;
    }

    /** Whether the agent is on (or bound for) a break of their shift: not a pause the simulator ends. */
    boolean onBreak(String agentId) {
        return breakOverAt.containsKey(agentId) || breakAfterCall.contains(agentId);
    }

    /** Follows what the agents do; called for every decision, before the simulator reacts to it. */
    void onDecision(Decision decision) {
        switch (decision) {
            case Decision.CallAnswered a -> queueOfAnswer.put(a.agentId(), a.queue());
            case Decision.AgentStateChanged s -> stateChanged(s);
            // a shift's end asks for a logout after the call (no break then), a break for NOT_READY
            case Decision.AgentAfterCall a -> {
                if (a.after() == AgentState.LOGGED_OUT) {
                    leavingAfterCall.add(a.agentId());
                    breakAfterCall.remove(a.agentId());
                    owed.remove(a.agentId());
                } else {
                    leavingAfterCall.remove(a.agentId());
                }
            }
            default -> { }
        }
    }

    private void stateChanged(Decision.AgentStateChanged s) {
        String agentId = s.agentId();
        states.put(agentId, s.to());
        if (s.to() != AgentState.RESERVED && s.to() != AgentState.TALKING && s.to() != AgentState.WRAP_UP) {
            leavingAfterCall.remove(agentId);
        }
        if (s.to() == AgentState.LOGGED_OUT) {
            owed.remove(agentId);
            breakAfterCall.remove(agentId);
            breakOverAt.remove(agentId);
            if (roster.onDuty(agentId, s.at(), zone)) {
                // left after a call though the next shift had begun meanwhile: back at once
                schedule(s.at(), agentId, true);
            }
        } else if (s.to() == AgentState.NOT_READY && breakAfterCall.remove(agentId)) {
            // the break asked for after the call begins now, late or not: over after its whole length
            begin(s.at(), agentId);
        }
        if (s.to() == AgentState.WRAP_UP) {
            wrapUpEnds.put(agentId, s.at() + wrapUpMillis.getOrDefault(queueOfAnswer.getOrDefault(agentId, ""), 0L));
        }
    }

    private void scheduleNext(String agentId, long after) {
        long next = roster.nextChange(agentId, after, zone);
        if (next <= lastShiftChange) {
            schedule(next, agentId, false);
        }
    }

    private void schedule(long at, String agentId, boolean recheck) {
        agenda.schedule(at, new Happening.ShiftChange(agentId, recheck));
        if (at <= arrivalsEndMillis) {
            changesDue++;
        }
    }

    /**
     * The agent's duty or break begins or ends ({@code rosterChange}: a change of the roster, not a second look):
     * log in (and ready, or on the break), log out (during a call, once it and its wrap-up are over; in wrap-up, as
     * it ends), take the next break owed (as log out), or back from one once its length is over.
     */
    private void apply(RoutingEngine engine, long t, String agentId, boolean rosterChange) {
        AgentState state = states.getOrDefault(agentId, AgentState.LOGGED_OUT);
        if (!roster.onDuty(agentId, t, zone)) {
            if (state != AgentState.LOGGED_OUT && !leavingAfterCall.contains(agentId) && !waitForWrapUp(t, agentId,
                    state)) {
                engine.handle(new AcdEvent.AgentLoggedOut(t, agentId));
            }
            return;
        }
        if (rosterChange) {
            // a break's time has come: owed, in its scheduled length, until the agent begins it
            roster.breakAt(agentId, t, zone).ifPresent(reason -> owed.computeIfAbsent(agentId, a -> new ArrayDeque<>())
                    .add(new Owed(reason, roster.nextChange(agentId, t, zone) - t)));
        }
        if (state == AgentState.LOGGED_OUT) {
            engine.handle(new AcdEvent.AgentLoggedIn(t, agentId));
            if (!takeBreak(engine, t, agentId, AgentState.NOT_READY)) {
                engine.handle(new AcdEvent.AgentReady(t, agentId));
            }
            return;
        }
        Long over = breakOverAt.get(agentId);
        if (over != null) {
            if (t >= over) {
                breakOverAt.remove(agentId);
                if (!takeBreak(engine, t, agentId, state)) {
                    engine.handle(new AcdEvent.AgentReady(t, agentId));
                }
            }
            return;
        }
        if (owed.containsKey(agentId) && !breakAfterCall.contains(agentId)) {
            if (!waitForWrapUp(t, agentId, state)) {
                takeBreak(engine, t, agentId, state);
            }
        } else if (state != AgentState.WRAP_UP && leavingAfterCall.contains(agentId)) {
            // withdraws the logout asked for after the call (one in wrap-up goes out at its end, and comes back at
            // once: stateChanged)
            engine.handle(new AcdEvent.AgentReady(t, agentId));
        }
    }

    /**
     * Whether an agent in wrap-up waits for its end before the shift's end or a break takes them out: they do, and
     * this looks again a millisecond before the wrap-up's timer would make them READY and offer the next call.
     */
    private boolean waitForWrapUp(long t, String agentId, AgentState state) {
        long wrapUpEnd = state == AgentState.WRAP_UP ? wrapUpEnds.getOrDefault(agentId, t) : t;
        if (wrapUpEnd - 1 > t) {
            schedule(wrapUpEnd - 1, agentId, true);
            return true;
        }
        return false;
    }

    /**
     * NOT_READY with the next owed break's reason: begun at once by an agent who takes no call ({@code state} READY
     * or NOT_READY), else once the call in hand and its wrap-up are over. False if no break is owed.
     */
    private boolean takeBreak(RoutingEngine engine, long t, String agentId, AgentState state) {
        ArrayDeque<Owed> due = owed.get(agentId);
        if (due == null || due.isEmpty()) {
            return false;
        }
        String reason = due.peek().reason();
        if (state == AgentState.READY || state == AgentState.NOT_READY) {
            begin(t, agentId);
        } else {
            breakAfterCall.add(agentId);
        }
        engine.handle(new AcdEvent.AgentNotReady(t, agentId, reason));
        return true;
    }

    /** The next owed break begins at {@code t}: over, and looked at again, after its whole length. */
    private void begin(long t, String agentId) {
        ArrayDeque<Owed> due = owed.get(agentId);
        Owed next = due.poll();
        if (due.isEmpty()) {
            owed.remove(agentId);
        }
        breakOverAt.put(agentId, t + next.lengthMillis());
        schedule(t + next.lengthMillis(), agentId, true);
    }

    /** A break whose time has come: its reason, and how long it lasts once begun. */
    private record Owed(String reason, long lengthMillis) {
    }
}
