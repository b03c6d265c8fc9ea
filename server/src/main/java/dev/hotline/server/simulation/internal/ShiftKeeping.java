package dev.hotline.server.simulation.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.simulation.Roster;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated agents keep the roster: they log in as their shift begins (ready, or on its break), log out as it
 * ends, take their breaks and come back from them. One on a call finishes it and its wrap-up first; one in wrap-up
 * waits for its end. A break so delayed is still taken in full (the agent is back late), as a centre's agents take
 * the breaks they are owed; a shift's end cancels one not yet begun. Shift changes go on the {@link Agenda} as {@link Happening.ShiftChange}s; the decisions tell
 * this what each agent is doing.
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
    /** Agents on a break of their shift, or taking it once the call in hand is over: the break's reason. */
    private final Map<String, String> onBreak = new HashMap<>();
    /** Breaks whose time has come and that the agent has not begun yet: they are taken in full once begun. */
    private final Map<String, Owed> owed = new HashMap<>();
    /** When the break each agent is on is over: its length after its actual start. */
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
        apply(engine, startMillis, agentId);
        scheduleNext(agentId, startMillis);
    }

    /** A shift change falls due. */
    void changeDue(RoutingEngine engine, long t, Happening.ShiftChange change) {
        if (t <= arrivalsEndMillis) {
            changesDue--;
        }
        apply(engine, t, change.agentId());
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
        return onBreak.containsKey(agentId);
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
                    owed.remove(a.agentId());
                } else {
                    leavingAfterCall.remove(a.agentId());
                }
                if (a.after() != AgentState.NOT_READY) {
                    onBreak.remove(a.agentId());
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
        if (s.to() == AgentState.READY || s.to() == AgentState.LOGGED_OUT) {
            onBreak.remove(agentId);
            breakOverAt.remove(agentId);
        }
        if (s.to() == AgentState.LOGGED_OUT) {
            owed.remove(agentId);
            if (roster.onDuty(agentId, s.at(), zone)) {
                // left after a call though the next shift had begun meanwhile: back at once
                schedule(s.at(), agentId, true);
            }
        }
        Owed begun = s.to() == AgentState.NOT_READY && onBreak.containsKey(agentId) ? owed.remove(agentId) : null;
        if (begun != null) {
            // the break begins now, on time or late: over after its whole length
            breakOverAt.put(agentId, s.at() + begun.lengthMillis());
            schedule(s.at() + begun.lengthMillis(), agentId, true);
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
     * The agent's duty or break begins or ends: log in (and ready, or on the break), log out (during a call, once it
     * and its wrap-up are over; in wrap-up, as it ends), take the break owed (as log out), or back from it once its
     * length is over.
     */
    private void apply(RoutingEngine engine, long t, String agentId) {
        AgentState state = states.getOrDefault(agentId, AgentState.LOGGED_OUT);
        if (!roster.onDuty(agentId, t, zone)) {
            if (state != AgentState.LOGGED_OUT && !leavingAfterCall.contains(agentId) && !waitForWrapUp(t, agentId,
                    state)) {
                engine.handle(new AcdEvent.AgentLoggedOut(t, agentId));
            }
            return;
        }
        Optional<String> breakNow = roster.breakAt(agentId, t, zone);
        if (breakNow.isPresent() && !breakNow.get().equals(onBreak.get(agentId)) && !owed.containsKey(agentId)) {
            // the break's time has come: owed, in its scheduled length, until the agent begins it
            owed.put(agentId, new Owed(breakNow.get(), roster.nextChange(agentId, t, zone) - t));
        }
        if (state == AgentState.LOGGED_OUT) {
            engine.handle(new AcdEvent.AgentLoggedIn(t, agentId));
            if (owed.containsKey(agentId)) {
                takeBreak(engine, t, agentId);
            } else {
                engine.handle(new AcdEvent.AgentReady(t, agentId));
            }
        } else if (owed.containsKey(agentId)) {
            if (!owed.get(agentId).reason().equals(onBreak.get(agentId)) && !waitForWrapUp(t, agentId, state)) {
                takeBreak(engine, t, agentId);
            }
        } else if (state == AgentState.NOT_READY && onBreak.containsKey(agentId)
                && t >= breakOverAt.getOrDefault(agentId, Long.MAX_VALUE)
                || state != AgentState.WRAP_UP && leavingAfterCall.contains(agentId)) {
            // back from the break, or withdraws the logout asked for after the call (one in wrap-up goes out at its
            // end, and comes back at once: stateChanged)
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

    /** NOT_READY with the owed break's reason; during a call, once it and its wrap-up are over. */
    private void takeBreak(RoutingEngine engine, long t, String agentId) {
        String reason = owed.get(agentId).reason();
        onBreak.put(agentId, reason);
        engine.handle(new AcdEvent.AgentNotReady(t, agentId, reason));
    }

    /** A break whose time has come: its reason, and how long it lasts once begun. */
    private record Owed(String reason, long lengthMillis) {
    }
}
