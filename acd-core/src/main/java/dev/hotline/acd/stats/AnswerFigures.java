package dev.hotline.acd.stats;

import java.util.OptionalDouble;

/**
 * Answered and handled calls of a queue, a skill group, an agent or the whole centre. Times are milliseconds.
 *
 * @param answered                calls an agent answered ({@code CallAnswered})
 * @param answeredWithinThreshold answered calls that waited no longer than their queue's service-level threshold
 * @param answeredAfterWaiting    answered calls that were not offered to an agent at once (waited before the first
 *                                offer &gt; 0): the calls Erlang C counts as having to wait
 * @param answerWaitMillis        total waited time of the answered calls, from entering the first queue to answer
 *                                (ring time included)
 * @param handled                 answered calls whose conversation ended ({@code CallEnded} with ANSWERED)
 * @param talkMillis              total conversation time of the handled calls
 * @param wrapUpMillis            total after-call work of the handled calls (the agent's WRAP_UP time after them)
 */
public record AnswerFigures(long answered, long answeredWithinThreshold, long answeredAfterWaiting,
                            long answerWaitMillis, long handled, long talkMillis, long wrapUpMillis) {

    /** Average speed of answer: {@code answerWaitMillis / answered}; empty when nothing was answered. */
    public OptionalDouble asaMillis() {
        return Ratios.of(answerWaitMillis, answered);
    }

    /** P(wait): {@code answeredAfterWaiting / answered}; empty when nothing was answered. */
    public OptionalDouble probabilityOfWaiting() {
        return Ratios.of(answeredAfterWaiting, answered);
    }

    /** Average talk time: {@code talkMillis / handled}; empty when no call was handled. */
    public OptionalDouble averageTalkMillis() {
        return Ratios.of(talkMillis, handled);
    }

    /** Average handling time: {@code (talkMillis + wrapUpMillis) / handled}; empty when no call was handled. */
    public OptionalDouble ahtMillis() {
        return Ratios.of(talkMillis + wrapUpMillis, handled);
    }
}
