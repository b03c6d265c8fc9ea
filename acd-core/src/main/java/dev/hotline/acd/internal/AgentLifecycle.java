package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.PhoneState;

/**
 * An agent's working day: log in (NOT_READY), READY, NOT_READY with a reason, wrap-up after a call, log out; the
 * changes an agent asks for in a state that does not allow them are rejected, naming the state. An agent who becomes
 * READY takes the first waiting call it can serve.
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
        agent.answered = 0;
        agent.talkMillis = 0;
        centre.setState(agent, AgentState.NOT_READY, "logged in");
    }

    void loggedOut(AcdEvent.AgentLoggedOut e) {
        Agent agent = centre.requireAgent(e.agentId(), "log out");
        switch (agent.state) {
            case LOGGED_OUT -> throw new Rejection("agent " + agent.id() + " cannot log out: agent is already "
                    + "LOGGED_OUT");
            case RESERVED, TALKING -> throw new Rejection("agent " + agent.id() + " cannot log out: agent is "
                    + Centre.describe(agent) + "; log out after the call");
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
            case LOGGED_OUT, RESERVED, TALKING -> throw new Rejection("agent " + agent.id()
                    + " cannot become READY: agent is " + Centre.describe(agent));
        }
        dispatch.takeNextCall(agent);
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
            case LOGGED_OUT, RESERVED, TALKING -> throw new Rejection("agent " + agent.id()
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
        if (agent.state == AgentState.READY && e.state().offerable()) {
            dispatch.takeNextCall(agent, "'s phone became free (it was " + from + ")");
        }
    }

    /** The agent's conversation on {@code call} is over: wrap-up, or READY at once when the queue has none. */
    void conversationEnded(Agent agent, Call call, long wrapUpMillis) {
        if (agent.leaving) {
            leave(agent);
        } else if (wrapUpMillis == 0) {
            centre.setState(agent, AgentState.READY, "call " + call.id + " ended, no wrap-up");
            dispatch.takeNextCall(agent);
        } else {
            centre.setState(agent, AgentState.WRAP_UP, "call " + call.id + " ended");
            agent.wrapUpTimer = centre.timers.schedule(centre.now, centre.now + wrapUpMillis, Timer.Kind.WRAP_UP, null,
                    agent);
        }
    }

    /** The caller hung up while the agent's phone rang: the agent is READY again (or leaves, if removed). */
    void offerWithdrawn(Agent agent, Call call) {
        if (agent.leaving) {
            leave(agent);
        } else {
            centre.setState(agent, AgentState.READY, "offer of call " + call.id + " withdrawn: caller hung up");
            dispatch.takeNextCall(agent);
        }
    }

    void wrapUpDue(Timer timer) {
        Agent agent = timer.agent;
        if (agent.wrapUpTimer == timer) {
            agent.wrapUpTimer = null;
            centre.setState(agent, AgentState.READY, "wrap-up over");
            dispatch.takeNextCall(agent);
        }
    }

    /**
     * The agent logs out; waiting calls that no logged-in agent could serve any more (through any group their
     * escalation steps would add) get their queue's no-agents treatment.
     */
    void logOut(Agent agent, String reason) {
        cancelWrapUp(agent);
        centre.setState(agent, AgentState.LOGGED_OUT, reason);
        for (Agent.Membership m : agent.memberships) {
            admission.refuseStranded(m.group());
        }
    }

    /** An agent removed from the configuration finished the call it was on: logged out and forgotten. */
    void leave(Agent agent) {
        logOut(agent, "removed from the configuration");
        centre.agents.remove(agent.id(), agent);
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
