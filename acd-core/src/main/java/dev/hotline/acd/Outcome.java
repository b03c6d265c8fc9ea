package dev.hotline.acd;

/** How a call that entered the centre ended. Every call ends in exactly one. */
public enum Outcome {
    /** An agent answered it (reported when the conversation ends). */
    ANSWERED,
    /** The caller hung up before an agent answered (in the IVR, waiting, or while an agent's phone rang). */
    ABANDONED,
    /** Not accepted: blacklisted, unknown number, or a queue's closed / full / no-agent prompt-and-hang-up. */
    REFUSED,
    /**
     * Sent out of the ACD by a treatment or an escalation step (voicemail or an IVR flow), or handed back to Asterisk's
     * dialplan as Hotline stops ({@link AcdEvent.CallHandedBack}).
     */
    OVERFLOWED,
    /** Finished in IVR self-service without an agent. */
    SELF_SERVICE,
    /**
     * The IVR flow hung up without completing self-service and without asking for an agent (a closed-hours message,
     * a locked PIN, too many invalid entries). Not connected, not abandoned: the caller did not give up.
     */
    ENDED_IN_IVR
}
