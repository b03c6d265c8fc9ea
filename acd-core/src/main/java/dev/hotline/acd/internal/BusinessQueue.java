package dev.hotline.acd.internal;

import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.VipPolicy;
import java.util.Optional;

/**
 * A queue at run time: its settings and plans, its waiting calls in service order (for positions), counts, and the
 * smoothed handle time its expected waits are computed from.
 */
final class BusinessQueue {

    /** The handle time assumed until the queue has answered a call: 180 s, a typical inbound AHT. */
    static final long INITIAL_HANDLE_MILLIS = 180_000;
    /**
     * Weight of the newest call in the smoothed handle time. 1/8 (TCP's smoothing of round-trip times) followed the
     * last few calls so closely that a queue grown long after some long calls told its callers 10-15% too much;
     * 1/32 keeps them within 10% (ExpectedWaitAccuracyTest) and still follows a change of call length in some 20
     * calls (half-life).
     */
    static final double HANDLE_WEIGHT = 1.0 / 32;

    final String id;
    /** {@link #id} as the decisions carry it, made once rather than for every call that ends here. */
    final Optional<String> idAsOptional;
    QueueConfig config;
    /*
     * The settings read on every offer, answer and hang-up, copied out of the configuration record when it is put in
     * force: one field of an object already in hand instead of a chase through the record and its Durations.
     */
    RoutingStrategy strategy;
    long ringTimeoutMillis;
    long wrapUpMillis;
    int maxWaiting;
    /** The maximum wait, or -1 when the queue has none. */
    long maxWaitMillis;
    QueueHours hours;
    EscalationPlan ordinaryPlan;
    EscalationPlan vipPlan;
    /** Removed from the configuration; serves the calls it holds under its last settings, then disappears. */
    boolean retired;
    final OrderStatisticTree<Call> waiting = new OrderStatisticTree<>(Call.SERVICE_ORDER, c -> c.enteredAcdAt);
    int ringing;
    /** Calls waiting, ringing or talking that belong to this queue. */
    int activeCalls;
    private double smoothedHandleMillis = INITIAL_HANDLE_MILLIS;
    /** Answered calls whose handle time the smoothed one has taken in (the default counts for none). */
    private long handleCalls;

    BusinessQueue(String id) {
        this.id = id;
        this.idAsOptional = Optional.of(id);
    }

    void configure(QueueConfig queue, VipPolicy vipPolicy) {
        this.config = queue;
        this.strategy = queue.strategy();
        this.ringTimeoutMillis = queue.ringTimeout().toMillis();
        this.wrapUpMillis = queue.wrapUp().toMillis();
        this.maxWaiting = queue.maxWaiting();
        this.maxWaitMillis = queue.maxWait().map(java.time.Duration::toMillis).orElse(-1L);
        this.hours = new QueueHours(queue.hours());
        this.ordinaryPlan = EscalationPlan.ordinary(queue);
        this.vipPlan = EscalationPlan.vip(queue, vipPolicy);
        this.retired = false;
    }

    EscalationPlan planFor(Call call) {
        return call.vip() ? vipPlan : ordinaryPlan;
    }

    /**
     * Adds an answered call's talk time plus wrap-up to the smoothed handle time: the plain mean of the queue's first
     * calls, then, from the 32nd, the exponentially weighted mean. (Replacing the default by the first call and
     * weighting on at 1/32 let one short first call tell callers half their wait for an hour after a start.)
     */
    void recordHandleTime(long millis) {
        handleCalls++;
        smoothedHandleMillis += Math.max(HANDLE_WEIGHT, 1.0 / handleCalls) * (millis - smoothedHandleMillis);
    }

    long smoothedHandleMillis() {
        return Math.round(smoothedHandleMillis);
    }

    @Override
    public String toString() {
        return "queue " + id;
    }
}
