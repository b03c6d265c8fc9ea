package dev.hotline.acd;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.Treatment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What comes out of the routing engine: what to do with a call or an agent, and what happened, each stamped with the
 * engine time it was taken at. Rejections are values ({@link EventRejected}), not exceptions.
 */
public sealed interface Decision {

    long at();

    /**
     * The call a decision is about, or null for agent and configuration decisions; for a rejected event, the call
     * that event named.
     */
    static String callIdOf(Decision decision) {
        return switch (decision) {
            case CallRefused d -> d.callId();
            case CallClassified d -> d.callId();
            case CallQueued d -> d.callId();
            case CallOffered d -> d.callId();
            case CallRequeued d -> d.callId();
            case CallAnswered d -> d.callId();
            case CallEscalated d -> d.callId();
            case CallReplanned d -> d.callId();
            case Announcement d -> d.callId();
            case CallMoved d -> d.callId();
            case CallTreated d -> d.callId();
            case CallEnded d -> d.callId();
            case EventRejected d -> AcdEvent.callIdOf(d.event());
            case AgentStateChanged d -> null;
            case AgentAfterCall d -> null;
            case AgentPhoneChanged d -> null;
            case ConfigApplied d -> null;
        };
    }

    /** The call is refused before anything else; the caller hears {@code prompt} and the call ends. */
    record CallRefused(long at, String callId, String callerNumber, String dialledNumber, RefusalCause cause,
                       String prompt, String detail) implements Decision {
    }

    /** Why a call was refused at arrival. */
    enum RefusalCause { BLACKLISTED, UNKNOWN_NUMBER }

    /**
     * The call is accepted and belongs to a business type; it goes to {@code ivrFlow} if there is one, otherwise the
     * bridge asks for the queue at once.
     *
     * @param matchedRule which number route matched ("exact 4008001001", "prefix 400800", "default")
     * @param vip         the caller's VIP entry name and tier, empty for ordinary callers
     */
    record CallClassified(long at, String callId, String callerNumber, String dialledNumber, String businessType,
                          String queue, Optional<String> ivrFlow, String matchedRule, Optional<String> vip)
            implements Decision {
    }

    /**
     * The call waits in {@code queue}; the bridge plays music on hold. {@code expectedWaitMillis} is -1 when no agent
     * who could serve it is working (all on a break): no estimate ({@link WaitingCall}).
     */
    record CallQueued(long at, String callId, String queue, int priority, List<String> eligibleGroups, int position,
                      long expectedWaitMillis) implements Decision {
    }

    /**
     * Ring the agent: the bridge dials {@code endpoint} for at most {@code ringTimeoutMillis}, and the server pushes
     * the screen pop (the caller, what they dialled and are calling about, what the IVR attached, the reason) to the
     * agent's desktop at the same moment.
     *
     * @param dialledNumber the number the caller dialled (which advertisement)
     * @param businessType  what the call is about
     * @param vip           the caller's VIP entry name and tier, empty for ordinary callers
     */
    record CallOffered(long at, String callId, String agentId, String endpoint, String queue, long ringTimeoutMillis,
                       long waitedMillis, String callerNumber, String dialledNumber, String businessType,
                       Optional<String> vip, Map<String, String> attachedData, AssignmentReason reason)
            implements Decision {
    }

    /**
     * The offer was not answered in time, failed, or was taken back; the call goes back to its place in the queue.
     *
     * @param cause    what happened, in words
     * @param offerEnd which of those it was: whether the agent missed the offer
     */
    record CallRequeued(long at, String callId, String agentId, String queue, String cause, OfferEnd offerEnd)
            implements Decision {
        public CallRequeued {
            Objects.requireNonNull(offerEnd, "offerEnd");
        }
    }

    /** The agent answered; caller and agent are talking. */
    record CallAnswered(long at, String callId, String agentId, String queue, String group, long waitedMillis)
            implements Decision {
    }

    /** An escalation step fired for a waiting call. */
    record CallEscalated(long at, String callId, String queue, String step, List<String> addedGroups, int priority)
            implements Decision {
    }

    /**
     * A configuration change recomputed a waiting or ringing call's priority or eligible groups from its queue's new
     * settings (a changed base priority, VIP rule, group list or escalation plan): what they are now. Said only when
     * either changed, right after {@link ConfigApplied}, so the journal explains why a caller moved up or down.
     */
    record CallReplanned(long at, String callId, String queue, int priority, List<String> eligibleGroups)
            implements Decision {
        public CallReplanned {
            eligibleGroups = List.copyOf(eligibleGroups);
        }
    }

    /** The caller should hear {@code prompt} (an escalation announcement), then music again. */
    record Announcement(long at, String callId, String prompt, int position, long expectedWaitMillis)
            implements Decision {
    }

    /** The call moved to another queue (an overflow treatment or step), keeping its original arrival time. */
    record CallMoved(long at, String callId, String fromQueue, String toQueue, String cause) implements Decision {
    }

    /**
     * The queue could not keep the call and applies a treatment (closed, full, max wait, no agents, escalation), or a
     * configuration change removed the queue and moves its waiting call on to the queue its business type now leads
     * to (reconfigured, an overflow to that queue). For
     * an overflow to another queue a {@link CallMoved} follows; otherwise the call leaves the ACD ({@link CallEnded}).
     */
    record CallTreated(long at, String callId, String queue, Treatment treatment, TreatmentCause cause)
            implements Decision {
    }

    /** Why a queue applied a treatment. */
    enum TreatmentCause { CLOSED, QUEUE_FULL, MAX_WAIT, NO_AGENTS, ESCALATION, RECONFIGURED }

    /**
     * The call is over for the ACD: the one final record of every call that arrived, carrying what a call detail
     * record needs from the ACD's side (who called which number, who answered on which phone).
     *
     * @param queue        the last queue the call was in, empty if it never reached one
     * @param agentId      the agent who answered, empty unless {@link Outcome#ANSWERED}
     * @param waitedMillis time from entering the first queue to answer or to leaving (0 if never queued)
     * @param talkMillis   conversation time, 0 unless answered
     * @param cause        a short, specific cause ("caller hung up while ringing", "blacklisted", "closed", ...)
     * @param callerNumber  the caller's number, as it arrived ("" when withheld)
     * @param dialledNumber the number the caller dialled, as it arrived
     * @param endpoint      the phone of the agent who answered ({@code PJSIP/1001}), empty unless answered
     */
    record CallEnded(long at, String callId, Outcome outcome, Optional<String> queue, Optional<String> agentId,
                     long waitedMillis, long talkMillis, String cause, String callerNumber, String dialledNumber,
                     Optional<String> endpoint) implements Decision {
        public CallEnded {
            Objects.requireNonNull(callerNumber, "callerNumber");
            Objects.requireNonNull(dialledNumber, "dialledNumber");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /** An agent moved from one state to another; {@code reason} is the not-ready code or what caused the change. */
    record AgentStateChanged(long at, String agentId, AgentState from, AgentState to, String reason)
            implements Decision {
    }

    /**
     * An agent on a call asked what to do when it is over: {@code after} is {@link AgentState#NOT_READY} (with the
     * reason code) or {@link AgentState#LOGGED_OUT} where the agent would be READY again, or READY when the agent
     * withdrew an earlier request. It takes effect when the call and its wrap-up are over, or when the offer ends
     * unanswered; the latest request wins, and any change of state the agent makes before then replaces it.
     *
     * <p>A configuration change that removes an agent on a call decides it for them, right after its
     * {@code ConfigApplied}: LOGGED_OUT, reason "removed from the configuration"; one that puts the agent back before
     * the call is over restores what the agent had asked (READY, or their own request).
     *
     * @param state  the agent's state when asking: RESERVED or TALKING
     * @param reason the not-ready code for NOT_READY, "removed from the configuration" for a removal, empty otherwise
     */
    record AgentAfterCall(long at, String agentId, AgentState state, AgentState after, String reason)
            implements Decision {
        /** The reason of a logout after the call that a configuration change decided, removing the agent. */
        public static final String REMOVED = "removed from the configuration";
    }

    /**
     * The agent's phone changed state: while it is not {@link PhoneState#FREE} the agent, whatever its state, is not
     * offered calls. Reported only when the state changes, for agents the configuration knows.
     */
    record AgentPhoneChanged(long at, String agentId, PhoneState from, PhoneState to) implements Decision {
    }

    /** A new configuration is in force. */
    record ConfigApplied(long at, CentreConfig config) implements Decision {
        public ConfigApplied {
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * The event could not be applied (an impossible transition, an unknown call or agent). Nothing changed.
     *
     * @param message names the agent or call, its state, and what was asked, e.g.
     *                "agent 1001 cannot answer call c7: agent is READY, not RESERVED for c7"
     */
    record EventRejected(long at, AcdEvent event, String message) implements Decision {
    }
}
