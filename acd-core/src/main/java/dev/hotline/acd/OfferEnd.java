package dev.hotline.acd;

/**
 * Why an offer ended without an answer and its call went back to the queue ({@link Decision.CallRequeued}): whether
 * the agent missed it, which the figures count against the agent, or it was taken back through no doing of theirs.
 */
public enum OfferEnd {
    /**
     * Taken back before the agent could answer, through no doing of theirs: the caller's line never came free, the
     * agent was removed or logged out or their phone was taken before it rang. First, because it is what a journal
     * line written before this field reads as: such a journal counts no missed offers.
     */
    TAKEN_BACK,
    /** The agent's phone rang its ring timeout without an answer (ring-no-answer). */
    NO_ANSWER,
    /** The agent's phone could not be rung: busy, unavailable, rejected (Asterisk's Dial status). */
    FAILED;

    /** Whether the agent missed the offer: it rang out or their phone failed it. */
    public boolean missedByAgent() {
        return this != TAKEN_BACK;
    }
}
