package dev.hotline.acd.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One call in the centre, from arrival to its end. Mutable; owned by the engine thread. */
final class Call {

    /** Where the call is. */
    enum Status {
        /** Classified; in the IVR (or on its way to the queue). */
        IN_IVR,
        /** In a queue, waiting for an agent. */
        WAITING,
        /** Offered to an agent whose phone rings. */
        OFFERED,
        /** Connected to an agent. */
        TALKING,
        /** Over; no longer in the engine. */
        ENDED
    }

    /**
     * The order in which waiting calls are served: higher priority first; within a priority, a call that came back
     * from a ring-no-answer first; then earlier arrival in the ACD; then arrival order at the centre.
     */
    static final Comparator<Call> SERVICE_ORDER = (a, b) -> serviceOrder(a.priority, a.requeued, a.enteredAcdAt,
            a.seq, b);

    /** {@link #SERVICE_ORDER} of a call with this priority, requeued flag, ACD entry and sequence against {@code b}. */
    static int serviceOrder(int priority, boolean requeued, long enteredAcdAt, long seq, Call b) {
        if (priority != b.priority) {
            return priority > b.priority ? -1 : 1;
        }
        if (requeued != b.requeued) {
            return requeued ? -1 : 1;
        }
        if (enteredAcdAt != b.enteredAcdAt) {
            return Long.compare(enteredAcdAt, b.enteredAcdAt);
        }
        return Long.compare(seq, b.seq);
    }

    final String id;
    /** {@link CallTable#hash} of {@link #id}. */
    final int idHash;
    /** The next call in the same slot of the {@link CallTable}. */
    Call nextInTable;
    final String callerNumber;
    final String dialledNumber;
    final long seq;
    /** "name (tier)" of the caller's VIP entry, null for ordinary callers. Decided at arrival. */
    final String vipLabel;
    /** {@link #vipLabel} as the decisions carry it, made once at arrival. */
    final Optional<String> vip;
    String businessType;
    /** How the call was classified at arrival, for the queue of its own business type without a look-up. */
    NumberPlan.Classification classification;
    Status status = Status.IN_IVR;
    Map<String, String> attachedData = Map.of();
    int priorityRaise;
    /** When the call first entered a queue; -1 before. Escalation steps are timed from here. */
    long enteredAcdAt = -1;

    BusinessQueue queue;
    EscalationPlan plan;
    int stepsFired;
    long queueEnteredAt;
    /** Ordering key, changed only while the call is out of every index. */
    int priority;
    boolean requeued;
    /**
     * Filed in the waiting orders of its queue and groups. A WAITING call is filed except for the moment between
     * entering a queue and being offered to an idle agent at once: most calls of a staffed centre never need filing.
     */
    boolean indexed;
    /** The groups through which agents may take the call, and the step that added each; shared, never changed. */
    Eligibility eligibility = Eligibility.NONE;
    /** Queues the call has been in, to stop overflow cycles. */
    final List<String> visited = new ArrayList<>(2);

    Agent agent;
    Group offeredVia;
    long answeredAt;
    /**
     * The queue whose treatment sent the call to an IVR flow, and how long it had waited then: its record names them
     * however the flow ends it. Null for a call that never left a queue for the IVR.
     */
    BusinessQueue leftForIvr;
    long waitedBeforeIvr;

    Timer stepTimer;
    Timer maxWaitTimer;
    Timer ringTimer;

    Call(String id, String callerNumber, String dialledNumber, long seq, String vipLabel, String businessType) {
        this.id = id;
        this.idHash = CallTable.hash(id);
        this.callerNumber = callerNumber;
        this.dialledNumber = dialledNumber;
        this.seq = seq;
        this.vipLabel = vipLabel;
        this.vip = Optional.ofNullable(vipLabel);
        this.businessType = businessType;
    }

    boolean vip() {
        return vipLabel != null;
    }

    /** Time since the call entered the ACD, 0 if it never did. */
    long waited(long now) {
        return enteredAcdAt < 0 ? 0 : now - enteredAcdAt;
    }

    /** The escalation step that made {@code group} eligible, empty if it served the call from the start. */
    Optional<String> addedBy(Group group) {
        Group[] eligible = eligibility.groups;
        for (int i = 0; i < eligible.length; i++) {
            if (eligible[i] == group) {
                return eligibility.addedBy.get(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "call " + id;
    }
}
