package dev.hotline.acd;

import dev.hotline.acd.model.CentreConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes into the routing engine. Every event is stamped with its time ({@code at}, epoch milliseconds) where it
 * entered the system, so the engine never reads a clock and runs the same in real and in virtual time.
 */
public sealed interface AcdEvent {

    /** Epoch milliseconds at which the event happened. */
    long at();

    /** The call an event is about, or null for agent and configuration events. */
    static String callIdOf(AcdEvent event) {
        return switch (event) {
            case CallArrived e -> e.callId();
            case QueueRequested e -> e.callId();
            case SelfServiceCompleted e -> e.callId();
            case IvrEnded e -> e.callId();
            case CallerHungUp e -> e.callId();
            case CallHandedBack e -> e.callId();
            case AgentHungUp e -> e.callId();
            case OfferDelayed e -> e.callId();
            case OfferRinging e -> e.callId();
            case OfferAnswered e -> e.callId();
            case OfferFailed e -> e.callId();
            case AgentLoggedIn e -> null;
            case AgentLoggedOut e -> null;
            case AgentReady e -> null;
            case AgentNotReady e -> null;
            case PhoneStateChanged e -> null;
            case ConfigChanged e -> null;
        };
    }

    /** A call reached the centre: blacklist, then business type by dialled number. Answered by classification. */
    record CallArrived(long at, String callId, String callerNumber, String dialledNumber) implements AcdEvent {
        public CallArrived {
            Objects.requireNonNull(callId, "callId");
            callerNumber = callerNumber == null ? "" : callerNumber;
            dialledNumber = dialledNumber == null ? "" : dialledNumber;
        }
    }

    /**
     * A classified call asks for an agent (straight after arrival, or from the IVR's queue node).
     *
     * @param businessType  overrides the business type the dialled number gave (an IVR menu choice); empty keeps it
     * @param priorityRaise added to the queue's base priority (an IVR rule may raise it)
     * @param attachedData  what the caller entered or the IVR looked up, shown to the agent on screen pop
     */
    record QueueRequested(long at, String callId, Optional<String> businessType, int priorityRaise,
                          Map<String, String> attachedData) implements AcdEvent {
        public QueueRequested {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(businessType, "businessType");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /** The IVR finished the caller's business in self-service (counts towards the connection rate). */
    record SelfServiceCompleted(long at, String callId, String flow) implements AcdEvent {
    }

    /**
     * The IVR flow hung up on the caller without completing self-service and without asking for an agent (a
     * closed-hours message, a locked PIN, too many invalid entries): the call ends {@link Outcome#ENDED_IN_IVR}.
     *
     * @param flow        the flow that ended the call
     * @param disposition the flow's disposition of the ending ("closed-hours", "pin-locked", "step-limit", ...)
     */
    record IvrEnded(long at, String callId, String flow, String disposition) implements AcdEvent {
        public IvrEnded {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(disposition, "disposition");
        }
    }

    /**
     * The caller hung up, wherever the call was (IVR, queue, ringing an agent, talking).
     *
     * @param whileDialling whether the call's session was dialling an agent (or about to, after a prompt) when the
     *                      caller hung up; false when it had no offer in hand, so that an offer the engine made as the
     *                      hang-up was on its way never rang a phone, which the call's record then says
     */
    record CallerHungUp(long at, String callId, boolean whileDialling) implements AcdEvent {

        /** A hang-up from a session that does not tell whether it was dialling: taken as dialling any offer made. */
        public CallerHungUp(long at, String callId) {
            this(at, callId, true);
        }
    }

    /** The agent ended a connected call. */
    record AgentHungUp(long at, String callId) implements AcdEvent {
    }

    /**
     * The call leaves Hotline for Asterisk's dialplan, which goes on after {@code AGI()}, without an outcome of its
     * own: Hotline is stopping and closes the call's FastAGI session. A waiting call is overflowed (the dialplan's
     * fallback takes it), a conversation goes on in Asterisk and ends here as answered; neither caller hung up.
     *
     * @param why what the call's end says, e.g. "Hotline stopped"
     */
    record CallHandedBack(long at, String callId, String why) implements AcdEvent {
        public CallHandedBack {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * The offer cannot ring yet: the caller's line is busy with a prompt, and the agent's phone is dialled when it
     * ends ({@link OfferRinging}). The engine holds the offer meanwhile, for at most the ring timeout and
     * {@link #LONGEST_WAIT_FOR_THE_LINE}, in case the session never says more.
     */
    record OfferDelayed(long at, String callId, String agentId) implements AcdEvent {
        /** How long an offer waits for the caller's line before its ring timeout begins anyway. */
        public static final long LONGEST_WAIT_FOR_THE_LINE = 120_000;
    }

    /**
     * The offered agent's phone started ringing later than the offer was made (after an {@link OfferDelayed}): the
     * ring timeout counts from now, so the engine does not withdraw an offer that is still ringing for its whole time.
     * A phone that rings as the offer is made needs no such event.
     *
     * @param ringTimeoutMillis the ring timeout the offer was made with, which Asterisk's Dial was given (a reload
     *                          may have changed the queue's since)
     */
    record OfferRinging(long at, String callId, String agentId, long ringTimeoutMillis) implements AcdEvent {
    }

    /** The agent's phone answered the offered call. */
    record OfferAnswered(long at, String callId, String agentId) implements AcdEvent {
    }

    /**
     * The offer ended unanswered before the ACD's ring timer: the agent rejected it, the phone was busy or
     * unreachable, or it rang out. Asterisk's Dial is told a second less than the ring timeout, so a phone that rings
     * out ends there first, with the cause {@link #RANG_OUT}: counted as a ring-no-answer (OfferEnd.NO_ANSWER); any
     * other cause as a failed offer (OfferEnd.FAILED).
     */
    record OfferFailed(long at, String callId, String agentId, String cause) implements AcdEvent {
        /** The cause of a phone that rang for its whole time without an answer (Dial's NOANSWER at its timeout). */
        public static final String RANG_OUT = "no answer";
    }

    record AgentLoggedIn(long at, String agentId) implements AcdEvent {
    }

    record AgentLoggedOut(long at, String agentId) implements AcdEvent {
    }

    /** The agent is ready for calls (from not ready, or ending wrap-up early). */
    record AgentReady(long at, String agentId) implements AcdEvent {
    }

    /** The agent stops taking calls, with a reason code ("break", "lunch", "training", ...). */
    record AgentNotReady(long at, String agentId, String reason) implements AcdEvent {
    }

    /**
     * The agent's phone changed state (the telephony's device state of the agent's endpoint). It does not change the
     * agent's ACD state: a READY agent whose phone is not {@link PhoneState#FREE} is not offered calls, and takes the
     * first waiting call it can serve as soon as the phone is free again. Reports that repeat the state in force
     * change nothing.
     */
    record PhoneStateChanged(long at, String agentId, PhoneState state) implements AcdEvent {
        public PhoneStateChanged {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(state, "state");
        }
    }

    /** A new configuration replaces the running one; waiting calls and agents carry over. */
    record ConfigChanged(long at, CentreConfig config) implements AcdEvent {
        public ConfigChanged {
            Objects.requireNonNull(config, "config");
        }
    }
}
