package dev.hotline.acd;

/**
 * What an agent's phone is doing, as the telephony reports it (Asterisk's device state of the agent's endpoint). It
 * is not the agent's ACD state: a READY agent whose phone is {@link #BUSY} stays READY, but is not offered calls until
 * the phone is {@link #FREE} again. A phone never reported is {@link #FREE}, so a centre without device states routes
 * on the agents' states alone.
 */
public enum PhoneState {
    /** Idle, or its state is not known: an offer can ring it. */
    FREE,
    /** In a call, ringing or on hold (a private call, or the end of one the ACD gave): an offer would find it busy. */
    BUSY,
    /** Not registered or no such device: an offer would ring nowhere. */
    UNREACHABLE;

    /** Whether an agent whose phone is in this state may be offered a call. */
    public boolean offerable() {
        return this == FREE;
    }
}
