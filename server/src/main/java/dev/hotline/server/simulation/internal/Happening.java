package dev.hotline.server.simulation.internal;

/** Something a simulated caller or agent does at a scheduled virtual time. */
public sealed interface Happening {

    /** The next caller of a business type dials in. */
    record CallerDials(int businessType) implements Happening {
    }

    /** The call was classified; the caller goes straight to the queue (the simulator does not run IVR flows). */
    record CallerQueues(String callId) implements Happening {
    }

    /** The caller's patience runs out: hangs up unless an agent has answered by now. */
    record PatienceRunsOut(String callId) implements Happening {
    }

    /** The agent picks up offer number {@code offer} of the call, if it is still ringing there. */
    record AgentPicksUp(String callId, String agentId, int offer) implements Happening {
    }

    /** The conversation is over; the agent hangs up. */
    record AgentHangsUp(String callId) implements Happening {
    }

    /** An agent the engine made not ready at {@code since} is ready again, unless that changed meanwhile. */
    record AgentReturns(String agentId, long since) implements Happening {
    }

    /**
     * The agent's duty begins or ends now ({@link dev.hotline.server.simulation.Roster}); or, {@code recheck}, a second
     * look at it, not one of the roster's changes: the wrap-up the shift's end waited for is over, or the agent logged
     * out after a call that outlasted one shift though the next has begun.
     */
    record ShiftChange(String agentId, boolean recheck) implements Happening {
    }

    /**
     * The IVR flow a queue's treatment sent the caller to ends the call (flows are not simulated: it ends at once,
     * neither self-service nor abandoned; the queue counted the call overflowed).
     */
    record TreatmentFlowEnds(String callId, String flow) implements Happening {
    }
}
