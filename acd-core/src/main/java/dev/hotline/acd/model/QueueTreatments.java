package dev.hotline.acd.model;

import java.util.Objects;

/**
 * What a queue does with a call it cannot keep.
 *
 * @param closed   the call arrives outside opening hours or on a holiday
 * @param full     the queue already holds its maximum of waiting calls
 * @param maxWait  the call has waited the queue's maximum wait
 * @param noAgents no agent that could serve the call is logged in (on arrival, or when the last one logs out)
 */
public record QueueTreatments(Treatment closed, Treatment full, Treatment maxWait, Treatment noAgents) {
    public QueueTreatments {
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(noAgents, "noAgents");
    }
}
