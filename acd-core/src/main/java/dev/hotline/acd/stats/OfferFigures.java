package dev.hotline.acd.stats;

import java.util.OptionalDouble;

/**
 * The offers made to an agent (or through a skill group, or in the whole centre), and those the agent missed: what a
 * supervisor reads to find an agent who lets calls ring out, or a phone that fails them.
 *
 * @param offers      offers made ({@code CallOffered}), answered or not
 * @param notAnswered offers that rang the ring timeout without an answer ({@code CallRequeued} with
 *                    {@code NO_ANSWER}): ring-no-answer
 * @param failed      offers the agent's phone could not take: busy, unavailable, rejected ({@code CallRequeued} with
 *                    {@code FAILED})
 */
public record OfferFigures(long offers, long notAnswered, long failed) {

    /** Missed offers: {@code notAnswered + failed}. Offers taken back through no doing of the agent are not missed. */
    public long missed() {
        return notAnswered + failed;
    }

    /** The missed share of the offers: {@code missed / offers}; empty when no offer was made. */
    public OptionalDouble missedRate() {
        return Ratios.of(missed(), offers);
    }

    /** The difference between two readings, {@code earlier} and this one. */
    public OfferFigures since(OfferFigures earlier) {
        return new OfferFigures(offers - earlier.offers, notAnswered - earlier.notAnswered, failed - earlier.failed);
    }
}
