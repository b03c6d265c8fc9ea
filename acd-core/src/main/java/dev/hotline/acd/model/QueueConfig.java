package dev.hotline.acd.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A business queue: where calls of a business type wait for an agent of the queue's skill groups.
 *
 * @param id                    stable identifier
 * @param name                  display name
 * @param groups                the skill groups that serve this queue's ordinary callers
 * @param strategy              how one idle agent is picked among the eligible ones
 * @param basePriority          the priority ordinary callers start with (higher is served first)
 * @param serviceLevelThreshold answered within this counts towards the service level
 * @param ringTimeout           an offer not answered within this is a ring-no-answer
 * @param wrapUp                after-call work time before the agent is ready again
 * @param maxWaiting            the most calls that may wait at once; 0 for no limit
 * @param maxWait               the longest a call may wait before the max-wait treatment; empty for no limit
 * @param escalation            timed steps for calls still waiting, ordered by time
 * @param hours                 when the queue is open
 * @param treatments            what happens to calls the queue cannot keep
 */
public record QueueConfig(
        String id,
        String name,
        List<String> groups,
        RoutingStrategy strategy,
        int basePriority,
        Duration serviceLevelThreshold,
        Duration ringTimeout,
        Duration wrapUp,
        int maxWaiting,
        Optional<Duration> maxWait,
        List<EscalationStep> escalation,
        OpeningHours hours,
        QueueTreatments treatments) {

    public QueueConfig {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        groups = List.copyOf(groups);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(wrapUp, "wrapUp");
        Objects.requireNonNull(maxWait, "maxWait");
        escalation = List.copyOf(escalation);
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(treatments, "treatments");
    }
}
