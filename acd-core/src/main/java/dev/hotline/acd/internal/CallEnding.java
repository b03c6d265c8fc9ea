package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Outcome;

/**
 * How calls end other than by a queue's treatment: self-service completed in the IVR, the IVR ending the call
 * otherwise, the caller hanging up (in the IVR, waiting, ringing or talking), the agent hanging up, the call handed
 * back to Asterisk as Hotline stops. A finished conversation feeds the queue's handle time.
 */
final class CallEnding {

    private final Centre centre;
    private final AgentLifecycle lifecycle;

    CallEnding(Centre centre, AgentLifecycle lifecycle) {
        this.centre = centre;
        this.lifecycle = lifecycle;
    }

    void selfServiceCompleted(AcdEvent.SelfServiceCompleted e) {
        Call call = centre.requireCall(e.callId(), "complete self-service");
        if (call.status != Call.Status.IN_IVR) {
            throw new Rejection("call " + call.id + " cannot complete self-service: call is " + Centre.describe(call));
        }
        endInIvr(call, Outcome.SELF_SERVICE, "self-service completed in flow " + e.flow());
    }

    /**
     * A call in the IVR is over: its record names the queue whose treatment sent it there and its wait in the ACD until
     * then, none for a call that never queued.
     */
    private void endInIvr(Call call, Outcome outcome, String cause) {
        BusinessQueue left = call.leftForIvr;
        centre.endCall(call, outcome, left, null, left == null ? 0 : call.waitedBeforeIvr, 0, cause);
    }

    void ivrEnded(AcdEvent.IvrEnded e) {
        Call call = centre.requireCall(e.callId(), "be ended by the IVR");
        if (call.status != Call.Status.IN_IVR) {
            throw new Rejection("call " + call.id + " cannot be ended by the IVR: call is " + Centre.describe(call));
        }
        endInIvr(call, Outcome.ENDED_IN_IVR, "flow " + e.flow() + " ended the call (" + e.disposition() + ")");
    }

    /**
     * The call goes back to Asterisk's dialplan as Hotline stops: out of the ACD (overflowed) unless an agent is on
     * it, whose conversation goes on in Asterisk and ends here; nobody hung up.
     */
    void handedBack(AcdEvent.CallHandedBack e) {
        long now = centre.now;
        Call call = centre.requireCall(e.callId(), "be handed back to Asterisk");
        String cause = "handed back to Asterisk's dialplan: " + e.why();
        switch (call.status) {
            case IN_IVR -> endInIvr(call, Outcome.OVERFLOWED, cause);
            case WAITING -> {
                BusinessQueue queue = call.queue;
                centre.detach(call);
                centre.endCall(call, Outcome.OVERFLOWED, queue, null, call.waited(now), 0, cause);
            }
            case OFFERED -> {
                BusinessQueue queue = call.queue;
                Agent agent = takeFromAgent(call);
                centre.endCall(call, Outcome.OVERFLOWED, queue, null, call.waited(now), 0, cause);
                lifecycle.offerWithdrawn(agent, call, e.why());
            }
            case TALKING -> endConversation(call, e.why() + ", the conversation going on in Asterisk");
            case ENDED -> throw new IllegalStateException("ended call " + call.id + " is still in the engine");
        }
    }

    void callerHungUp(AcdEvent.CallerHungUp e) {
        long now = centre.now;
        Call call = centre.requireCall(e.callId(), "be hung up by the caller");
        switch (call.status) {
            case IN_IVR -> endInIvr(call, Outcome.ABANDONED, "caller hung up in the IVR");
            case WAITING -> {
                BusinessQueue queue = call.queue;
                centre.detach(call);
                centre.endCall(call, Outcome.ABANDONED, queue, null, call.waited(now), 0,
                        "caller hung up while waiting in queue " + queue.id);
            }
            case OFFERED -> {
                BusinessQueue queue = call.queue;
                // an offer held for the caller's line (a prompt playing) never rang the agent's phone, nor one made
                // as the caller's hang-up was on its way (the session had no offer in hand)
                boolean heldForTheLine = call.ringTimer != null && call.ringTimer.kind == Timer.Kind.LINE_WAIT;
                Agent agent = takeFromAgent(call);
                centre.endCall(call, Outcome.ABANDONED, queue, null, call.waited(now), 0, !e.whileDialling()
                        ? "caller hung up before the offer to agent " + agent.id() + " reached their phone"
                        : heldForTheLine
                        ? "caller hung up while the offer to agent " + agent.id() + " waited for the caller's line"
                        : "caller hung up while agent " + agent.id() + "'s phone rang");
                lifecycle.offerWithdrawn(agent, call, "caller hung up");
            }
            case TALKING -> endConversation(call, "caller hung up");
            case ENDED -> throw new IllegalStateException("ended call " + call.id + " is still in the engine");
        }
    }

    void agentHungUp(AcdEvent.AgentHungUp e) {
        Call call = centre.requireCall(e.callId(), "be hung up by its agent");
        if (call.status != Call.Status.TALKING) {
            throw new Rejection("call " + call.id + " cannot be hung up by its agent: call is "
                    + Centre.describe(call));
        }
        endConversation(call, "agent hung up");
    }

    /** The conversation is over: the call ends ANSWERED and the agent goes to wrap-up (or straight to READY). */
    /** The ringing call leaves its queue and its agent, who is returned for what becomes of them. */
    private Agent takeFromAgent(Call call) {
        Agent agent = call.agent;
        centre.detach(call);
        call.agent = null;
        agent.call = null;
        return agent;
    }

    private void endConversation(Call call, String cause) {
        Agent agent = call.agent;
        BusinessQueue queue = call.queue;
        long talk = centre.now - call.answeredAt;
        long wrapUp = queue.wrapUpMillis;
        agent.talkMillis += talk;
        queue.recordHandleTime(talk + wrapUp);
        centre.detach(call);
        agent.call = null;
        centre.endCall(call, Outcome.ANSWERED, queue, agent, call.answeredAt - call.enteredAcdAt, talk, cause);
        lifecycle.conversationEnded(agent, call, wrapUp);
    }
}
