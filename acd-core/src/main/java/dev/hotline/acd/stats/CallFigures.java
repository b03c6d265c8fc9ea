package dev.hotline.acd.stats;

import java.util.OptionalDouble;

/**
 * What happened to the calls that entered a queue (or, for the centre, any queue). Every call that entered is, at
 * any moment, in exactly one of: answered, abandoned, overflowed, refused, still waiting; so
 * {@code offered == answers.answered + abandoned + overflowed + refused + waiting} over the running figures.
 *
 * @param offered                 calls that entered the queue (queued, or treated at its door); a call moved here from
 *                                another queue is offered here too. For the centre: calls that entered any queue,
 *                                each counted once
 * @param answers                 the answered calls
 * @param abandoned               callers who hung up while waiting (ringing an agent included), short abandons
 *                                included
 * @param shortAbandoned          of {@code abandoned}, those who waited less than the centre's short-abandon time
 * @param abandonedAfterThreshold abandons that are not short and waited longer than the service-level threshold
 * @param overflowed              calls that left the queue by a treatment or escalation: moved to another queue,
 *                                voicemail or an IVR flow. For the centre only voicemail and IVR (a move stays inside)
 * @param refused                 calls a queue turned away with a prompt and hang-up (closed, full, no agents...)
 * @param treated                 the calls the queue overflowed or refused, by why: the cause of its treatment
 *                                (closed, full, maximum wait, no agents, a step) or handed back to Asterisk. For the
 *                                centre: every queue's together
 * @param waiting                 calls waiting now (ringing included); 0 in intervals that are over
 * @param longestWaitMillis       the longest wait of an answered or abandoned call
 * @param longestCurrentWaitMillis the longest wait of a call still waiting now; 0 in intervals that are over
 */
public record CallFigures(long offered, AnswerFigures answers, long abandoned, long shortAbandoned,
                          long abandonedAfterThreshold, long overflowed, long refused, TreatmentFigures treated,
                          long waiting,
                          long longestWaitMillis, long longestCurrentWaitMillis) {

    /**
     * Service level: calls answered within the threshold / (calls answered + calls abandoned after the threshold).
     * Short abandons, abandons within the threshold, overflowed and refused calls are in neither. Empty when the
     * denominator is 0.
     */
    public OptionalDouble serviceLevel() {
        return Ratios.of(answers.answeredWithinThreshold(), answers.answered() + abandonedAfterThreshold);
    }

    /** Abandonment rate: (abandoned - short abandons) / (offered - short abandons); empty when that is 0 or less. */
    public OptionalDouble abandonmentRate() {
        // an interval's short abandons may be of calls offered in the one before: no calls left to rate, no rate
        long rated = offered - shortAbandoned;
        return rated <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (abandoned - shortAbandoned) / rated);
    }

    /** {@link #longestWaitMillis}, empty when no call was answered or abandoned (no wait to speak of). */
    public OptionalDouble longestWaitMillisIfAny() {
        return answers.answered() + abandoned == 0 ? OptionalDouble.empty() : OptionalDouble.of(longestWaitMillis);
    }

    /**
     * The share of offered calls an agent answered: answered / offered; empty when nothing was offered. Not the
     * centre's connection rate (接通率), which counts IVR self-service too: {@link CentreFigures#connectionRate()}.
     */
    public OptionalDouble answerRate() {
        return Ratios.of(answers.answered(), offered);
    }
}
