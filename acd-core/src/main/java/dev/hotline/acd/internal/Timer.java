package dev.hotline.acd.internal;

/** Something the engine must do at {@code deadline} unless it is cancelled first. */
final class Timer {

    /** What the timer is for. */
    enum Kind {
        /** The offered call rang {@code call}'s agent for the ring timeout. */
        RING,
        /**
         * The offer to {@code call}'s agent waited for the caller's line (a prompt playing) and its phone has not
         * started ringing within the longest such wait ({@link dev.hotline.acd.AcdEvent.OfferDelayed}).
         */
        LINE_WAIT,
        /** The agent's wrap-up time is over. */
        WRAP_UP,
        /** The call's next escalation step is due. */
        STEP,
        /** The call has waited the queue's maximum wait. */
        MAX_WAIT,
        /** The agent made not ready by a missed call is ready again ({@link Centre#missedCallBreakMillis}). */
        MISSED_CALL_BREAK
    }

    final long deadline;
    /** When it was scheduled: {@code deadline - armedAt} is how long it ran, for the explanations. */
    final long armedAt;
    final long seq;
    final Kind kind;
    final Call call;
    final Agent agent;
    /** The {@link TimerQueue} lane the timer waits in; null once it has fired or been cancelled. */
    TimerQueue.Lane lane;
    /** Its neighbours in the lane, earlier and later. */
    Timer prev;
    Timer next;

    Timer(long armedAt, long deadline, long seq, Kind kind, Call call, Agent agent) {
        this.armedAt = armedAt;
        this.deadline = deadline;
        this.seq = seq;
        this.kind = kind;
        this.call = call;
        this.agent = agent;
    }

    /** Pending: neither fired nor cancelled. */
    boolean pending() {
        return lane != null;
    }

    @Override
    public String toString() {
        return kind + "@" + deadline + (call != null ? " call " + call.id : "") + (agent != null ? " agent " + agent.id() : "");
    }
}
