package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.PhoneState;

/**
 * An agent's working day: log in (NOT_READY), READY, NOT_READY with a reason, wrap-up after a call, log out; the
 * changes an agent asks for in a state that does not allow them are rejected, naming the state, except NOT_READY and
 * log out during a call, which wait for its end (and its wrap-up). An agent who becomes READY takes the first waiting
 * call it can serve.
 */
final class AgentLifecycle {

    private final Centre centre;
    private Dispatch dispatch;
    private QueueAdmission admission;

    AgentLifecycle(Centre centre) {
        this.centre = centre;
    }

    void connect(Dispatch dispatch, QueueAdmission admission) {
        this.dispatch = dispatch;
        this.admission = admission;
    }

    void loggedIn(AcdEvent.AgentLoggedIn e) {
        Agent agent = centre.requireAgent(e.agentId(), "log in");
        if (agent.state != AgentState.LOGGED_OUT || agent.leaving) {
            throw new Rejection("agent " + agent.id() + " cannot log in: agent is already " + Centre.describe(agent));
        }
        // FEWEST_CALLS and LEAST_TALK_TIME weigh the day's work: an agent back from lunch (or whose desktop logged
        // out and in) must not take every call until their count since that login catches up with the others'
        long day = centre.today();
        if (agent.countsDay != day) {
            agent.countsDay = day;
            agent.answered = 0;
            agent.talkMillis = 0;
        }
        centre.setState(agent, AgentState.NOT_READY, "logged in");
    }

    void loggedOut(AcdEvent.AgentLoggedOut e) {
        Agent agent = centre.requireAgent(e.agentId(), "log out");
        switch (agent.state) {
            case LOGGED_OUT -> throw new Rejection("agent " + agent.id() + " cannot log out: agent is already "
                    + "LOGGED_OUT");
            case RESERVED -> {
                if (dispatch.holdsOfferForTheLine(agent)) {
                    // an offer still waiting for the caller's line is let go: a logged-out agent's phone is not
                    // rung (one already ringing rings on, and the logout waits for it, as documented)
                    dispatch.letGoOfferForTheLine(agent, "agent " + agent.id() + " logged out before their phone rang");
                    logOut(agent, "logged out");
                } else {
                    afterCall(agent, AgentState.LOGGED_OUT, "");
                }
            }
            case TALKING -> afterCall(agent, AgentState.LOGGED_OUT, "");
            case READY, NOT_READY, WRAP_UP -> logOut(agent, "logged out");
        }
    }

    void ready(AcdEvent.AgentReady e) {
        Agent agent = centre.requireAgent(e.agentId(), "become READY");
        switch (agent.state) {
            case NOT_READY -> centre.setState(agent, AgentState.READY, "ready");
            case WRAP_UP -> {
                cancelWrapUp(agent);
                centre.setState(agent, AgentState.READY, "wrap-up ended early");
            }
            case READY -> throw new Rejection("agent " + agent.id() + " cannot become READY: agent is already READY");
            case RESERVED, TALKING -> {
                if (agent.afterCall == AgentState.READY) {
                    throw new Rejection("agent " + agent.id() + " cannot become READY: agent is "
                            + Centre.describe(agent) + "; READY again after the call");
                }
                // withdraws the NOT_READY or LOGGED_OUT asked for after the call
                afterCall(agent, AgentState.READY, "");
                return;
            }
            case LOGGED_OUT -> throw new Rejection("agent " + agent.id() + " cannot become READY: agent is "
                    + Centre.describe(agent));
        }
        dispatch.takeNextCall(agent);
    }

    /** The agent a missed call made not ready has had their break: ready again, and offered the first call. */
    void missedCallBreakDue(Timer timer) {
        Agent agent = timer.agent;
        if (agent.missedCallTimer == timer) {
            agent.missedCallTimer = null;
            centre.setState(agent, AgentState.READY, "ready again " + StrategyOrder.seconds(timer.deadline
                    - timer.armedAt) + " after a missed call");
            dispatch.takeNextCall(agent);
        }
    }

    void notReady(AcdEvent.AgentNotReady e) {
        String reason = e.reason() == null || e.reason().isBlank() ? "not ready" : e.reason();
        Agent agent = centre.requireAgent(e.agentId(), "become NOT_READY (" + reason + ")");
        switch (agent.state) {
            case READY, NOT_READY -> centre.setState(agent, AgentState.NOT_READY, reason);
            case WRAP_UP -> {
                cancelWrapUp(agent);
                centre.setState(agent, AgentState.NOT_READY, reason);
            }
            case RESERVED, TALKING -> afterCall(agent, AgentState.NOT_READY, reason);
            case LOGGED_OUT -> throw new Rejection("agent " + agent.id()
                    + " cannot become NOT_READY (" + reason + "): agent is " + Centre.describe(agent));
        }
    }

    /**
     * The agent's phone changed state. The agent's ACD state stays; a READY agent whose phone became free takes the
     * first waiting call it can serve at once. Repeats of the state in force (a resynchronisation) change nothing.
     */
    void phoneChanged(AcdEvent.PhoneStateChanged e) {
        Agent agent = centre.requireAgent(e.agentId(), "have its phone " + e.state());
        if (agent.phone == e.state()) {
            return;
        }
        PhoneState from = agent.phone;
        centre.setPhone(agent, e.state());
        if (!e.state().offerable()) {
            // a phone taken by another call while its offer waited for the caller's line would only be rung busy
            dispatch.takeBackHeldOffer(agent, "agent " + agent.id() + "'s phone became " + e.state()
                    + " before the offer rang it", "phone " + e.state() + " before the offer rang");
        }
        if (agent.state == AgentState.READY && e.state().offerable()) {
            dispatch.takeNextCall(agent, "'s phone became free (it was " + from + ")");
        }
    }

    /** The agent's conversation on {@code call} is over: wrap-up, or READY at once when the queue has none. */
    void conversationEnded(Agent agent, Call call, long wrapUpMillis) {
        if (agent.leaving) {
            leave(agent);
        } else if (wrapUpMillis == 0) {
            callOver(agent, "call " + call.id + " ended, no wrap-up", false);
        } else {
            centre.setState(agent, AgentState.WRAP_UP, "call " + call.id + " ended");
            agent.wrapUpTimer = centre.timers.schedule(centre.now, centre.now + wrapUpMillis, Timer.Kind.WRAP_UP, null,
                    agent);
        }
    }

    /**
     * The offer was taken back through no fault of the agent's (the caller hung up while the phone rang; the caller's
     * line never came free): the agent is READY again, or as they asked meanwhile, or leaves if removed.
     */
    void offerWithdrawn(Agent agent, Call call, String why) {
        if (agent.leaving) {
            leave(agent);
        } else {
            // the caller hung up, the line never came free, Asterisk took the call back: nothing the agent did, so
            // LONGEST_IDLE keeps their place in line rather than sending them to the back
            callOver(agent, "offer of call " + call.id + " withdrawn: " + why, true);
        }
    }

    void wrapUpDue(Timer timer) {
        Agent agent = timer.agent;
        if (agent.wrapUpTimer == timer) {
            agent.wrapUpTimer = null;
            callOver(agent, "wrap-up over", false);
        }
    }

    /**
     * The agent on a call asks to be {@code after} (NOT_READY with {@code reason}, LOGGED_OUT, or READY as usual)
     * once it is over, replacing any earlier request.
     */
    private void afterCall(Agent agent, AgentState after, String reason) {
        agent.afterCall = after;
        agent.afterCallReason = reason;
        centre.emit(new Decision.AgentAfterCall(centre.now, agent.id(), agent.state, after, reason));
    }

    /**
     * The agent's call (and wrap-up) is over, for the reason {@code why}: READY for the next call, or what the agent
     * asked for during it; {@code keepsPlace}: READY again with the idle time the agent had before the offer (its end
     * was none of their doing).
     */
    private void callOver(Agent agent, String why, boolean keepsPlace) {
        switch (agent.afterCall) {
            case NOT_READY -> centre.setState(agent, AgentState.NOT_READY, agent.afterCallReason);
            case LOGGED_OUT -> logOut(agent, "logged out after the call (" + why + ")");
            default -> {
                centre.setState(agent, AgentState.READY, why, keepsPlace);
                dispatch.takeNextCall(agent);
            }
        }
    }

    /**
     * An offer the agent did not take made them NOT_READY (the missed call stays on record as its reason): what the
     * agent asked for during it follows, a break with its own code or a logout; when they asked nothing, they are
     * ready again after the server's pause for a missed call, if it sets one.
     */
    void offerNotTaken(Agent agent, AgentState asked, String askedReason) {
        switch (asked) {
            case NOT_READY -> centre.setState(agent, AgentState.NOT_READY, askedReason);
            case LOGGED_OUT -> logOut(agent, "logged out after the call (offer not taken)");
            default -> {
                if (centre.missedCallBreakMillis > 0) {
                    agent.missedCallTimer = centre.timers.schedule(centre.now,
                            centre.now + centre.missedCallBreakMillis, Timer.Kind.MISSED_CALL_BREAK, null, agent);
                }
            }
        }
    }

    /**
     * The agent logs out; waiting calls that no logged-in agent could serve any more (through any group their
     * escalation steps would add) get their queue's no-agents treatment.
     */
    void logOut(Agent agent, String reason) {
        cancelWrapUp(agent);
        centre.setState(agent, AgentState.LOGGED_OUT, reason);
        admission.refuseStranded(agent);
    }

    /** An agent removed from the configuration finished the call it was on: logged out and forgotten. */
    void leave(Agent agent) {
        logOut(agent, "removed from the configuration");
        centre.forget(agent);
        centre.agentOrder.remove(agent);
        for (Agent.Membership m : agent.memberships) {
            m.group().members.remove(agent);
        }
    }

    void cancelWrapUp(Agent agent) {
        centre.timers.cancel(agent.wrapUpTimer);
        agent.wrapUpTimer = null;
    }
}
