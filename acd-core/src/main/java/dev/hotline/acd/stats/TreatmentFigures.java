package dev.hotline.acd.stats;

/**
 * Why a queue let calls go without an agent: each call it overflowed or refused, by the cause of its treatment (a
 * prompt and hang-up, voicemail, an IVR flow, another queue), or handed back to Asterisk. What a planner reads to
 * tell calls lost to closed hours from calls lost to a queue nobody staffed, and a supervisor to see a limit biting.
 * For a queue, {@link #total()} is its {@code overflowed + refused}; a call a step moves on and the next queue lets
 * go too counts in both queues, and the centre's figures are the queues' together.
 *
 * @param closed     outside the queue's hours or on a holiday
 * @param full       the queue held its {@code maxWaiting} calls
 * @param maxWait    the call waited the queue's {@code maxWait}
 * @param noAgents   nobody who could serve the call was logged in
 * @param escalation an escalation step sent the call elsewhere ({@code overflowTo})
 * @param reconfigured a configuration change removed the queue while the call waited, and the call moved on to the
 *                   queue its business type leads to now (a queue renamed, or merged into another)
 * @param handedBack no treatment: handed back to Asterisk's dialplan while waiting or ringing (Hotline stopping,
 *                   Asterisk no longer answering)
 */
public record TreatmentFigures(long closed, long full, long maxWait, long noAgents, long escalation,
                               long reconfigured, long handedBack) {

    /** No call let go. */
    public static final TreatmentFigures NONE = new TreatmentFigures(0, 0, 0, 0, 0, 0, 0);

    /** Every call let go, whatever the cause. */
    public long total() {
        return closed + full + maxWait + noAgents + escalation + reconfigured + handedBack;
    }

    /** The difference between two readings, {@code earlier} and this one. */
    public TreatmentFigures since(TreatmentFigures earlier) {
        return new TreatmentFigures(closed - earlier.closed, full - earlier.full, maxWait - earlier.maxWait,
                noAgents - earlier.noAgents, escalation - earlier.escalation, reconfigured - earlier.reconfigured,
                handedBack - earlier.handedBack);
    }
}
