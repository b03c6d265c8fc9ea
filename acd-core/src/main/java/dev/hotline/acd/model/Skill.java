package dev.hotline.acd.model;

import java.util.Objects;

/**
 * An agent's membership of a skill group.
 *
 * @param group the skill group id
 * @param level 1 (basic) to 10 (expert); the {@link RoutingStrategy#SKILL_LEVEL} strategy prefers higher levels
 */
public record Skill(String group, int level) {
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 10;

    public Skill {
        Objects.requireNonNull(group, "group");
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("skill level for group " + group + " must be 1..10: " + level);
        }
    }
}
