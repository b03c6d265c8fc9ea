package dev.hotline.acd.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The source documents' VIP rule: a VIP caller goes to the VIP group first; when that group is all busy (or nobody in
 * it is logged in) for {@code escalateAfter}, the call's priority rises by {@code priorityBoost} and the ordinary
 * skill groups of its queue may take it too, ahead of ordinary callers. Without a VIP group, VIP callers get the
 * raised priority from the start.
 *
 * @param group         the VIP skill group; empty when the centre has none
 * @param escalateAfter how long a VIP call waits for the VIP group alone
 * @param priorityBoost how much the priority rises on escalation
 */
public record VipPolicy(Optional<String> group, Duration escalateAfter, int priorityBoost) {
    public static final int DEFAULT_PRIORITY_BOOST = 10;

    public VipPolicy {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(escalateAfter, "escalateAfter");
    }
}
